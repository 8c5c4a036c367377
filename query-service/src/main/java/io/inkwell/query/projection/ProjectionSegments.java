package io.inkwell.query.projection;

import io.inkwell.query.web.NotFoundException;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.IntFunction;
import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.Segment;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.axonframework.eventhandling.tokenstore.TokenStore;
import org.axonframework.eventhandling.tokenstore.UnableToClaimTokenException;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Splits and merges a live processor's segments while it runs, through Axon's {@link StreamingEventProcessor}:
 * more segments let more instances (or threads) share a projection, fewer cost fewer claims. Axon can only
 * split or merge segments this instance holds or may claim, so a segment another instance holds is refused
 * (409) instead of waiting for its claim, which a live instance keeps extending.
 */
@Component
class ProjectionSegments {

    private static final long WAIT_SECONDS = 30;

    private final EventProcessingConfiguration processing;
    private final ProjectionStatus status;
    private final TransactionManager transactions;
    private final SegmentShares shares;
    private final JdbcClient jdbc;
    private final String tokenTable;

    ProjectionSegments(EventProcessingConfiguration processing, ProjectionStatus status, TransactionManager transactions,
                       SegmentShares shares, JdbcClient jdbc, @Value("${inkwell.axon.token-table}") String tokenTable) {
        this.processing = processing;
        this.status = status;
        this.transactions = transactions;
        this.shares = shares;
        this.jdbc = jdbc;
        this.tokenTable = tokenTable;
    }

    /** Refused: the caller is told why and that another moment (or instance) may do. */
    static final class SegmentUnavailableException extends RuntimeException {
        SegmentUnavailableException(String message) {
            super(message, null, false, false);
        }
    }

    static final class RebuildRunningException extends RuntimeException {
        RebuildRunningException(String message) {
            super(message, null, false, false);
        }
    }

    /** The segment ids after the split. */
    List<Integer> split(String name, int segment) throws InterruptedException {
        StreamingEventProcessor processor = ready(name, segment);
        failIfHeldElsewhere(name, segment);
        return await(name, segment, "split", processor::splitSegment);
    }

    /** The segment ids after the merge of the segment with its sibling. */
    List<Integer> merge(String name, int segment) throws InterruptedException {
        StreamingEventProcessor processor = ready(name, segment);
        int[] ids = segments(name);
        if (ids.length == 1) {
            throw new SegmentUnavailableException("Segment " + segment + " is the only segment of " + name
                    + "; there is nothing to merge it with");
        }
        failIfHeldElsewhere(name, segment);
        failIfHeldElsewhere(name, Segment.computeSegment(segment, ids).mergeableSegmentId());
        return await(name, segment, "merge", processor::mergeSegment);
    }

    private StreamingEventProcessor ready(String name, int segment) {
        ProjectionView view = status.of(name).orElseThrow(() -> new NotFoundException("No projection " + name));
        StreamingEventProcessor processor = processing.eventProcessor(name, StreamingEventProcessor.class)
                .orElseThrow(() -> new NotFoundException("No projection " + name));
        int[] ids = segments(name);
        if (Arrays.stream(ids).noneMatch(id -> id == segment)) {
            throw new NotFoundException("No segment " + segment + " of " + name + "; its segments are " + Arrays.toString(ids));
        }
        if (view.rebuild() != null) {
            throw new RebuildRunningException("A rebuild of " + name + " is running; split or merge after it");
        }
        if (!processor.isRunning()) {
            throw new SegmentUnavailableException("The processor of " + name + " is stopped in this instance");
        }
        return processor;
    }

    private int[] segments(String name) {
        TokenStore tokens = processing.tokenStore(name);
        return transactions.fetchInTransaction(() -> tokens.fetchSegments(name));
    }

    private void failIfHeldElsewhere(String name, int segment) {
        Optional<String> owner = jdbc.sql("SELECT owner FROM " + tokenTable + " WHERE processor_name = :name AND segment = :segment")
                .param("name", name).param("segment", segment).query(String.class).optional();
        if (owner.isPresent() && !owner.get().equals(shares.instanceId())) {
            throw new SegmentUnavailableException("Segment " + segment + " of " + name + " is held by the instance "
                    + owner.get() + "; send the request to that instance, or retry once it has let the segment go");
        }
    }

    private List<Integer> await(String name, int segment, String what, IntFunction<CompletableFuture<Boolean>> operation)
            throws InterruptedException {
        try {
            if (!operation.apply(segment).get(WAIT_SECONDS, TimeUnit.SECONDS)) {
                throw new SegmentUnavailableException("The " + what + " of segment " + segment + " of " + name + " was refused");
            }
        } catch (ExecutionException e) {
            if (e.getCause() instanceof UnableToClaimTokenException) {
                throw new SegmentUnavailableException("Segment " + segment + " of " + name
                        + " is held by another instance; retry once it has let the segment go");
            }
            throw new IllegalStateException("The " + what + " of segment " + segment + " of " + name + " failed", e.getCause());
        } catch (TimeoutException e) {
            throw new SegmentUnavailableException("The " + what + " of segment " + segment + " of " + name
                    + " did not finish within " + WAIT_SECONDS + " s; see the projection's segments");
        }
        return Arrays.stream(segments(name)).boxed().toList();
    }
}
