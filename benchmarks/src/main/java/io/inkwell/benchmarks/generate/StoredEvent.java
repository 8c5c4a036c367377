package io.inkwell.benchmarks.generate;

import java.time.Instant;
import java.util.Map;

/** One row of the event store before serialization: what Axon's JDBC engine stores for a domain event. */
public record StoredEvent(String eventId, String aggregateType, String aggregateId, long sequence, Instant time,
                          Object payload, Map<String, String> metadata) {
}
