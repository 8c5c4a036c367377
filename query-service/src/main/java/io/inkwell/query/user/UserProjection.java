package io.inkwell.query.user;

import io.inkwell.api.user.UserDeletedEvent;
import io.inkwell.api.user.UserEmailChangedEvent;
import io.inkwell.api.user.UserRegisteredEvent;
import io.inkwell.api.user.UserRenamedEvent;
import io.inkwell.query.web.ReadModelUpdates;
import java.time.Instant;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.axonframework.eventhandling.Timestamp;
import org.springframework.stereotype.Component;

/**
 * The users read model. Each event moves a row to the version it names, and only forward: an event the
 * row has already seen (a replay over existing rows) changes nothing.
 */
@Component
@ProcessingGroup(UserProjection.NAME)
class UserProjection {

    static final String NAME = "users";

    private final UserViews users;
    private final ReadModelUpdates updates;

    UserProjection(UserViews users, ReadModelUpdates updates) {
        this.users = users;
        this.updates = updates;
    }

    @EventHandler
    void on(UserRegisteredEvent event, @SequenceNumber long sequence, @Timestamp Instant at) {
        if (!users.existsById(event.userId())) {
            users.save(new UserView(event.userId(), event.name(), event.email(), event.issuer(), event.subject(),
                    sequence + 1, at));
            updates.changed();
        }
    }

    @EventHandler
    void on(UserRenamedEvent event, @SequenceNumber long sequence, @Timestamp Instant at) {
        apply(event.userId(), sequence, user -> user.rename(event.name(), sequence + 1, at));
    }

    @EventHandler
    void on(UserEmailChangedEvent event, @SequenceNumber long sequence, @Timestamp Instant at) {
        apply(event.userId(), sequence, user -> user.changeEmail(event.email(), sequence + 1, at));
    }

    @EventHandler
    void on(UserDeletedEvent event, @SequenceNumber long sequence, @Timestamp Instant at) {
        apply(event.userId(), sequence, user -> user.deactivate(sequence + 1, at));
    }

    /** A replay rebuilds the read model from nothing. */
    @ResetHandler
    void reset() {
        users.deleteAllInBatch();
    }

    private void apply(String userId, long sequence, java.util.function.Consumer<UserView> change) {
        users.findById(userId).filter(user -> user.getVersion() <= sequence).ifPresent(user -> {
            change.accept(user);
            updates.changed();
        });
    }
}
