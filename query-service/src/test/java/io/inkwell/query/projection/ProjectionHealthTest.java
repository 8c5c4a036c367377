package io.inkwell.query.projection;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.ErrorContext;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.GenericEventMessage;
import org.axonframework.messaging.unitofwork.DefaultUnitOfWork;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.junit.jupiter.api.Test;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.Status;

class ProjectionHealthTest {

    private final EventProcessingConfiguration processing = mock(EventProcessingConfiguration.class);
    private final StreamingEventProcessor posts = mock(StreamingEventProcessor.class);
    private final DeadLetterCounts deadLetters = mock(DeadLetterCounts.class);
    private Instant now = Instant.parse("2026-01-01T00:00:00Z");
    private final Clock clock = new Clock() {
                @Override
                public java.time.ZoneId getZone() {
                    return ZoneOffset.UTC;
                }

                @Override
                public Clock withZone(java.time.ZoneId zone) {
                    return this;
                }

                @Override
                public Instant instant() {
                    return now;
                }
            };
    private final ProcessorFailures failures = new ProcessorFailures(clock);
    private final ProjectionHealth health = new ProjectionHealth(processing, new ProjectionGroups(List.of("posts")),
            deadLetters, failures, Duration.ofSeconds(30), clock);

    ProjectionHealthTest() {
        when(processing.eventProcessor("posts", StreamingEventProcessor.class)).thenReturn(Optional.of(posts));
        when(posts.isRunning()).thenReturn(true);
        when(deadLetters.byGroup()).thenReturn(Optional.of(Map.of()));
    }

    @Test
    void aRunningProjectionWithoutDeadLettersIsUp() {
        Health answer = health.health();

        assertThat(answer.getStatus()).isEqualTo(Status.UP);
        assertThat(answer.getDetails().get("posts")).isEqualTo(Map.of("state", "running", "deadLetters", 0L));
    }

    @Test
    void aFailingProjectionIsRetryingAtFirstAndStuckOnceItHasFailedLongerThanAllowed() {
        failBatch(new RuntimeException(new SQLException("connection refused", "08001")));

        Health first = health.health();
        assertThat(first.getStatus()).isEqualTo(Status.UP);
        assertThat(details(first)).containsEntry("state", "retrying")
                .containsEntry("error", "java.sql.SQLException: connection refused");

        now = now.plusSeconds(31);
        failBatch(new RuntimeException(new SQLException("still refused", "08001")));
        Health later = health.health();
        assertThat(later.getStatus()).isEqualTo(ProjectionHealth.DEGRADED);
        assertThat(details(later)).containsEntry("state", "stuck").containsEntry("failingSince", "2026-01-01T00:00:00Z")
                .containsEntry("error", "java.sql.SQLException: still refused");
    }

    @Test
    void aBatchThatCommitsEndsTheStreak() throws Exception {
        failBatch(new IllegalStateException("once"));
        DefaultUnitOfWork<EventMessage<?>> batch = DefaultUnitOfWork.startAndGet(GenericEventMessage.asEventMessage("e"));
        failures.successOf("posts").handle(batch, () -> null);
        batch.commit();

        assertThat(details(health.health())).containsEntry("state", "running");
    }

    @Test
    void isStuckFromTheMomentItHasFailedForAsLongAsAllowed() {
        failBatch(new IllegalStateException("once"));
        now = now.plusSeconds(30);

        assertThat(details(health.health())).containsEntry("state", "stuck");
    }

    @Test
    void aProcessorInErrorWithoutARecordedFailureIsRetrying() {
        when(posts.isError()).thenReturn(true);

        Health answer = health.health();

        assertThat(details(answer)).containsEntry("state", "retrying");
        assertThat(answer.getStatus()).isEqualTo(Status.UP);
    }

    @Test
    void aStoppedProcessorForgetsItsFailuresSoThatItStartsAfreshWhenItRunsAgain() {
        failBatch(new IllegalStateException("once"));
        when(posts.isRunning()).thenReturn(false);
        assertThat(details(health.health())).containsEntry("state", "stopped").doesNotContainKey("error");

        when(posts.isRunning()).thenReturn(true);
        now = now.plusSeconds(60);
        assertThat(details(health.health())).containsEntry("state", "running");
    }

    @Test
    void deadLettersThatCannotBeCountedDegradeTheServiceAndSaySo() {
        when(deadLetters.byGroup()).thenReturn(Optional.empty());

        Health answer = health.health();

        assertThat(answer.getStatus()).isEqualTo(ProjectionHealth.DEGRADED);
        assertThat(details(answer)).containsEntry("state", "running").containsEntry("deadLetters", "unknown");
    }

    private void failBatch(Throwable error) {
        assertThatThrownBy(() -> failures.handleError(new ErrorContext("posts", error, List.of())))
                .as("the failure still propagates, so that the batch is retried").isSameAs(error);
    }

    @Test
    void deadLettersOrAStoppedProcessorDegradeTheService() {
        when(deadLetters.byGroup()).thenReturn(Optional.of(Map.of("posts", 2L)));
        assertThat(health.health().getStatus()).isEqualTo(ProjectionHealth.DEGRADED);
        assertThat(details(health.health())).containsEntry("deadLetters", 2L);

        when(deadLetters.byGroup()).thenReturn(Optional.of(Map.of()));
        when(posts.isRunning()).thenReturn(false);
        assertThat(details(health.health())).containsEntry("state", "stopped");
        assertThat(health.health().getStatus()).isEqualTo(ProjectionHealth.DEGRADED);
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> details(Health health) {
        return (Map<String, Object>) health.getDetails().get("posts");
    }
}
