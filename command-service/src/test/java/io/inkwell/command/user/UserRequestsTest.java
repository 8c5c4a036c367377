package io.inkwell.command.user;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.validation.Validation;
import jakarta.validation.Validator;
import java.util.List;
import org.junit.jupiter.api.Test;

/** What a profile's request body becomes before the command sees it: trimmed, then checked. */
class UserRequestsTest {

    private static final Validator validator = Validation.buildDefaultValidatorFactory().getValidator();

    @Test
    void trimsNameAndEmail() {
        RegisterUserRequest register = new RegisterUserRequest("  Alice ", " alice@inkwell.test ");
        UpdateUserRequest update = new UpdateUserRequest(" Bob ", " bob@inkwell.test\t");

        assertThat(register.name()).isEqualTo("Alice");
        assertThat(register.email()).isEqualTo("alice@inkwell.test");
        assertThat(update.name()).isEqualTo("Bob");
        assertThat(update.email()).isEqualTo("bob@inkwell.test");
        assertThat(new UpdateUserRequest(null, null).name()).isNull();
        assertThat(new UpdateUserRequest(null, null).email()).isNull();
    }

    @Test
    void acceptsAnEmailOnlyWithADotInItsDomain() {
        for (String email : List.of("someone@localhost", "two@@ats.test", "no-at.test", "spa ce@inkwell.test")) {
            assertThat(validator.validate(new UpdateUserRequest(null, email)))
                    .as(email).extracting(v -> v.getPropertyPath().toString()).containsExactly("email");
        }
        assertThat(validator.validate(new RegisterUserRequest("Alice", "alice@mail.inkwell.test"))).isEmpty();
    }

    @Test
    void refusesANameThatIsTooShortOnceTrimmed() {
        assertThat(validator.validate(new RegisterUserRequest(" A ", "a@inkwell.test")))
                .extracting(v -> v.getPropertyPath().toString()).containsExactly("name");
    }
}
