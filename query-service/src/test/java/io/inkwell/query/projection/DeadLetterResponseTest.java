package io.inkwell.query.projection;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.junit.jupiter.api.Test;

class DeadLetterResponseTest {

    private static final Instant PARKED = Instant.parse("2026-01-02T03:04:05Z");
    private static final Instant RETRIED = Instant.parse("2026-01-02T04:00:00Z");

    @Test
    void aLetterThatFailedShowsItsCauseFailureTimesAndTheApiVersionOfItsEvent() {
        DeadLetterResponse response = DeadLetterResponse.of(new DeadLetterView("l-1", "posts", "post-1", 0,
                "io.inkwell.api.post.PostCreatedEvent", 0, 42L, "org.postgresql.util.PSQLException", "ERROR: refused",
                PARKED, RETRIED, 4));

        assertThat(response.aggregateId()).isEqualTo("post-1");
        assertThat(response.eventType()).isEqualTo("PostCreatedEvent");
        assertThat(response.version()).isEqualTo(1);
        assertThat(response.position()).isEqualTo(42L);
        assertThat(response.cause()).isEqualTo(new DeadLetterResponse.Cause("org.postgresql.util.PSQLException", "ERROR: refused"));
        assertThat(response.firstFailureAt()).isEqualTo(PARKED);
        assertThat(response.lastFailureAt()).isEqualTo(RETRIED);
        assertThat(response.attempts()).isEqualTo(4);
    }

    @Test
    void aLetterParkedBehindAnotherNeverFailedItself() {
        DeadLetterResponse response = DeadLetterResponse.of(new DeadLetterView("l-2", "posts", "post-1", 1,
                "io.inkwell.api.post.PostEditedEvent", 1, null, null, null, PARKED, PARKED, 0));

        assertThat(response.cause()).isNull();
        assertThat(response.firstFailureAt()).isNull();
        assertThat(response.lastFailureAt()).isNull();
        assertThat(response.parkedAt()).isEqualTo(PARKED);
        assertThat(response.attempts()).isZero();
    }

    @Test
    void attemptsAreReadFromTheDiagnosticsThatThePolicyWrites() {
        assertThat(DeadLetterView.attemptsIn("{\"attempts\":5}")).isEqualTo(5);
        assertThat(DeadLetterView.attemptsIn(null)).isZero();
        assertThat(DeadLetterView.attemptsIn("{}")).isZero();
    }
}
