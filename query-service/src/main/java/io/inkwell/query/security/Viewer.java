package io.inkwell.query.security;

import java.util.Optional;
import java.util.Set;

/**
 * Who is reading: anonymous, or an identity with realm roles and perhaps a registered profile. Decides
 * what a reader may see (drafts, emails) in one place.
 */
public record Viewer(String issuer, String subject, Set<String> roles, Optional<String> userId) {

    public static final Viewer ANONYMOUS = new Viewer(null, null, Set.of(), Optional.empty());

    public boolean isAnonymous() {
        return subject == null;
    }

    public boolean is(String userId) {
        return this.userId.map(userId::equals).orElse(false);
    }

    public boolean isAdmin() {
        return roles.contains("admin");
    }

    public boolean isModerator() {
        return roles.contains("moderator") || isAdmin();
    }

    /** Drafts are seen by their author and by moderators. */
    public boolean maySeeDraftOf(String authorId) {
        return is(authorId) || isModerator();
    }

    /** Emails are seen by their owner and by admins. */
    public boolean maySeeEmailOf(String userId) {
        return is(userId) || isAdmin();
    }
}
