package io.inkwell.query.projection;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.axonframework.common.stream.BlockingStream;
import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.config.Configuration;
import org.axonframework.eventhandling.EventTrackerStatus;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventhandling.WrappedToken;
import org.axonframework.eventhandling.tokenstore.TokenStore;
import org.axonframework.eventhandling.tokenstore.UnableToClaimTokenException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Where the event stream and the processors are, read through Axon's APIs (head token, processing status,
 * token store, event stream) so that it holds for the PostgreSQL event store and for Axon Server alike.
 */
@Component
class StreamPositions {

    private static final Logger log = LoggerFactory.getLogger(StreamPositions.class);

    /** One segment of a processor: where it is, and whether it has reached the head of the stream. */
    record SegmentPosition(int id, Long position, Boolean caughtUp, TrackingToken token) {
    }

    private final Configuration axon;

    StreamPositions(Configuration axon) {
        this.axon = axon;
    }

    /** The position of the newest event, or -1 when the store is empty. */
    long head() {
        return position(axon.eventStore().createHeadToken()).orElse(-1L);
    }

    /** The position before the oldest event. */
    long tail() {
        return position(axon.eventStore().createTailToken()).orElse(-1L);
    }

    /**
     * The segments of a processor: where it runs here, from its live status; the others from the token store
     * (a segment that another instance holds shows without a position).
     */
    List<SegmentPosition> segments(String processorName, Optional<StreamingEventProcessor> processor) {
        Map<Integer, EventTrackerStatus> local = processor.filter(StreamingEventProcessor::isRunning)
                .map(StreamingEventProcessor::processingStatus).orElse(Map.of());
        TokenStore tokens = axon.eventProcessingConfiguration().tokenStore(processorName);
        TransactionManager transactions = axon.eventProcessingConfiguration().transactionManager(processorName);
        int[] ids = transactions.fetchInTransaction(() -> tokens.fetchSegments(processorName));
        List<SegmentPosition> segments = new ArrayList<>();
        boolean runningHere = processor.filter(StreamingEventProcessor::isRunning).isPresent();
        for (int id : ids) {
            EventTrackerStatus status = local.get(id);
            if (status != null) {
                segments.add(segment(status));
            } else if (runningHere) {
                // Claimed elsewhere, or about to be claimed here: reading it would mean taking our own claim away.
                segments.add(new SegmentPosition(id, null, null, null));
            } else {
                segments.add(stored(tokens, transactions, processorName, id));
            }
        }
        return segments;
    }

    /** The slowest segment's position: everything up to it is processed. */
    static Optional<Long> position(List<SegmentPosition> segments) {
        if (segments.isEmpty() || segments.stream().anyMatch(segment -> segment.position() == null)) {
            return Optional.empty();
        }
        return segments.stream().map(SegmentPosition::position).min(Long::compare);
    }

    /**
     * How long the oldest event after the slowest segment's token has waited, in whole seconds; an upper bound,
     * as another segment may have handled that event already.
     */
    long lagSeconds(List<SegmentPosition> segments, Instant now) {
        Optional<SegmentPosition> slowest = segments.stream().filter(segment -> segment.position() != null)
                .min(Comparator.comparingLong(SegmentPosition::position));
        if (slowest.isEmpty()) {
            return 0;
        }
        // A stored token may still be a replay's wrapper, which the store does not take as a start.
        TrackingToken start = WrappedToken.unwrapLowerBound(slowest.get().token());
        try (BlockingStream<TrackedEventMessage<?>> stream = axon.eventStore().openStream(start)) {
            if (stream.hasNextAvailable(200, TimeUnit.MILLISECONDS)) {
                return Math.max(0, Duration.between(stream.nextAvailable().getTimestamp(), now).toSeconds());
            }
            return 0;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return 0;
        }
    }

    private static SegmentPosition segment(EventTrackerStatus status) {
        return new SegmentPosition(status.getSegment().getSegmentId(), positionOf(status.getTrackingToken()),
                status.isCaughtUp(), status.getTrackingToken());
    }

    /**
     * Reads a stored token by claiming it for a moment (the token store has no read without a claim); only for
     * processors not running here, so that no claim of this instance is taken away.
     */
    private static SegmentPosition stored(TokenStore tokens, TransactionManager transactions, String processor, int id) {
        try {
            TrackingToken token = transactions.fetchInTransaction(() -> {
                TrackingToken fetched = tokens.fetchToken(processor, id);
                tokens.releaseClaim(processor, id);
                return fetched;
            });
            return new SegmentPosition(id, positionOf(token), null, token);
        } catch (UnableToClaimTokenException claimedElsewhere) {
            return new SegmentPosition(id, null, null, null);
        } catch (RuntimeException movedMeanwhile) {
            // A switch hands tokens from the rebuild to the live processor under our feet: the status shows the
            // segment without a position this once, rather than failing the whole answer (it did, with a 500).
            log.debug("Token {} of {} could not be read: {}", id, processor, movedMeanwhile.toString());
            return new SegmentPosition(id, null, null, null);
        }
    }

    private static Long positionOf(TrackingToken token) {
        return position(token).orElse(token == null ? -1L : null);
    }

    private static Optional<Long> position(TrackingToken token) {
        if (token == null || token.position().isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(token.position().getAsLong());
    }
}
