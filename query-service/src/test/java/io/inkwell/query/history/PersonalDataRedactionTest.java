package io.inkwell.query.history;

import static org.assertj.core.api.Assertions.assertThat;

import io.inkwell.api.post.PostCreatedEvent;
import io.inkwell.api.user.UserRegisteredEvent;
import io.inkwell.query.security.Viewer;
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
