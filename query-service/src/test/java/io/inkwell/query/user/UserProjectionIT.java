package io.inkwell.query.user;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.inkwell.query.History;
import io.inkwell.query.QueryServiceContext;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

@QueryServiceContext
class UserProjectionIT {

    @Autowired
    History history;

    @Autowired
    UserViews users;

    @Test
    void registrationCreatesAnActiveProfileLinkedToItsIdentity() {
        String id = history.registerUser("Ada Reader", "ada@inkwell.test", "https://issuer.test", "ada-sub");
        await().untilAsserted(() -> assertThat(users.findById(id)).hasValueSatisfying(user -> {
            assertThat(user.getName()).isEqualTo("Ada Reader");
            assertThat(user.getEmail()).isEqualTo("ada@inkwell.test");
            assertThat(user.isActive()).isTrue();
            assertThat(user.getVersion()).isEqualTo(1);
        }));
        assertThat(users.findIdByIdentity("https://issuer.test", "ada-sub")).contains(id);
    }

    @Test
    void renameAndEmailChangeUpdateTheProfileAndItsVersion() {
        String id = history.registerUser("Old Name", "old@inkwell.test", "https://issuer.test", History.newId());
        history.renameUser(id, "New Name");
        history.changeEmail(id, "new@inkwell.test");
        await().untilAsserted(() -> assertThat(users.findById(id)).hasValueSatisfying(user -> {
            assertThat(user.getName()).isEqualTo("New Name");
            assertThat(user.getEmail()).isEqualTo("new@inkwell.test");
            assertThat(user.getVersion()).isEqualTo(3);
        }));
    }

    @Test
    void deletionErasesPersonalDataAndTheIdentityLink() {
        String subject = History.newId();
        String id = history.registerUser("Gone Soon", "gone@inkwell.test", "https://issuer.test", subject);
        history.deleteUser(id);
        await().untilAsserted(() -> assertThat(users.findById(id)).hasValueSatisfying(user -> {
            assertThat(user.isActive()).isFalse();
            assertThat(user.getName()).isNull();
            assertThat(user.getEmail()).isNull();
        }));
        assertThat(users.findIdByIdentity("https://issuer.test", subject)).isEmpty();
    }
}
