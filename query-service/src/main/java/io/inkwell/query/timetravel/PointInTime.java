package io.inkwell.query.timetravel;

import io.inkwell.query.web.InvalidParameterException;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Optional;
import org.axonframework.eventhandling.DomainEventMessage;

/**
 * The point in an aggregate's history that a time-travel read asks for: an instant ({@code asOf}) or a
 * version ({@code atVersion}, the number of its events), never both.
 */
public record PointInTime(Instant asOf, Long atVersion) {

    public static final String AS_OF = "asOf";
    public static final String AT_VERSION = "atVersion";

    /** The point the parameters name; empty when they name none, for a read of the aggregate as it is. */
    public static Optional<PointInTime> of(String asOf, Long atVersion) {
        if (asOf == null && atVersion == null) {
            return Optional.empty();
        }
        if (asOf != null && atVersion != null) {
            throw new InvalidParameterException(AT_VERSION, "cannot be combined with asOf; ask for one of them");
        }
        if (atVersion != null) {
            if (atVersion < 1) {
                throw new InvalidParameterException(AT_VERSION, "must be 1 or more");
            }
            return Optional.of(new PointInTime(null, atVersion));
        }
        try {
            return Optional.of(new PointInTime(Instant.parse(asOf.strip()), null));
        } catch (DateTimeParseException e) {
            throw new InvalidParameterException(AS_OF, "must be an ISO-8601 instant, such as 2026-01-31T12:00:00Z");
        }
    }

    /** The events of an aggregate's history (oldest first) that had happened at this point. */
    public List<DomainEventMessage<?>> upTo(List<DomainEventMessage<?>> history) {
        return history.stream().takeWhile(event -> asOf != null
                ? !event.getTimestamp().isAfter(asOf)
                : event.getSequenceNumber() < atVersion).toList();
    }

    /** The instant a folded prefix of a history shows: the time of its last event. */
    public static Instant shownAt(List<DomainEventMessage<?>> folded) {
        return folded.isEmpty() ? null : folded.getLast().getTimestamp();
    }

    @Override
    public String toString() {
        return asOf != null ? asOf.toString() : "version " + atVersion;
    }
}
