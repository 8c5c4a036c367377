package io.inkwell.command.security;

import io.inkwell.api.Actor;
import java.util.Optional;
import java.util.Set;

/** The authenticated identity behind a request, and the profile it registered, if any. */
public record Caller(String issuer, String subject, Set<String> roles, Optional<String> userId) {

    public Actor actor() {
        return new Actor(userId.orElse(null), roles);
    }

    /** A stable key for what this identity owns outside the aggregates, such as idempotency keys. */
    public String key() {
        return issuer + "|" + subject;
    }
}
