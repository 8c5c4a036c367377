package io.inkwell.query.projection;

import io.inkwell.query.projection.StreamPositions.SegmentPosition;
import java.util.List;
import java.util.Optional;
import org.axonframework.eventhandling.StreamingEventProcessor;

/**
 * When a rebuild may move on to the switch: every one of its segments has reached the head of the stream and,
 * where this instance can tell, the live processor's position, so that readers never see the read model go
 * back in time when it switches.
 */
final class RebuildCatchUp {

    private final RebuildParts parts;
    private final String live;
    private final StreamingEventProcessor rebuild;

    RebuildCatchUp(RebuildParts parts, String live, StreamingEventProcessor rebuild) {
        this.parts = parts;
        this.live = live;
        this.rebuild = rebuild;
    }

    /** Caught up with the head and with the live processor, as far as its position is known here. */
    boolean withLive() {
        List<SegmentPosition> segments = segments();
        if (!allCaughtUp(segments)) {
            return false;
        }
        Optional<StreamingEventProcessor> processor = parts.axon().eventProcessingConfiguration()
                .eventProcessor(live, StreamingEventProcessor.class);
        Optional<Long> livePosition = processor.filter(StreamingEventProcessor::isRunning)
                .flatMap(running -> StreamPositions.position(parts.positions().segments(live, processor)));
        Optional<Long> position = StreamPositions.position(segments);
        return position.isPresent() && livePosition.map(at -> position.get() >= at).orElse(true);
    }

    /** Every segment has handled the stream up to the given position and is at the head. */
    boolean reached(long head) {
        List<SegmentPosition> segments = segments();
        return allCaughtUp(segments) && StreamPositions.position(segments).map(position -> position >= head).orElse(false);
    }

    private static boolean allCaughtUp(List<SegmentPosition> segments) {
        return !segments.isEmpty() && segments.stream().allMatch(segment -> Boolean.TRUE.equals(segment.caughtUp()));
    }

    /** The rebuild's segments, or none until it has as many as the live processor. */
    private List<SegmentPosition> segments() {
        int expected = Math.max(1, parts.segmentsOf(live));
        List<SegmentPosition> segments = parts.positions().segments(rebuild.getName(), Optional.of(rebuild));
        return segments.size() >= expected ? segments : List.of();
    }
}
