package io.inkwell.command.web;

import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.validation.Validator;
import java.util.Set;
import org.springframework.stereotype.Component;

/**
 * Bean validation of a mutation's input, the REST request record's own constraints. Called in the
 * controller rather than by {@code @Valid} so that, as in REST, a caller without the role is refused before
 * their input is judged.
 */
@Component
public class GraphQlInputs {

    private final Validator validator;

    GraphQlInputs(Validator validator) {
        this.validator = validator;
    }

    public <T> T valid(T input) {
        Set<ConstraintViolation<T>> violations = validator.validate(input);
        if (!violations.isEmpty()) {
            throw new ConstraintViolationException(violations);
        }
        return input;
    }
}
