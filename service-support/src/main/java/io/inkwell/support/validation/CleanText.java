package io.inkwell.support.validation;

import jakarta.validation.Constraint;
import jakarta.validation.Payload;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Text that every store and client can hold: no NUL or other C0 control character except tab, newline and
 * carriage return, and no unpaired surrogate. JSON allows all of them ({@code "\u0000"},
 * {@code "\ud800"}), but PostgreSQL refuses NUL in {@code text} and {@code jsonb}, and an unpaired surrogate
 * is not Unicode at all, so such text would poison every projection that reads the event. {@code null} is
 * valid: whether a field is required is another constraint's business.
 */
@Target({ElementType.FIELD, ElementType.PARAMETER, ElementType.RECORD_COMPONENT, ElementType.TYPE_USE})
@Retention(RetentionPolicy.RUNTIME)
@Constraint(validatedBy = CleanTextValidator.class)
public @interface CleanText {

    String message() default "must not contain control characters or unpaired surrogates";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};
}
