package io.inkwell.benchmarks;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The create scenarios' baseline: {@code clients} JDBC connections, each on a thread of its own, inserting
 * copies of stored events one row per transaction into a table shaped like the event store's, for a while.
 * The most a store of single committed rows can take from that many writers on this machine.
 */
final class ConcurrentInserts {

    private ConcurrentInserts() {
    }

    /** Rows a second over all clients. */
    static double run(BenchStack stack, int clients, Duration duration) throws Exception {
        List<Object[]> samples;
        try (Connection connection = stack.connect()) {
            samples = Baselines.storedEvents(connection);
            Baselines.createInsertTable(connection);
        }
        AtomicLong rows = new AtomicLong();
        List<Connection> connections = new ArrayList<>();
        try {
            for (int i = 0; i < clients; i++) {
                connections.add(stack.connect());
            }
            long started = System.nanoTime();
            long deadline = started + duration.toNanos();
            try (ExecutorService threads = Executors.newFixedThreadPool(clients)) {
                List<Future<?>> running = new ArrayList<>();
                for (int client = 0; client < clients; client++) {
                    Connection connection = connections.get(client);
                    long clientShift = 1_000_000_000L * (client + 1);
                    running.add(threads.submit(() -> {
                        insertUntil(connection, samples, clientShift, deadline, rows);
                        return null;
                    }));
                }
                for (Future<?> client : running) {
                    client.get();
                }
            }
            return rows.get() / ((System.nanoTime() - started) / 1e9);
        } finally {
            for (Connection connection : connections) {
                connection.close();
            }
            try (Connection connection = stack.connect()) {
                Baselines.dropInsertTable(connection);
            }
        }
    }

    private static void insertUntil(Connection connection, List<Object[]> samples, long clientShift, long deadline,
                                    AtomicLong rows) throws SQLException {
        connection.setAutoCommit(true);
        try (PreparedStatement insert = connection.prepareStatement(Baselines.INSERT)) {
            for (long i = 0; System.nanoTime() < deadline; i++) {
                int sample = (int) (i % samples.size());
                Baselines.insertCopy(insert, samples.get(sample), clientShift + 1_000L * (i / samples.size()));
                rows.incrementAndGet();
            }
        }
    }
}
