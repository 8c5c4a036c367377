package io.inkwell.query.projection;

import java.util.List;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.boot.health.contributor.Status;
import org.springframework.stereotype.Component;

/**
 * Part of readiness: query-service is ready once every projection's processor runs, so that a load balancer
 * sends reads only to an instance that keeps its read models moving. A processor stopped by a rebuild's switch
 * counts as running (reads are served meanwhile, and it starts again within the switch's time). A failing
 * processor still runs and retries; that, dead letters and Elasticsearch are health's concern
 * ({@code projections}, {@code search}: DEGRADED), not readiness's.
 */
@Component("processors")
class ProcessorsReadiness implements HealthIndicator {

    private final EventProcessingConfiguration processing;
    private final ProjectionGroups groups;
    private final Rebuilds rebuilds;

    ProcessorsReadiness(EventProcessingConfiguration processing, ProjectionGroups groups, Rebuilds rebuilds) {
        this.processing = processing;
        this.groups = groups;
        this.rebuilds = rebuilds;
    }

    @Override
    public Health health() {
        List<String> stopped = groups.names().stream().filter(group -> !running(group)).toList();
        return (stopped.isEmpty() ? Health.up() : Health.status(Status.OUT_OF_SERVICE).withDetail("stopped", stopped))
                .build();
    }

    private boolean running(String group) {
        return processing.eventProcessor(group, StreamingEventProcessor.class).map(StreamingEventProcessor::isRunning)
                .orElse(false) || rebuilds.running(group).isPresent();
    }
}
