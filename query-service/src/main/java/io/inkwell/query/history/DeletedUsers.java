package io.inkwell.query.history;

import io.inkwell.api.user.UserDeletedEvent;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Predicate;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.springframework.stereotype.Component;

/**
 * Whether a user has been deleted, from their own events rather than the users read model, which may not
 * have caught up yet: personal data must never show for a moment after the deletion.
 */
@Component
class DeletedUsers {

    /** Enough for the users of any page; an export meets many more and forgets the oldest. */
    private static final int REMEMBERED = 10_000;

    private final EventStore events;

    DeletedUsers(EventStore events) {
        this.events = events;
    }

    /** A lookup for one request, remembering its answers: an export asks about the same users often. */
    Predicate<String> lookup() {
        Map<String, Boolean> known = new LinkedHashMap<>(256, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<String, Boolean> eldest) {
                return size() > REMEMBERED;
            }
        };
        return userId -> known.computeIfAbsent(userId, this::isDeleted);
    }

    private boolean isDeleted(String userId) {
        return events.readEvents(userId, 0).asStream().anyMatch(event -> event.getPayloadType() == UserDeletedEvent.class);
    }
}
