package io.inkwell.query.projection;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import org.springframework.stereotype.Component;

/**
 * The number of dead letters per processing group, as the gauge {@code inkwell.dead.letters} (tag
 * {@code processing_group}) and for health. One query serves every group's gauge of one scrape.
 */
@Component
class DeadLetterCounts implements MeterBinder {

    private static final Duration FRESH = Duration.ofSeconds(1);

    private final DeadLetters letters;
    private final ProjectionGroups groups;
    private final AtomicReference<Snapshot> last = new AtomicReference<>(new Snapshot(Instant.EPOCH, Map.of()));

    DeadLetterCounts(DeadLetters letters, ProjectionGroups groups) {
        this.letters = letters;
        this.groups = groups;
    }

    @Override
    public void bindTo(MeterRegistry registry) {
        for (String group : groups.names()) {
            Gauge.builder("inkwell.dead.letters", this, counts -> counts.byGroup()
                            .map(byGroup -> (double) byGroup.getOrDefault(group, 0L)).orElse(Double.NaN))
                    .tag("processing_group", group)
                    .description("Events parked because their projection could not handle them")
                    .register(registry);
        }
    }

    /** Counts per group, or empty when the database cannot say. */
    Optional<Map<String, Long>> byGroup() {
        Snapshot snapshot = last.get();
        if (snapshot.at().plus(FRESH).isAfter(Instant.now())) {
            return Optional.of(snapshot.counts());
        }
        try {
            Map<String, Long> counts = letters.countByGroup();
            last.set(new Snapshot(Instant.now(), counts));
            return Optional.of(counts);
        } catch (RuntimeException e) {
            return Optional.empty();
        }
    }

    private record Snapshot(Instant at, Map<String, Long> counts) {
    }
}
