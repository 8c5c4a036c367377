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
            Window lastMinute = new Window();
            Instant lastReport = started;
            Instant deadline = started.plus(options.cap());
            while (reached.size() < Positions.GROUPS.size() && Instant.now().isBefore(deadline)) {
                Http.pause(POLL);
                if (healthy == null && query.isHealthy()) {
                    healthy = Instant.now();
                    System.out.println("  query-service healthy after " + seconds(started, healthy) + " s");
                }
                positions = Positions.of(connection);
                lastMinute.add(Instant.now(), positions);
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
                String what = "catch-up " + group + (at == null ? " (cap reached at " + Results.number(position)
                        + " of " + Results.number(head) + " events)" : " (reached the head in " + Results.number(elapsed) + " s)");
                results.figure(what + ", from the JVM's start", position / elapsed, "events/s", inserts, "single-row inserts");
                if (healthy != null && healthy.isBefore(at == null ? end : at)) {
                    results.figure("catch-up " + group + ", from healthy", position / seconds(healthy, at == null ? end : at),
                            "events/s", inserts, "single-row inserts");
                }
                if (at == null) {
                    results.figure("catch-up " + group + ", last minute", lastMinute.rate(group), "events/s", inserts,
                            "single-row inserts");
                }
            }
            stack.stop(query);
        }
    }

    /** Positions over the last minute, for the rate a group runs at once warmed up. */
    private static final class Window {
        private final java.util.ArrayDeque<Map.Entry<Instant, Map<String, Long>>> samples = new java.util.ArrayDeque<>();

        void add(Instant at, Map<String, Long> positions) {
            samples.addLast(Map.entry(at, Map.copyOf(positions)));
            while (Duration.between(samples.getFirst().getKey(), at).toSeconds() > 60) {
                samples.removeFirst();
            }
        }

        double rate(String group) {
            if (samples.size() < 2) {
                return 0;
            }
            var first = samples.getFirst();
            var last = samples.getLast();
            return (last.getValue().get(group) - first.getValue().get(group)) / seconds(first.getKey(), last.getKey());
        }
    }

    static double seconds(Instant from, Instant to) {
        return Duration.between(from, to).toMillis() / 1000.0;
    }
}
