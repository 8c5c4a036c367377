package io.inkwell.benchmarks;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Today's rebuild: query-service started on the filled store with empty read models and a fresh search
 * index, timed until each processing group's token reaches the head of the stream (or the cap, after which
 * the rate reached so far is reported).
 */
final class CatchUp {

    private static final Duration POLL = Duration.ofSeconds(2);
    private static final Duration REPORT = Duration.ofSeconds(30);

    private CatchUp() {
    }

    static void run(BenchStack stack, Options options, Results results) throws SQLException {
        try (Connection connection = stack.connect()) {
            long head = Positions.head(connection);
            if (head == 0) {
                throw new IllegalStateException("the event store is empty: run the generate scenario first");
            }
            try (Statement statement = connection.createStatement()) {
                statement.execute("DROP SCHEMA IF EXISTS query CASCADE");
            }
            double inserts = Baselines.singleRowInserts(connection, 3_000);
            results.method("baseline: 3,000 single-row INSERTs of copies of stored events, each its own transaction, "
                    + "into a table shaped like domain_event_entry in the same PostgreSQL (fsync on)");
            results.figure("baseline: single-row inserts", inserts, "rows/s", 0, "");
            results.method("query-service started on " + Results.number(head) + " stored events with empty read models "
                    + "(schema query dropped) and a fresh Elasticsearch; each group's position is the lowest of its "
                    + "segments' tokens in query.token_entry, polled every " + POLL.toSeconds() + " s; cap "
                    + options.cap().toMinutes() + " min");
            stack.freshElasticsearch();
            Instant started = Instant.now();
            ServiceJvm query = stack.startService("query-service", options.queryPort(), false);
            Instant healthy = null;
            Map<String, Instant> reached = new LinkedHashMap<>();
            Map<String, Long> positions = Positions.of(connection);
            Instant lastReport = started;
            Instant deadline = started.plus(options.cap());
            while (reached.size() < Positions.GROUPS.size() && Instant.now().isBefore(deadline)) {
                Http.pause(POLL);
                if (healthy == null && query.isHealthy()) {
                    healthy = Instant.now();
                    System.out.println("  query-service healthy after " + seconds(started, healthy) + " s");
                }
                positions = Positions.of(connection);
                for (Map.Entry<String, Long> group : positions.entrySet()) {
                    if (group.getValue() >= head && !reached.containsKey(group.getKey())) {
                        reached.put(group.getKey(), Instant.now());
                        System.out.println("  " + group.getKey() + " reached the head after " + seconds(started, Instant.now()) + " s");
                    }
                }
                if (Duration.between(lastReport, Instant.now()).compareTo(REPORT) >= 0) {
                    lastReport = Instant.now();
                    System.out.println("  after " + seconds(started, lastReport) + " s: " + positions + " of " + head);
                }
            }
            Instant end = Instant.now();
            results.figure("query-service start until healthy", healthy == null ? -1 : seconds(started, healthy), "s", 0, "");
            for (String group : Positions.GROUPS) {
                Instant at = reached.get(group);
                long position = at == null ? Math.max(0, positions.get(group)) : head;
                double elapsed = seconds(started, at == null ? end : at);
                double rate = position / elapsed;
                String what = "catch-up " + group + (at == null ? " (cap reached at " + Results.number(position)
                        + " of " + Results.number(head) + " events)" : " (reached the head in " + Results.number(elapsed) + " s)");
                results.figure(what, rate, "events/s", inserts, "single-row inserts");
            }
            results.note("Rates count from the start of query-service's JVM, so they include its start-up.");
            stack.stop(query);
        }
    }

    static double seconds(Instant from, Instant to) {
        return Duration.between(from, to).toMillis() / 1000.0;
    }
}
