package io.inkwell.api;

import java.util.Set;

/**
 * Who sends a command: the caller's profile id (absent until they register one) and their realm roles.
 * Aggregates decide with it whether the caller may change what they own.
 */
public record Actor(String userId, Set<String> roles) {

    public static final String ROLE_USER = "user";
    public static final String ROLE_MODERATOR = "moderator";
    public static final String ROLE_ANALYST = "analyst";
    public static final String ROLE_ADMIN = "admin";

    public Actor {
        roles = roles == null ? Set.of() : Set.copyOf(roles);
    }

    public boolean is(String userId) {
        return this.userId != null && this.userId.equals(userId);
    }

    public boolean isModerator() {
        return roles.contains(ROLE_MODERATOR) || isAdmin();
    }

    public boolean isAdmin() {
        return roles.contains(ROLE_ADMIN);
    }
}
