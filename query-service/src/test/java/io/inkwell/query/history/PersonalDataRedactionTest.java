package io.inkwell.query.history;

import static org.assertj.core.api.Assertions.assertThat;

import io.inkwell.api.PersonalData;
import io.inkwell.api.post.PostCreatedEvent;
import io.inkwell.api.user.UserEmailChangedEvent;
import io.inkwell.api.user.UserRegisteredEvent;
import io.inkwell.query.security.Viewer;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

class PersonalDataRedactionTest {

    private static final String USER = "u-1";
    private static final Predicate<String> NOBODY_DELETED = id -> false;
    private final JsonMapper json = JsonMapper.shared();

    @Test
    void findsPersonalDataFromTheAnnotation() {
        assertThat(PersonalDataRedaction.personalComponents(UserRegisteredEvent.class)).containsExactly("name", "email");
        assertThat(PersonalDataRedaction.personalComponents(PostCreatedEvent.class)).isEmpty();
        // Read afresh, not from the cache that the tests before may have filled.
        assertThat(PersonalDataRedaction.findPersonalComponents(UserRegisteredEvent.class)).containsExactly("name", "email");
        assertThat(PersonalDataRedaction.findPersonalComponents(UserEmailChangedEvent.class)).containsExactly("email");
        assertThat(PersonalDataRedaction.findPersonalComponents(PostCreatedEvent.class)).isEmpty();
        assertThat(PersonalDataRedaction.findPersonalComponents(Unmarked.class)).as("only records have components").isEmpty();
    }

    @Test
    void showsANameToEveryReaderAndEverythingToTheUserThemself() {
        ObjectNode seenByReader = registration(viewer(Set.of("user"), "u-2"), NOBODY_DELETED);
        assertThat(seenByReader.get("name").asString()).isEqualTo("Ann");
        assertThat(seenByReader.get("email").isNull()).isTrue();
        assertThat(seenByReader.get("userId").asString()).isEqualTo(USER);

        ObjectNode seenByThemself = registration(viewer(Set.of("user"), USER), NOBODY_DELETED);
        assertThat(seenByThemself.get("name").asString()).isEqualTo("Ann");
        assertThat(seenByThemself.get("email").asString()).isEqualTo("ann@x.test");
    }

    @Test
    void hidesADeletedUsersDataFromThemselfToo() {
        ObjectNode seenByThemself = registration(viewer(Set.of("user"), USER), USER::equals);
        assertThat(seenByThemself.get("name").isNull()).isTrue();
        assertThat(seenByThemself.get("email").isNull()).isTrue();
    }

    @Test
    void leavesEventsWithoutPersonalDataAsTheyAreWithoutLookingForDeletedUsers() {
        ObjectNode created = (ObjectNode) json.valueToTree(new PostCreatedEvent("p-1", USER, "Title", "Text", List.of(), "title"));
        ObjectNode before = created.deepCopy();

        PersonalDataRedaction.redact(created, PostCreatedEvent.class, "p-1", Viewer.ANONYMOUS, id -> {
            throw new AssertionError("no lookup needed");
        });

        assertThat(created).isEqualTo(before);
    }

    /** Not a record: its fields are no components, so nothing of it counts as personal data. */
    static final class Unmarked {
        @PersonalData
        String email;
    }

    @Test
    void showsTheEmailOnlyToTheUserAndAdmins() {
        assertThat(registration(viewer(Set.of("analyst"), null), NOBODY_DELETED).get("email").isNull()).isTrue();
        assertThat(registration(viewer(Set.of("analyst"), null), NOBODY_DELETED).get("name").asString()).isEqualTo("Ann");
        assertThat(registration(viewer(Set.of("admin"), null), NOBODY_DELETED).get("email").asString()).isEqualTo("ann@x.test");
        assertThat(registration(viewer(Set.of("user"), USER), NOBODY_DELETED).get("email").asString()).isEqualTo("ann@x.test");
    }

    @Test
    void showsNothingPersonalOfADeletedUserToAnyone() {
        ObjectNode seenByAdmin = registration(viewer(Set.of("admin"), null), id -> true);
        assertThat(seenByAdmin.get("name").isNull()).isTrue();
        assertThat(seenByAdmin.get("email").isNull()).isTrue();
        assertThat(seenByAdmin.get("subject").asString()).isEqualTo("sub");
    }

    private ObjectNode registration(Viewer viewer, Predicate<String> deleted) {
        ObjectNode payload = (ObjectNode) json.valueToTree(new UserRegisteredEvent(USER, "Ann", "ann@x.test", "iss", "sub"));
        PersonalDataRedaction.redact(payload, UserRegisteredEvent.class, USER, viewer, deleted);
        return payload;
    }

    private static Viewer viewer(Set<String> roles, String userId) {
        return new Viewer("iss", "someone", roles, Optional.ofNullable(userId));
    }

}
