package io.inkwell.localstack;

import java.time.Duration;

/**
 * How long to wait before restarting something that died: the first wait is {@code first}, each further
 * one doubles up to {@code longest}, and a child that stayed healthy for {@code forgiveAfter} starts again
 * from {@code first}, so that one crash a day never waits as long as a crash loop does.
 */
final class Backoff {

    private final Duration first;
    private final Duration longest;
    private final Duration forgiveAfter;
    private int failures;

    Backoff(Duration first, Duration longest, Duration forgiveAfter) {
        if (first.isNegative() || first.isZero() || longest.compareTo(first) < 0) {
            throw new IllegalArgumentException("need 0 < first <= longest, got " + first + " and " + longest);
        }
        this.first = first;
        this.longest = longest;
        this.forgiveAfter = forgiveAfter;
    }

    /** The schedule the local stack uses: 1 s, 2 s, 4 s ... at most 30 s; forgiven after a minute of health. */
    static Backoff standard() {
        return new Backoff(Duration.ofSeconds(1), Duration.ofSeconds(30), Duration.ofMinutes(1));
    }

    /**
     * The wait before the next start, after a child ended.
     *
     * @param healthyFor how long it served before it ended; zero when it never became healthy
     */
    synchronized Duration afterExit(Duration healthyFor) {
        if (healthyFor.compareTo(forgiveAfter) >= 0) {
            failures = 0;
        }
        Duration wait = first;
        for (int i = 0; i < failures && wait.compareTo(longest) < 0; i++) {
            wait = wait.multipliedBy(2);
        }
        failures++;
        return wait.compareTo(longest) > 0 ? longest : wait;
    }
}
