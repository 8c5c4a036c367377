package io.inkwell.command.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import jakarta.validation.ConstraintViolationException;
import jakarta.validation.Validation;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import org.junit.jupiter.api.Test;

/** A mutation's input is judged by the constraints of the REST request record it is. */
class GraphQlInputsTest {

    private final GraphQlInputs inputs = new GraphQlInputs(Validation.buildDefaultValidatorFactory().getValidator());

    @Test
    void passesAValidInputOnAsItIs() {
        Rename rename = new Rename("Alice W.");

        assertThat(inputs.valid(rename)).isSameAs(rename);
    }

    @Test
    void refusesAnInvalidInputNamingEveryBrokenConstraint() {
        assertThatThrownBy(() -> inputs.valid(new Rename(" ".repeat(300))))
                .isInstanceOfSatisfying(ConstraintViolationException.class, invalid ->
                        assertThat(invalid.getConstraintViolations())
                                .extracting(v -> v.getPropertyPath().toString() + " " + v.getMessage())
                                .containsExactlyInAnyOrder("name must not be blank", "name size must be between 0 and 255"));
    }

    record Rename(@NotBlank @Size(max = 255) String name) {
    }
}
