package io.inkwell.query.history;

import io.inkwell.api.MetadataKeys;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Writes events as command-service does, with who caused them in the metadata (the shared {@code History}
 * helper writes none), and tells where the stream stands, straight from the event table.
 */
final class ActedEvents {

    /** Whoever sends the command: a token's issuer and subject, and their profile id once they have one. */
    record Caller(String issuer, String subject, String profileId) {
    }

    private final EventStore events;
    private final JdbcClient jdbc;
    private final Map<String, Long> sequences = new ConcurrentHashMap<>();

    ActedEvents(EventStore events, JdbcClient jdbc) {
        this.events = events;
        this.jdbc = jdbc;
    }

    /** The position of the newest event in the store now. */
    long head() {
        return jdbc.sql("SELECT coalesce(max(global_index), 0) FROM public.domain_event_entry").query(Long.class).single();
    }

    String append(Caller caller, String type, String aggregateId, Object payload) {
        return append(caller, type, aggregateId, payload, Instant.now());
    }

    /** Appends one event and returns its event id. */
    String append(Caller caller, String type, String aggregateId, Object payload, Instant at) {
        long sequence = sequences.merge(aggregateId, 0L, (old, ignored) -> old + 1);
        Map<String, Object> metaData = new HashMap<>();
        metaData.put(MetadataKeys.ACTOR_ISSUER, caller.issuer());
        metaData.put(MetadataKeys.ACTOR_SUBJECT, caller.subject());
        if (caller.profileId() != null) {
            metaData.put(MetadataKeys.ACTOR_USER_ID, caller.profileId());
        }
        metaData.put(MetadataKeys.REQUEST_ID, "req-" + aggregateId + "-" + sequence);
        metaData.put("correlationId", "cmd-" + aggregateId + "-" + sequence);
        String eventId = UUID.randomUUID().toString();
        events.publish(new GenericDomainEventMessage<>(type, aggregateId, sequence, payload, metaData, eventId, at));
        return eventId;
    }
}
