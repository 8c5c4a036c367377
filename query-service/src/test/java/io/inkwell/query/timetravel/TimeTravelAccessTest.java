package io.inkwell.query.timetravel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.inkwell.query.security.Viewer;
import io.inkwell.query.web.NotFoundException;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.springframework.web.ErrorResponseException;

/** Who may read the past: analysts, admins and the owner; others as the normal read would treat them. */
class TimeTravelAccessTest {

    private static final Viewer USER = new Viewer("iss", "sub", Set.of("user"), Optional.of("u-1"));

    @Test
    void refusesAnonymousReadersWithABearerChallengeBeforeLookingAnythingUp() {
        assertThatThrownBy(() -> TimeTravelAccess.check(Viewer.ANONYMOUS, true, () -> {
            throw new AssertionError("looked up");
        }, "post p-1")).isInstanceOfSatisfying(ErrorResponseException.class, e -> {
            assertThat(e.getStatusCode().value()).isEqualTo(401);
            assertThat(e.getHeaders().getFirst("WWW-Authenticate")).isEqualTo("Bearer");
            assertThat(e.getBody().getType().toString()).endsWith("/unauthorized");
        });
    }

    @Test
    void letsOwnersAdminsAndAnalystsIn() {
        assertThatCode(() -> TimeTravelAccess.check(USER, true, () -> false, "post p-1")).doesNotThrowAnyException();
        for (String role : new String[] {"admin", "analyst"}) {
            Viewer viewer = new Viewer("iss", "sub-" + role, Set.of(role), Optional.empty());
            assertThatCode(() -> TimeTravelAccess.check(viewer, false, () -> false, "post p-1")).doesNotThrowAnyException();
        }
    }

    @Test
    void forbidsOthersWhatTheyMayReadTodayAndHidesTheRest() {
        Viewer moderator = new Viewer("iss", "sub-m", Set.of("moderator"), Optional.empty());

        assertThatThrownBy(() -> TimeTravelAccess.check(USER, false, () -> true, "post p-1"))
                .isInstanceOfSatisfying(ErrorResponseException.class, e -> {
                    assertThat(e.getStatusCode().value()).isEqualTo(403);
                    assertThat(e.getBody().getDetail()).isEqualTo("The past of post p-1 is for analysts, admins and its owner");
                });
        assertThatThrownBy(() -> TimeTravelAccess.check(moderator, false, () -> false, "post p-1"))
                .isInstanceOf(NotFoundException.class).hasMessage("post p-1 does not exist");
    }
}
