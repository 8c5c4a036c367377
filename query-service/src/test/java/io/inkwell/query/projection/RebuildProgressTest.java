package io.inkwell.query.projection;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class RebuildProgressTest {

    private static final Instant START = Instant.parse("2026-01-01T12:00:00Z");

    @Test
    void percentIsTheShareOfTheStreamBetweenTailAndHead() {
        RebuildProgress progress = new RebuildProgress(Duration.ofSeconds(30));
        assertThat(progress.record(START, 99, 99, 1099).percent()).isZero();
        assertThat(progress.record(START.plusSeconds(1), 99, 349, 1099).percent()).isEqualTo(25.0);
        assertThat(progress.record(START.plusSeconds(2), 99, 1099, 1099).percent()).isEqualTo(100.0);
    }

    @Test
    void rateAndEtaComeFromTheRecentWindow() {
        RebuildProgress progress = new RebuildProgress(Duration.ofSeconds(10));
        progress.record(START, -1, 0, 100_000);
        // Slow at first, then 1,000 events/s over the last ten seconds.
        progress.record(START.plusSeconds(20), -1, 1_000, 100_000);
        RebuildProgress.View view = progress.record(START.plusSeconds(30), -1, 11_000, 100_000);
        assertThat(view.eventsPerSecond()).isEqualTo(1_000.0);
        assertThat(view.eta()).isEqualTo(START.plusSeconds(30 + 89));
    }

    @Test
    void noRateMeansNoEtaAndAnEmptyStreamIsDone() {
        RebuildProgress stalled = new RebuildProgress(Duration.ofSeconds(10));
        stalled.record(START, -1, 10, 100);
        assertThat(stalled.record(START.plusSeconds(5), -1, 10, 100).eta()).isNull();

        RebuildProgress empty = new RebuildProgress(Duration.ofSeconds(10));
        RebuildProgress.View view = empty.record(START, -1, -1, -1);
        assertThat(view.percent()).isEqualTo(100.0);
        assertThat(view.eta()).isEqualTo(START);
    }

    @Test
    void aPositionPastTheHeadCountsAsDone() {
        RebuildProgress progress = new RebuildProgress(Duration.ofSeconds(10));
        assertThat(progress.record(START, 0, 120, 100).percent()).isEqualTo(100.0);
    }
}
