package io.inkwell.query.projection;

import io.inkwell.query.projection.StreamPositions.SegmentPosition;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicReference;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.springframework.stereotype.Component;

/**
 * Each projection's lag as gauges, computed as {@code GET /admin/projections} computes it:
 * {@code inkwell.projection.lag.events} (the head of the stream minus the slowest segment's position) and
 * {@code inkwell.projection.lag.seconds} (the age of the oldest event not yet behind every segment), tagged
 * {@code processing_group}; and {@code inkwell.projection.segment.lag.events} per {@code segment} that runs in
 * this instance. Axon's own meters have the processors' latency and throughput, not their lag. A value the
 * instance cannot know (a segment claimed by another instance) is NaN, which Prometheus leaves out of sums.
 * One reading serves every gauge of a scrape.
 */
@Component
class ProjectionLagMeters implements MeterBinder {

    private static final Duration FRESH = Duration.ofSeconds(1);

    private final EventProcessingConfiguration processing;
    private final ProjectionGroups groups;
    private final StreamPositions positions;
    private final AtomicReference<Reading> last = new AtomicReference<>(new Reading(Instant.EPOCH, Map.of()));
    private final Map<String, Boolean> segmentGauges = new ConcurrentHashMap<>();
    private volatile MeterRegistry registry;

    ProjectionLagMeters(EventProcessingConfiguration processing, ProjectionGroups groups, StreamPositions positions) {
        this.processing = processing;
        this.groups = groups;
        this.positions = positions;
    }

    @Override
    public void bindTo(MeterRegistry registry) {
        this.registry = registry;
        for (String group : groups.names()) {
            Gauge.builder("inkwell.projection.lag.events", this, meters -> meters.lag(group).map(Lag::events).orElse(Double.NaN))
                    .tag("processing_group", group).baseUnit("events")
                    .description("Events in the stream that the projection's slowest segment has not handled yet")
                    .register(registry);
            Gauge.builder("inkwell.projection.lag.seconds", this, meters -> meters.lag(group).map(Lag::seconds).orElse(Double.NaN))
                    .tag("processing_group", group).baseUnit("seconds")
                    .description("Age of the oldest event that the projection's slowest segment has not handled yet")
                    .register(registry);
        }
    }

    private Optional<Lag> lag(String group) {
        return Optional.ofNullable(reading().lags().get(group));
    }

    private double segmentLag(String group, int segment) {
        Lag lag = reading().lags().get(group);
        Double events = lag == null ? null : lag.segments().get(segment);
        return events == null ? Double.NaN : events;
    }

    private Reading reading() {
        Reading reading = last.get();
        if (reading.at().plus(FRESH).isAfter(Instant.now())) {
            return reading;
        }
        Map<String, Lag> lags = new ConcurrentHashMap<>();
        try {
            long head = positions.head();
            Instant now = Instant.now();
            for (String group : groups.names()) {
                Optional<StreamingEventProcessor> processor = processing.eventProcessor(group, StreamingEventProcessor.class);
                List<SegmentPosition> segments = positions.segments(group, processor);
                Map<Integer, Double> bySegment = new ConcurrentHashMap<>();
                segments.stream().filter(segment -> segment.position() != null)
                        .forEach(segment -> bySegment.put(segment.id(), (double) Math.max(0, head - segment.position())));
                bySegment.keySet().forEach(segment -> registerSegment(group, segment));
                StreamPositions.position(segments).ifPresent(position -> {
                    long events = Math.max(0, head - position);
                    lags.put(group, new Lag(events, events == 0 ? 0 : positions.lagSeconds(segments, now), bySegment));
                });
                if (!lags.containsKey(group)) {
                    lags.put(group, new Lag(Double.NaN, Double.NaN, bySegment));
                }
            }
        } catch (RuntimeException databaseUnavailable) {
            // Gauges read NaN until the store answers again; health says why.
        }
        reading = new Reading(Instant.now(), lags);
        last.set(reading);
        return reading;
    }

    private void registerSegment(String group, int segment) {
        if (registry != null && segmentGauges.putIfAbsent(group + "/" + segment, true) == null) {
            Gauge.builder("inkwell.projection.segment.lag.events", this, meters -> meters.segmentLag(group, segment))
                    .tag("processing_group", group).tag("segment", Integer.toString(segment)).baseUnit("events")
                    .description("Events in the stream that this segment of the projection has not handled yet")
                    .register(registry);
        }
    }

    private record Lag(double events, double seconds, Map<Integer, Double> segments) {
    }

    private record Reading(Instant at, Map<String, Lag> lags) {
    }
}
