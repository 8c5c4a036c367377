package io.inkwell.query.history;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;
import tools.jackson.databind.JsonNode;

/**
 * One event as the history API shows it. {@code version} counts the aggregate's events (1 for the first), as
 * the read models do; {@code position} is the place in the global stream, absent where the store does not
 * tell it (an aggregate's own history).
 */
record HistoryEvent(@JsonInclude(JsonInclude.Include.NON_NULL) Long position, String eventId,
                    String aggregateType, String aggregateId, Long version, String type, String revision,
                    Instant occurredAt, Actor actor, String correlationId, String requestId, JsonNode payload) {

    /** Who caused the event: their token's issuer and subject, and their profile id once they had one. */
    record Actor(String issuer, String subject, String profileId) {
    }
}
