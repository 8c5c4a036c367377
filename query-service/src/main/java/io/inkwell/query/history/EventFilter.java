package io.inkwell.query.history;

import io.inkwell.api.MetadataKeys;
import io.inkwell.query.web.InvalidParameterException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventMessage;

/**
 * Which events of the global stream a reader asked for; every criterion given must match. {@code actor} is
 * the profile id or the token subject of whoever caused the event. Matching reads only the envelope
 * (aggregate, payload type, time, metadata), never the payload, so that skipping is cheap.
 */
record EventFilter(String aggregateId, String aggregateType, Set<String> types, Instant from, Instant to,
                   String actor) {

    /**
     * Events are in commit order, and their times follow it to within far less than this: once the stream
     * shows an event this long after {@code to}, no later event can fall before {@code to}, and a scan stops.
     */
    static final Duration CLOCK_SLACK = Duration.ofMinutes(1);
    private static final Instant EARLIEST = Instant.parse("1970-01-01T00:00:00Z");
    private static final Instant LATEST = Instant.parse("9999-12-31T23:59:59Z");

    static EventFilter of(String aggregateId, String aggregateType, List<String> types, Instant from, Instant to,
                          String actor) {
        if (aggregateType != null && !EventTypes.AGGREGATE_TYPES.contains(aggregateType)) {
            throw new InvalidParameterException("aggregateType", "must be one of " + EventTypes.AGGREGATE_TYPES.stream().sorted().toList());
        }
        List<String> named = types == null ? List.of() : types.stream().filter(Objects::nonNull).map(String::strip)
                .filter(type -> !type.isEmpty()).toList();
        for (String type : named) {
            if (!EventTypes.BY_NAME.containsKey(type)) {
                throw new InvalidParameterException("type", "'" + type + "' is not an event type; known: "
                        + EventTypes.BY_NAME.keySet().stream().sorted().toList());
            }
        }
        requireCalendarYear("from", from);
        requireCalendarYear("to", to);
        if (from != null && to != null && from.isAfter(to)) {
            throw new InvalidParameterException("from", "must not be after 'to'");
        }
        return new EventFilter(blankToNull(aggregateId), aggregateType, Set.copyOf(named), from, to, blankToNull(actor));
    }

    boolean matches(EventMessage<?> event) {
        if (from != null && event.getTimestamp().isBefore(from) || to != null && event.getTimestamp().isAfter(to)) {
            return false;
        }
        if (!types.isEmpty() && !types.contains(EventTypes.name(event.getPayloadType()))) {
            return false;
        }
        if (aggregateId != null || aggregateType != null) {
            if (!(event instanceof DomainEventMessage<?> domain)
                    || aggregateId != null && !aggregateId.equals(domain.getAggregateIdentifier())
                    || aggregateType != null && !aggregateType.equals(domain.getType())) {
                return false;
            }
        }
        return actor == null || actor.equals(event.getMetaData().get(MetadataKeys.ACTOR_USER_ID))
                || actor.equals(event.getMetaData().get(MetadataKeys.ACTOR_SUBJECT));
    }

    /** Whether the stream has gone so far past {@code to} that nothing later can match. */
    boolean isBeyond(EventMessage<?> event) {
        return to != null && event.getTimestamp().minus(CLOCK_SLACK).isAfter(to);
    }

    /** Instants far outside any event's time overflow the stores' own arithmetic (epoch milliseconds). */
    private static void requireCalendarYear(String parameter, Instant value) {
        if (value != null && (value.isBefore(EARLIEST) || value.isAfter(LATEST))) {
            throw new InvalidParameterException(parameter, "must be between " + EARLIEST + " and " + LATEST);
        }
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
