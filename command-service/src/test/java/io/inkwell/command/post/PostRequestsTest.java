package io.inkwell.command.post;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.validation.Validation;
import jakarta.validation.Validator;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/** What a post's request body becomes before the command sees it: trimmed, then checked. */
class PostRequestsTest {

    private static final Validator validator = Validation.buildDefaultValidatorFactory().getValidator();

    @Test
    void trimsTitleAndEveryTagButLeavesTheContentAsWritten() {
        CreatePostRequest request = new CreatePostRequest("  Hello  ", "  indented\n", List.of(" java ", "cqrs "), "hello");

        assertThat(request.title()).isEqualTo("Hello");
        assertThat(request.content()).isEqualTo("  indented\n");
        assertThat(request.tags()).containsExactly("java", "cqrs");
    }

    @Test
    void keepsMissingFieldsMissingSoThatAnEditLeavesThemAlone() {
        EditPostRequest edit = new EditPostRequest(null, null, null);

        assertThat(edit.title()).isNull();
        assertThat(edit.tags()).isNull();
        assertThat(new EditPostRequest(" New ", null, List.of(" a ")).title()).isEqualTo("New");
        assertThat(new EditPostRequest(" New ", null, List.of(" a ")).tags()).containsExactly("a");
    }

    @Test
    void keepsANullTagSoThatValidationCanNameIt() {
        CreatePostRequest request = new CreatePostRequest("Title", "x", Arrays.asList("java", null), null);

        assertThat(request.tags()).containsExactly("java", null);
        assertThat(validator.validate(request)).extracting(v -> v.getPropertyPath().toString()).containsExactly("tags[1].<list element>");
    }

    @Test
    void refusesATitleOfOnlySpaceAndASlugThatIsNotLowerCaseWordsJoinedByHyphens() {
        assertThat(validator.validate(new CreatePostRequest("   ", "x", null, null)))
                .extracting(v -> v.getPropertyPath().toString()).containsExactly("title");
        for (String slug : List.of("Hello", "hello--world", "-hello", "hello-", "héllo", "hello world")) {
            assertThat(validator.validate(new CreatePostRequest("Title", "x", null, slug)))
                    .as(slug).extracting(v -> v.getPropertyPath().toString()).containsExactly("slug");
        }
        assertThat(validator.validate(new CreatePostRequest("Title", "x", null, "hello-world-2"))).isEmpty();
    }
}
