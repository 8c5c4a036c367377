package io.inkwell.query.projection;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.junit.jupiter.api.Test;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.Status;

/** Ready once every projection's processor runs; a processor stopped by a rebuild's switch counts as running. */
class ProcessorsReadinessTest {

    private final EventProcessingConfiguration processing = mock(EventProcessingConfiguration.class);
    private final StreamingEventProcessor posts = mock(StreamingEventProcessor.class);
    private final StreamingEventProcessor users = mock(StreamingEventProcessor.class);
    private final Rebuilds rebuilds = mock(Rebuilds.class);
    private final ProcessorsReadiness readiness = new ProcessorsReadiness(processing,
            new ProjectionGroups(List.of("posts", "users")), rebuilds);

    ProcessorsReadinessTest() {
        when(processing.eventProcessor("posts", StreamingEventProcessor.class)).thenReturn(Optional.of(posts));
        when(processing.eventProcessor("users", StreamingEventProcessor.class)).thenReturn(Optional.of(users));
        when(posts.isRunning()).thenReturn(true);
        when(users.isRunning()).thenReturn(true);
        when(rebuilds.running("posts")).thenReturn(Optional.empty());
        when(rebuilds.running("users")).thenReturn(Optional.empty());
    }

    @Test
    void isUpWhileEveryProcessorRuns() {
        Health health = readiness.health();

        assertThat(health.getStatus()).isEqualTo(Status.UP);
        assertThat(health.getDetails()).isEmpty();
    }

    @Test
    void isOutOfServiceNamingEachStoppedProcessor() {
        when(users.isRunning()).thenReturn(false);

        Health health = readiness.health();

        assertThat(health.getStatus()).isEqualTo(Status.OUT_OF_SERVICE);
        assertThat(health.getDetails()).isEqualTo(Map.of("stopped", List.of("users")));
    }

    @Test
    void countsAProjectionWithoutAProcessorAsStopped() {
        when(processing.eventProcessor("posts", StreamingEventProcessor.class)).thenReturn(Optional.empty());

        assertThat(readiness.health().getDetails()).isEqualTo(Map.of("stopped", List.of("posts")));
    }

    @Test
    void countsAProcessorStoppedByARebuildsSwitchAsRunning() {
        when(posts.isRunning()).thenReturn(false);
        when(rebuilds.running("posts")).thenReturn(Optional.of(mock(RebuildRun.class)));

        assertThat(readiness.health().getStatus()).isEqualTo(Status.UP);
    }
}
