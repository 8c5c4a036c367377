package io.inkwell.support.security;

import java.time.Duration;
import org.springframework.security.core.AuthenticationException;

/**
 * A token could not be checked because its issuer's signing keys cannot be fetched and none are cached. Not
 * the caller's fault, so not a 401: the entry point answers 503 with {@code Retry-After}. Deliberately not an
 * {@code AuthenticationServiceException}, which Spring Security rethrows and Tomcat turns into a 500.
 */
class IssuerUnavailableException extends AuthenticationException {

    private final Duration retryAfter;

    IssuerUnavailableException(String message, Duration retryAfter, Throwable cause) {
        super(message, cause);
        this.retryAfter = retryAfter;
    }

    Duration retryAfter() {
        return retryAfter;
    }
}
