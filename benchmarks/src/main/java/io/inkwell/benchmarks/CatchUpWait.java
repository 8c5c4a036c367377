package io.inkwell.benchmarks;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;

/** Waits for query-service's groups to reach the head, so that a measurement does not share the CPU with catch-up. */
final class CatchUpWait {

    private CatchUpWait() {
    }

    static void untilHead(Connection connection, long head, Duration cap, Results results) throws SQLException {
        Instant deadline = Instant.now().plus(cap);
        while (Positions.of(connection).values().stream().anyMatch(position -> position < head)) {
            if (Instant.now().isAfter(deadline)) {
                results.note("query-service had not caught up within " + cap.toMinutes() + " min (" + Positions.of(connection)
                        + " of " + head + "); measured while it still catches up");
                return;
            }
            Http.pause(Duration.ofSeconds(2));
        }
    }
}
