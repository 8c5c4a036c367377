package io.inkwell.support.validation;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.validation.Validation;
import jakarta.validation.Validator;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

class CleanTextValidatorTest {

    private static final Validator validator = Validation.buildDefaultValidatorFactory().getValidator();

    record Body(@CleanText String title, List<@CleanText String> tags) {
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "plain", "tab\tnewline\ncarriage\r", "Ünïcødé ✓", "emoji \ud83d\ude00", "\u007f\u0085\u2028",
            "\uffff"})
    void acceptsTextEveryStoreCanHold(String text) {
        assertThat(CleanTextValidator.isClean(text)).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"\u0000", "a\u0000b", "bell\u0007", "\u001b[31m", "\u001f", "\u000b", "\u000c",
            "lone \ud800", "\ud800", "\udc00 first", "reversed \ude00\ud83d", "end \ud83d"})
    void refusesNulControlCharactersAndLoneSurrogates(String text) {
        assertThat(CleanTextValidator.isClean(text)).isFalse();
    }

    @Test
    void namesTheFieldAndTheElement() {
        var violations = validator.validate(new Body("ok\u0000", List.of("fine", "also fine", "bad\ud800")));
        assertThat(violations).extracting(v -> v.getPropertyPath().toString())
                .containsExactlyInAnyOrder("title", "tags[2].<list element>");
    }

    @Test
    void leavesMissingValuesToOtherConstraints() {
        assertThat(validator.validate(new Body(null, null))).isEmpty();
    }
}
