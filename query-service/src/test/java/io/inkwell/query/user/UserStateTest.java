package io.inkwell.query.user;

import static org.assertj.core.api.Assertions.assertThat;

import io.inkwell.api.post.PostPublishedEvent;
import io.inkwell.api.user.UserDeletedEvent;
import io.inkwell.api.user.UserEmailChangedEvent;
import io.inkwell.api.user.UserRegisteredEvent;
import io.inkwell.api.user.UserRenamedEvent;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.messaging.MetaData;
import org.junit.jupiter.api.Test;

/** The one fold of a user's events, without any server. */
class UserStateTest {

    private static final String ID = "user-1";
    private static final Instant T0 = Instant.parse("2026-01-01T10:00:00Z");

    private static Instant at(int minutes) {
        return T0.plusSeconds(60L * minutes);
    }

    private static UserState registered() {
        return UserState.next(null, new UserRegisteredEvent(ID, "Ada", "ada@inkwell.test", "issuer", "subject"), 0, at(0));
    }

    @Test
    void registrationMakesAnActiveProfileWithItsIdentity() {
        assertThat(registered()).isEqualTo(
                new UserState(ID, "Ada", "ada@inkwell.test", "issuer", "subject", true, 1, at(0), at(0)));
    }

    @Test
    void renamesAndEmailChangesReplaceOnlyTheirField() {
        UserState renamed = UserState.next(registered(), new UserRenamedEvent(ID, "Ada L."), 1, at(1));
        assertThat(renamed).isEqualTo(
                new UserState(ID, "Ada L.", "ada@inkwell.test", "issuer", "subject", true, 2, at(0), at(1)));
        UserState moved = UserState.next(renamed, new UserEmailChangedEvent(ID, "ada@example.org"), 2, at(2));
        assertThat(moved).isEqualTo(
                new UserState(ID, "Ada L.", "ada@example.org", "issuer", "subject", true, 3, at(0), at(2)));
    }

    @Test
    void repeatedRenamesKeepTheLast() {
        UserState user = registered();
        for (int i = 1; i <= 4; i++) {
            user = UserState.next(user, new UserRenamedEvent(ID, "Name " + i), i, at(i));
        }
        assertThat(user.name()).isEqualTo("Name 4");
        assertThat(user.version()).isEqualTo(5);
    }

    @Test
    void deletionErasesPersonalDataAndTheIdentityLink() {
        UserState deleted = UserState.next(registered(), new UserDeletedEvent(ID), 1, at(1));
        assertThat(deleted).isEqualTo(new UserState(ID, null, null, null, null, false, 2, at(0), at(1)));
    }

    @Test
    void anEventSeenAlreadyChangesNothing() {
        UserState renamed = UserState.next(registered(), new UserRenamedEvent(ID, "Ada L."), 1, at(1));
        assertThat(UserState.next(renamed, new UserRenamedEvent(ID, "Ada L."), 1, at(1))).isSameAs(renamed);
        assertThat(UserState.next(renamed, new UserEmailChangedEvent(ID, "old@x.test"), 0, at(0))).isSameAs(renamed);
        assertThat(UserState.next(renamed,
                new UserRegisteredEvent(ID, "Again", "again@x.test", "i", "s"), 0, at(3))).isSameAs(renamed);
    }

    @Test
    void anEventItDoesNotKnowChangesNothing() {
        UserState user = registered();
        assertThat(UserState.next(user, new PostPublishedEvent("post-1"), 1, at(1))).isSameAs(user);
    }

    @Test
    void eventsBeforeTheRegistrationMakeNoProfile() {
        assertThat(UserState.next(null, new UserRenamedEvent(ID, "Early"), 1, at(1))).isNull();
        assertThat(UserState.next(null, new UserDeletedEvent(ID), 0, at(1))).isNull();
    }

    @Test
    void foldAppliesAStreamInOrder() {
        List<DomainEventMessage<?>> events = List.of(
                message(0, new UserRegisteredEvent(ID, "Ada", "ada@inkwell.test", "issuer", "subject")),
                message(1, new UserRenamedEvent(ID, "Ada L.")),
                message(2, new UserDeletedEvent(ID)));
        UserState user = UserState.fold(events);
        assertThat(user.active()).isFalse();
        assertThat(user.name()).isNull();
        assertThat(user.version()).isEqualTo(3);
        assertThat(user.updatedAt()).isEqualTo(at(2));
        assertThat(UserState.fold(List.of())).isNull();
    }

    private static DomainEventMessage<?> message(long sequence, Object payload) {
        return new GenericDomainEventMessage<>("User", ID, sequence, payload, MetaData.emptyInstance(),
                UUID.randomUUID().toString(), at((int) sequence));
    }
}
