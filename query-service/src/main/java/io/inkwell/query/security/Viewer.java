package io.inkwell.query.security;

import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;

/**
 * Who is reading: anonymous, or an identity with realm roles and perhaps a registered profile. Decides
 * what a reader may see (drafts, emails) in one place. The profile is looked up the first time a rule
 * needs it: most reads (a published post, a search) never do, and so cost no query for it.
 */
public final class Viewer {

    public static final Viewer ANONYMOUS = new Viewer(null, null, Set.of(), Optional.empty());

    private final String issuer;
    private final String subject;
    private final Set<String> roles;
    private final Supplier<Optional<String>> profile;
    private Optional<String> userId;

    public Viewer(String issuer, String subject, Set<String> roles, Optional<String> userId) {
        this(issuer, subject, roles, () -> userId);
    }

    /** A viewer whose profile is looked up when first asked for (at most once). */
    Viewer(String issuer, String subject, Set<String> roles, Supplier<Optional<String>> profile) {
        this.issuer = issuer;
        this.subject = subject;
        this.roles = Set.copyOf(roles);
        this.profile = Objects.requireNonNull(profile);
    }

    public String issuer() {
        return issuer;
    }

    public String subject() {
        return subject;
    }

    public Set<String> roles() {
        return roles;
    }

    /** The viewer's registered profile, if any. A viewer belongs to one request, so no lock guards the lookup. */
    public Optional<String> userId() {
        if (userId == null) {
            userId = profile.get();
        }
        return userId;
    }

    public boolean isAnonymous() {
        return subject == null;
    }

    public boolean is(String userId) {
        return !isAnonymous() && userId().map(userId::equals).orElse(false);
    }

    public boolean isAdmin() {
        return roles.contains("admin");
    }

    public boolean isModerator() {
        return roles.contains("moderator") || isAdmin();
    }

    /** Drafts are seen by their author and by moderators. */
    public boolean maySeeDraftOf(String authorId) {
        return isModerator() || is(authorId);
    }

    /** Emails are seen by their owner and by admins. */
    public boolean maySeeEmailOf(String userId) {
        return isAdmin() || is(userId);
    }

    @Override
    public String toString() {
        return isAnonymous() ? "Viewer[anonymous]" : "Viewer[" + issuer + "|" + subject + ", roles " + roles + "]";
    }
}
