package io.inkwell.query.projection;

import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.boot.health.contributor.Status;
import org.springframework.stereotype.Component;

/**
 * Whether every projection moves: each processor's state ({@code running}, {@code retrying} while a segment
 * fails and is retried, {@code stuck} once it has failed for longer than {@code inkwell.projections.stuck-after},
 * {@code stopped}) and its number of dead letters. A stuck or stopped projection, or any dead letter, makes
 * the service {@code DEGRADED}: it still answers, but some reads miss events. Not part of readiness, since
 * every request can still be served.
 */
@Component("projections")
class ProjectionHealth implements HealthIndicator {

    static final Status DEGRADED = new Status("DEGRADED", "Some reads miss events");

    private final EventProcessingConfiguration processing;
    private final ProjectionGroups groups;
    private final DeadLetterCounts deadLetters;
    private final Duration stuckAfter;
    private final Clock clock;
    private final ProcessorFailures failures;

    @Autowired
    ProjectionHealth(EventProcessingConfiguration processing, ProjectionGroups groups, DeadLetterCounts deadLetters,
                     ProcessorFailures failures, @Value("${inkwell.projections.stuck-after:30s}") Duration stuckAfter) {
        this(processing, groups, deadLetters, failures, stuckAfter, Clock.systemUTC());
    }

    ProjectionHealth(EventProcessingConfiguration processing, ProjectionGroups groups, DeadLetterCounts deadLetters,
                     ProcessorFailures failures, Duration stuckAfter, Clock clock) {
        this.processing = processing;
        this.failures = failures;
        this.groups = groups;
        this.deadLetters = deadLetters;
        this.stuckAfter = stuckAfter;
        this.clock = clock;
    }

    @Override
    public Health health() {
        Optional<Map<String, Long>> counts = deadLetters.byGroup();
        boolean degraded = counts.isEmpty();
        Health.Builder health = Health.up();
        for (String group : groups.names()) {
            LinkedHashMap<String, Object> details = new LinkedHashMap<>();
            String state = state(group, details);
            details.putFirst("state", state);
            counts.ifPresentOrElse(count -> details.put("deadLetters", count.getOrDefault(group, 0L)),
                    () -> details.put("deadLetters", "unknown"));
            degraded |= !"running".equals(state) && !"retrying".equals(state)
                    || counts.map(count -> count.getOrDefault(group, 0L) > 0).orElse(false);
            health.withDetail(group, details);
        }
        return health.status(degraded ? DEGRADED : Status.UP).build();
    }

    private String state(String group, Map<String, Object> details) {
        Optional<StreamingEventProcessor> processor = processing.eventProcessor(group, StreamingEventProcessor.class);
        if (processor.isEmpty() || !processor.get().isRunning()) {
            failures.clear(group);
            return "stopped";
        }
        Optional<ProcessorFailures.Streak> streak = failures.of(group);
        if (streak.isEmpty()) {
            return processor.get().isError() ? "retrying" : "running";
        }
        details.put("failingSince", streak.get().since().toString());
        details.put("error", Failures.rootOf(streak.get().last()).toString());
        return Duration.between(streak.get().since(), clock.instant()).compareTo(stuckAfter) >= 0 ? "stuck" : "retrying";
    }
}
