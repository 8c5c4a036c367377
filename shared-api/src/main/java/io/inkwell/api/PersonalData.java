package io.inkwell.api;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks an event field that holds personal data. Such fields appear only in user events, never in post
 * events, so that erasing a user (crypto-shredding, later) touches one aggregate's history only.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.RECORD_COMPONENT, ElementType.FIELD})
public @interface PersonalData {
}
