package io.inkwell.query.user;

import io.inkwell.api.user.UserDeletedEvent;
import io.inkwell.api.user.UserEmailChangedEvent;
import io.inkwell.api.user.UserRegisteredEvent;
import io.inkwell.api.user.UserRenamedEvent;
import io.inkwell.query.cache.Versioned;
import java.time.Instant;
import org.axonframework.eventhandling.DomainEventMessage;

/**
 * A profile as its events made it: the one fold of a user's events, shared by the users read model and time
 * travel. A deleted profile keeps no personal data, and no identity link, so the person may register anew.
 *
 * @param version the number of the user's events folded in (the sequence number of the last one, plus one)
 */
public record UserState(String id, String name, String email, String issuer, String subject, boolean active,
                        long version, Instant registeredAt, Instant updatedAt) implements Versioned {

    /**
     * The profile after one more of its events: {@code before} itself for an event it has seen already or does
     * not know; null while the profile does not exist.
     */
    public static UserState next(UserState before, Object event, long sequence, Instant at) {
        if (before == null) {
            return event instanceof UserRegisteredEvent e
                    ? new UserState(e.userId(), e.name(), e.email(), e.issuer(), e.subject(), true, sequence + 1, at, at)
                    : null;
        }
        if (sequence < before.version) {
            return before;
        }
        long version = sequence + 1;
        return switch (event) {
            case UserRenamedEvent e -> new UserState(before.id, e.name(), before.email, before.issuer, before.subject,
                    before.active, version, before.registeredAt, at);
            case UserEmailChangedEvent e -> new UserState(before.id, before.name, e.email(), before.issuer,
                    before.subject, before.active, version, before.registeredAt, at);
            case UserDeletedEvent e -> new UserState(before.id, null, null, null, null, false, version,
                    before.registeredAt, at);
            default -> before;
        };
    }

    /** Folds a user's events, oldest first; null if they do not register a profile. */
    public static UserState fold(Iterable<? extends DomainEventMessage<?>> events) {
        UserState user = null;
        for (DomainEventMessage<?> event : events) {
            user = next(user, event.getPayload(), event.getSequenceNumber(), event.getTimestamp());
        }
        return user;
    }
}
