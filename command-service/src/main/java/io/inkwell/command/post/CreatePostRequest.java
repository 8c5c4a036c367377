package io.inkwell.command.post;

import io.inkwell.support.validation.CleanText;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.List;

/** The body of {@code POST /posts}. Title and tags are trimmed before they are checked. */
record CreatePostRequest(
        @NotBlank @Size(max = 255) @CleanText String title,
        @NotNull @Size(max = 100_000) @CleanText String content,
        @Size(max = 10) List<@NotBlank @Size(max = 50) @CleanText String> tags,
        @Size(max = Slugs.MAX_LENGTH) @Pattern(regexp = PostRequests.SLUG, message = PostRequests.SLUG_MESSAGE)
        @CleanText String slug) {

    CreatePostRequest {
        title = PostRequests.trim(title);
        tags = PostRequests.trim(tags);
    }
}
