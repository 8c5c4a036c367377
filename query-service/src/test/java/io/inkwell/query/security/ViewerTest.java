package io.inkwell.query.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class ViewerTest {

    private final AtomicInteger lookups = new AtomicInteger();

    private Viewer viewer(String... roles) {
        return new Viewer("iss", "sub", Set.of(roles), () -> {
            lookups.incrementAndGet();
            return Optional.of("me");
        });
    }

    @Test
    void looksUpTheProfileOnlyWhenARuleNeedsItAndThenOnce() {
        Viewer user = viewer("user");
        assertThat(lookups).hasValue(0);

        assertThat(user.maySeeDraftOf("me")).isTrue();
        assertThat(user.maySeeDraftOf("someone-else")).isFalse();
        assertThat(user.maySeeEmailOf("me")).isTrue();

        assertThat(lookups).hasValue(1);
    }

    @Test
    void moderatorsAndAdminsAreAnsweredFromTheirRolesWithoutALookup() {
        assertThat(viewer("moderator").maySeeDraftOf("someone-else")).isTrue();
        assertThat(viewer("admin").maySeeEmailOf("someone-else")).isTrue();
        assertThat(viewer("moderator").maySeeEmailOf("someone-else")).isFalse();

        // The last rule needed the profile: a moderator may see only their own email.
        assertThat(lookups).hasValue(1);
    }

    @Test
    void anonymousIsNobody() {
        assertThat(Viewer.ANONYMOUS.isAnonymous()).isTrue();
        assertThat(Viewer.ANONYMOUS.maySeeDraftOf("me")).isFalse();
        assertThat(Viewer.ANONYMOUS.userId()).isEmpty();
    }

    @Test
    void aViewerInALogLineNamesTheIdentityAndLooksUpNoProfile() {
        assertThat(viewer("moderator")).hasToString("Viewer[iss|sub, roles [moderator]]");
        assertThat(Viewer.ANONYMOUS).hasToString("Viewer[anonymous]");
        assertThat(lookups).hasValue(0);
    }
}
