package io.inkwell.query.user;

import io.inkwell.query.security.Viewer;
import java.time.Instant;

/**
 * A profile as GraphQL shows it. The email only to the user themself and admins, as in REST; through a post,
 * anonymous readers get what REST shows on a post (id and name) and nothing of the profile that needs a token.
 */
public record UserNode(String id, String name, String email, Long version, Instant registeredAt) {

    public static UserNode of(UserView user, Viewer viewer) {
        return new UserNode(user.getId(), user.getName(), viewer.maySeeEmailOf(user.getId()) ? user.getEmail() : null,
                user.getVersion(), user.getRegisteredAt());
    }

    /** The author of a post; {@code user} is null or inactive for a deleted profile, whose name is gone. */
    public static UserNode author(String id, UserState user, Viewer viewer) {
        if (user == null || !user.active()) {
            return new UserNode(id, null, null, null, null);
        }
        return viewer.isAnonymous() ? new UserNode(id, user.name(), null, null, null) : of(user, viewer);
    }

    public static UserNode of(UserState user, Viewer viewer) {
        return new UserNode(user.id(), user.name(), viewer.maySeeEmailOf(user.id()) ? user.email() : null,
                user.version(), user.registeredAt());
    }
}
