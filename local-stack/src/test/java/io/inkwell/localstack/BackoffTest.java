package io.inkwell.localstack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class BackoffTest {

    private final Backoff backoff = new Backoff(Duration.ofSeconds(1), Duration.ofSeconds(30), Duration.ofMinutes(1));

    @Test
    void doublesTheWaitOnEveryCrashInARowUpToTheCap() {
        List<Long> waits = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            waits.add(backoff.afterExit(Duration.ofSeconds(5)).toSeconds());
        }
        assertThat(waits).containsExactly(1L, 2L, 4L, 8L, 16L, 30L, 30L, 30L);
    }

    @Test
    void startsAfreshAfterAChildStayedHealthyLongEnough() {
        backoff.afterExit(Duration.ZERO);
        backoff.afterExit(Duration.ZERO);
        backoff.afterExit(Duration.ZERO);

        assertThat(backoff.afterExit(Duration.ofMinutes(1))).isEqualTo(Duration.ofSeconds(1));
        assertThat(backoff.afterExit(Duration.ofSeconds(59))).isEqualTo(Duration.ofSeconds(2));
    }

    @Test
    void aShortSpellOfHealthDoesNotResetTheSchedule() {
        backoff.afterExit(Duration.ofSeconds(10));
        backoff.afterExit(Duration.ofSeconds(10));

        assertThat(backoff.afterExit(Duration.ofSeconds(10))).isEqualTo(Duration.ofSeconds(4));
    }

    @Test
    void refusesACapBelowTheFirstWait() {
        assertThatThrownBy(() -> new Backoff(Duration.ofSeconds(5), Duration.ofSeconds(1), Duration.ofMinutes(1)))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
