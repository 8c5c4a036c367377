package io.inkwell.query.history;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import org.axonframework.common.stream.BlockingStream;
import org.axonframework.eventhandling.GapAwareTrackingToken;
import org.axonframework.eventhandling.GlobalSequenceTrackingToken;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.springframework.stereotype.Component;

/**
 * Reads the global stream through Axon's event store API, so that the PostgreSQL store and Axon Server are
 * read alike. A stream blocks when it runs out, so a read stops at "nothing more now" instead: when the
 * stream has nothing buffered and the position reached the head the store named when the read began.
 * Short of the head it waits a little, as Axon Server hands events over asynchronously. Every stream is
 * closed, whatever happens.
 */
@Component
class EventReader {

    /** The most events one page request examines, so that a narrow filter over a long stream stays cheap. */
    static final int SCAN_BUDGET = 10_000;
    private static final int WAIT_FOR_HEAD_MILLIS = 2_000;

    private final EventStore events;

    EventReader(EventStore events) {
        this.events = events;
    }

    /** Up to {@code limit} matches, and where to go on: absent when the stream ended before either bound. */
    record Page(List<TrackedEventMessage<?>> events, TrackingToken next) {
    }

    /** Where a read starts: after the cursor, else at the first event from {@code from}, else at the beginning. */
    TrackingToken start(String after, Instant from) {
        if (after != null && !after.isBlank()) {
            TrackingToken token = EventCursor.parse(after.strip(), this::tokenAt);
            // A cursor of the other store's kind would reach the store as a token it cannot read.
            if (!token.getClass().equals(tokenAt(0).getClass())) {
                throw EventCursor.invalid();
            }
            return token;
        }
        return from == null ? null : events.createTokenAt(from);
    }

    Page page(TrackingToken start, EventFilter filter, int limit) {
        List<TrackedEventMessage<?>> found = new ArrayList<>();
        TrackingToken[] last = {start};
        int[] examined = {0};
        boolean ended = scan(start, filter, event -> {
            last[0] = event.trackingToken();
            if (filter.matches(event)) {
                found.add(event);
            }
            return found.size() < limit && ++examined[0] < SCAN_BUDGET;
        });
        return new Page(found, ended ? null : last[0]);
    }

    /**
     * Hands every event from {@code start} on to {@code handler} until the stream has nothing more, the
     * filter's time range is over, or the handler answers false.
     *
     * @return whether the stream ended (rather than the handler stopping it)
     */
    boolean scan(TrackingToken start, EventFilter filter, Predicate<TrackedEventMessage<?>> handler) {
        long head = position(events.createHeadToken());
        long reached = position(start);
        try (BlockingStream<TrackedEventMessage<?>> stream = events.openStream(start)) {
            while (hasMore(stream, reached, head)) {
                TrackedEventMessage<?> event = stream.nextAvailable();
                reached = Math.max(reached, position(event.trackingToken()));
                if (filter.isBeyond(event)) {
                    return true;
                }
                if (!handler.test(event)) {
                    return !hasMore(stream, reached, head);
                }
            }
            return true;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while reading the event stream", e);
        }
    }

    private static boolean hasMore(BlockingStream<TrackedEventMessage<?>> stream, long reached, long head)
            throws InterruptedException {
        return stream.hasNextAvailable()
                || reached < head && stream.hasNextAvailable(WAIT_FOR_HEAD_MILLIS, TimeUnit.MILLISECONDS);
    }

    /** The token of this store's kind that has seen every event up to and including {@code position}. */
    private TrackingToken tokenAt(long position) {
        return events.createHeadToken() instanceof GlobalSequenceTrackingToken
                ? new GlobalSequenceTrackingToken(position)
                : GapAwareTrackingToken.newInstance(position, Set.of());
    }

    private static long position(TrackingToken token) {
        return token == null ? -1 : token.position().orElse(-1);
    }
}
