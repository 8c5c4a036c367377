package io.inkwell.query.user;

import static org.assertj.core.api.Assertions.assertThat;

import io.inkwell.query.security.Viewer;
import java.time.Instant;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.springframework.test.util.ReflectionTestUtils;

/** What GraphQL shows of a profile, to whom: the email as REST shows it, an author to anonymous readers as on a post. */
class UserNodeTest {

    private static final Instant REGISTERED = Instant.parse("2026-01-02T10:00:00Z");
    private static final Viewer ADA = new Viewer("iss", "sub-ada", Set.of("user"), Optional.of("ada"));
    private static final Viewer BOB = new Viewer("iss", "sub-bob", Set.of("user"), Optional.of("bob"));
    private static final Viewer ADMIN = new Viewer("iss", "sub-admin", Set.of("admin"), Optional.of("admin"));

    private final UserView ada = user("ada", true);
    private final UserState adaState = state("ada", true);

    @Test
    void showsTheEmailToTheUserThemselfAndToAdminsOnly() {
        assertThat(UserNode.of(ada, ADA)).isEqualTo(new UserNode("ada", "Ada", "ada@example.test", 3L, REGISTERED));
        assertThat(UserNode.of(ada, ADMIN).email()).isEqualTo("ada@example.test");
        assertThat(UserNode.of(ada, BOB)).isEqualTo(new UserNode("ada", "Ada", null, 3L, REGISTERED));
    }

    @Test
    void showsTheEmailOfACachedProfileToTheUserThemselfAndToAdminsOnly() {
        assertThat(UserNode.of(adaState, ADA)).isEqualTo(new UserNode("ada", "Ada", "ada@example.test", 3L, REGISTERED));
        assertThat(UserNode.of(adaState, ADMIN).email()).isEqualTo("ada@example.test");
        assertThat(UserNode.of(adaState, BOB)).isEqualTo(new UserNode("ada", "Ada", null, 3L, REGISTERED));
    }

    @Test
    void showsAnAuthorToAnAnonymousReaderByIdAndNameOnly() {
        assertThat(UserNode.author("ada", adaState, Viewer.ANONYMOUS)).isEqualTo(new UserNode("ada", "Ada", null, null, null));
    }

    @Test
    void showsAnAuthorToASignedInReaderAsTheirProfile() {
        assertThat(UserNode.author("ada", adaState, BOB)).isEqualTo(new UserNode("ada", "Ada", null, 3L, REGISTERED));
        assertThat(UserNode.author("ada", adaState, ADA).email()).isEqualTo("ada@example.test");
    }

    @Test
    void showsADeletedAuthorByIdOnlyToEveryone() {
        UserNode gone = new UserNode("ada", null, null, null, null);
        for (Viewer anyone : new Viewer[] {Viewer.ANONYMOUS, BOB, ADMIN}) {
            assertThat(UserNode.author("ada", null, anyone)).isEqualTo(gone);
            assertThat(UserNode.author("ada", state("ada", false), anyone)).isEqualTo(gone);
        }
    }

    private static UserState state(String id, boolean active) {
        return new UserState(id, "Ada", "ada@example.test", "iss", "sub-" + id, active, 3, REGISTERED, null);
    }

    private static UserView user(String id, boolean active) {
        UserView user = new UserView();
        ReflectionTestUtils.setField(user, "id", id);
        ReflectionTestUtils.setField(user, "name", "Ada");
        ReflectionTestUtils.setField(user, "email", "ada@example.test");
        ReflectionTestUtils.setField(user, "active", active);
        ReflectionTestUtils.setField(user, "version", 3L);
        ReflectionTestUtils.setField(user, "registeredAt", REGISTERED);
        return user;
    }
}
