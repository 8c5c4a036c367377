package io.inkwell.query.user;

import io.inkwell.api.user.UserDeletedEvent;
import io.inkwell.api.user.UserEmailChangedEvent;
import io.inkwell.api.user.UserRegisteredEvent;
import io.inkwell.api.user.UserRenamedEvent;
import io.inkwell.query.cache.ReadModelCache;
import io.inkwell.query.projection.DeferredWrites;
import io.inkwell.query.projection.ReadModelReplaced;
import io.inkwell.query.projection.ReadModelUpdates;
import io.inkwell.query.readmodel.BatchedStates;
import java.time.Instant;
import java.util.Set;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.axonframework.eventhandling.Timestamp;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The users read model, kept by {@link UserState#next}: each event moves a row to the version it names, and
 * only forward. The live instance (this bean) writes each event inside its handler call, so that the
 * dead-letter queue can park the one event whose row PostgreSQL refuses; an instance filling a rebuilt
 * generation writes a batch at a time (see {@link BatchedStates}).
 */
@Component
@ProcessingGroup(UserProjection.NAME)
class UserProjection implements DeferredWrites {

    static final String NAME = "users";

    private static final Set<Class<?>> EVENTS = Set.of(UserRegisteredEvent.class, UserRenamedEvent.class,
            UserEmailChangedEvent.class, UserDeletedEvent.class);

    private final UserRows rows;
    private final BatchedStates<UserState> states;
    private final ReadModelUpdates updates;
    private final ReadModelCache cache;
    private final boolean batched;

    @Autowired
    UserProjection(JdbcTemplate jdbc, ReadModelUpdates updates, ReadModelCache cache) {
        this(new UserRows(jdbc, UserTables.LIVE), updates, cache, false);
    }

    private UserProjection(UserRows rows, ReadModelUpdates updates, ReadModelCache cache, boolean batched) {
        this.rows = rows;
        this.states = new BatchedStates<>(NAME, rows, EVENTS);
        this.updates = updates;
        this.cache = cache;
        this.batched = batched;
    }

    /**
     * An instance that fills this table a batch at a time, for a rebuild; it signals no reader and touches no
     * cache (the switch to its table empties the profiles cache).
     */
    static UserProjection batched(JdbcTemplate jdbc, UserTables tables) {
        return new UserProjection(new UserRows(jdbc, tables), null, null, true);
    }

    @EventHandler
    void on(UserRegisteredEvent event, @SequenceNumber long sequence, @Timestamp Instant at) {
        apply(event.userId(), event, sequence, at);
    }

    @EventHandler
    void on(UserRenamedEvent event, @SequenceNumber long sequence, @Timestamp Instant at) {
        apply(event.userId(), event, sequence, at);
    }

    @EventHandler
    void on(UserEmailChangedEvent event, @SequenceNumber long sequence, @Timestamp Instant at) {
        apply(event.userId(), event, sequence, at);
    }

    @EventHandler
    void on(UserDeletedEvent event, @SequenceNumber long sequence, @Timestamp Instant at) {
        apply(event.userId(), event, sequence, at);
    }

    @Override
    public boolean writesInHandlerCall() {
        return !batched || states.writesInHandlerCall();
    }

    /** A replay rebuilds the read model from nothing. */
    @ResetHandler
    void reset() {
        rows.deleteAll();
        if (cache != null) {
            cache.on(new ReadModelReplaced(NAME));
        }
    }

    private void apply(String userId, Object event, long sequence, Instant at) {
        if (batched) {
            states.apply(userId, user -> UserState.next(user, event, sequence, at));
            return;
        }
        UserState written = states.applyNow(userId, user -> UserState.next(user, event, sequence, at));
        if (written != null) {
            updates.changed();
            cache.storeAfterCommit(UserLookup.PROFILES, userId, written);
        }
    }
}
