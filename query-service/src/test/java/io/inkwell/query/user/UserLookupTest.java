package io.inkwell.query.user;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import io.inkwell.query.cache.InProcessCaches;
import io.inkwell.query.cache.ReadModelCache;
import io.inkwell.query.projection.ReadModelReplaced;
import io.inkwell.query.projection.ReadModelUpdates;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.springframework.test.util.ReflectionTestUtils;

/** Profiles through the in-process cache, the read model (PostgreSQL) stubbed: read once, never an older version. */
class UserLookupTest {

    private static final Instant REGISTERED = Instant.parse("2026-01-02T10:00:00Z");
    private static final Instant UPDATED = Instant.parse("2026-01-05T10:00:00Z");

    private final UserViews readModel = mock(UserViews.class);
    private final ReadModelCache cache = InProcessCaches.of(UserLookup.userCaches());
    private final UserLookup users = new UserLookup(readModel, cache, new ReadModelUpdates());

    @Test
    void readsAProfileWithItsEmailFromTheReadModelOnceAndThenFromTheCache() {
        when(readModel.findById("u1")).thenReturn(Optional.of(user("u1", 2)));

        UserState expected = new UserState("u1", "Ada 2", "ada@example.test", "https://issuer.test", "sub-u1", true, 2,
                REGISTERED, UPDATED);
        assertThat(users.byId("u1")).contains(expected);
        assertThat(users.byId("u1")).contains(expected);
        verify(readModel, times(1)).findById("u1");
    }

    @Test
    void manyProfilesAtOnceTakeTheCachedOnesAndLoadTheRestInOneQuery() {
        when(readModel.findById("u1")).thenReturn(Optional.of(user("u1", 2)));
        users.byId("u1");
        when(readModel.findAllById(List.of("u2", "gone"))).thenReturn(List.of(user("u2", 5)));

        Map<String, UserState> found = users.byIds(List.of("u1", "u2", "gone"));

        assertThat(found).containsOnlyKeys("u1", "u2");
        assertThat(found.get("u1").version()).isEqualTo(2);
        assertThat(found.get("u2")).isEqualTo(new UserState("u2", "Ada 5", "ada@example.test", "https://issuer.test",
                "sub-u2", true, 5, REGISTERED, UPDATED));
        // What was loaded is cached: the next single read needs no query.
        assertThat(users.byId("u2")).contains(found.get("u2"));
        verify(readModel, times(1)).findAllById(List.of("u2", "gone"));
        verify(readModel, times(0)).findById("u2");
    }

    @Test
    void aProfileTheReadModelDoesNotHaveIsAskedForAgainNextTime() {
        when(readModel.findById("u1")).thenReturn(Optional.empty());

        assertThat(users.byId("u1")).isEmpty();
        assertThat(users.byId("u1", 1, Duration.ZERO)).isEmpty();
        verify(readModel, times(3)).findById("u1");
    }

    @Test
    void aReadAtAVersionTakesTheCachedProfileWhenItIsThatVersion() {
        when(readModel.findById("u1")).thenReturn(Optional.of(user("u1", 2)));
        users.byId("u1");

        assertThat(users.byId("u1", 2, Duration.ZERO)).hasValueSatisfying(user -> assertThat(user.version()).isEqualTo(2));
        verify(readModel, times(1)).findById("u1");
    }

    @Test
    void aReadAtANewerVersionNeverTakesTheOlderCachedProfileAndCachesWhatItFinds() {
        when(readModel.findById("u1")).thenReturn(Optional.of(user("u1", 1)), Optional.of(user("u1", 2)));
        users.byId("u1");

        assertThat(users.byId("u1", 2, Duration.ZERO)).hasValueSatisfying(user -> assertThat(user.version()).isEqualTo(2));
        assertThat(users.byId("u1")).hasValueSatisfying(user -> assertThat(user.version()).isEqualTo(2));
        verify(readModel, times(2)).findById("u1");
    }

    @Test
    void aReadAtAVersionTheReadModelDoesNotHaveInTimeIsEmpty() {
        when(readModel.findById("u1")).thenReturn(Optional.of(user("u1", 1)));

        assertThat(users.byId("u1", 2, Duration.ZERO)).isEmpty();
    }

    @Test
    void aRebuiltUsersReadModelIsReadAgain() {
        when(readModel.findById("u1")).thenReturn(Optional.of(user("u1", 1)));
        users.byId("u1");

        cache.on(new ReadModelReplaced(UserProjection.NAME));
        users.byId("u1");

        verify(readModel, times(2)).findById("u1");
    }

    private static UserView user(String id, long version) {
        UserView user = new UserView();
        ReflectionTestUtils.setField(user, "id", id);
        ReflectionTestUtils.setField(user, "name", "Ada " + version);
        ReflectionTestUtils.setField(user, "email", "ada@example.test");
        ReflectionTestUtils.setField(user, "issuer", "https://issuer.test");
        ReflectionTestUtils.setField(user, "subject", "sub-" + id);
        ReflectionTestUtils.setField(user, "active", true);
        ReflectionTestUtils.setField(user, "version", version);
        ReflectionTestUtils.setField(user, "registeredAt", REGISTERED);
        ReflectionTestUtils.setField(user, "updatedAt", UPDATED);
        return user;
    }
}
