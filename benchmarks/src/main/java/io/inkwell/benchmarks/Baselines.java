package io.inkwell.benchmarks;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.postgresql.PGConnection;

/**
 * What the same PostgreSQL does for the simplest form of the work, measured in the same run as the figure it
 * is compared with: a projection cannot write faster than one committed row per event, an export cannot read
 * faster than a plain COPY of the table.
 */
final class Baselines {

    private Baselines() {
    }

    /**
     * Rows a second when each event-sized row is one INSERT in its own transaction, into a table shaped like
     * the event store's (with its unique indexes), filled with copies of real stored events.
     */
    static double singleRowInserts(Connection connection, int rows) throws SQLException {
        List<Object[]> samples = storedEvents(connection);
        createInsertTable(connection);
        boolean autoCommit = connection.getAutoCommit();
        connection.setAutoCommit(true);
        long started = System.nanoTime();
        try (PreparedStatement insert = connection.prepareStatement(INSERT)) {
            for (int i = 0; i < rows; i++) {
                insertCopy(insert, samples.get(i % samples.size()), 1_000_000L * (i / samples.size()));
            }
        } finally {
            connection.setAutoCommit(autoCommit);
        }
        double perSecond = rows / ((System.nanoTime() - started) / 1e9);
        dropInsertTable(connection);
        return perSecond;
    }

    static final String INSERT = "INSERT INTO bench_single_inserts (event_identifier, aggregate_identifier, "
            + "sequence_number, type, time_stamp, payload_type, payload_revision, payload, meta_data) "
            + "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)";

    /** The columns of the last 1,000 stored events, to be inserted again as copies. */
    static List<Object[]> storedEvents(Connection connection) throws SQLException {
        List<Object[]> samples = new ArrayList<>();
        try (Statement statement = connection.createStatement();
             ResultSet events = statement.executeQuery("SELECT aggregate_identifier, sequence_number, type, time_stamp, "
                     + "payload_type, payload_revision, payload, meta_data FROM domain_event_entry "
                     + "ORDER BY global_index DESC LIMIT 1000")) {
            while (events.next()) {
                samples.add(new Object[] {events.getString(1), events.getLong(2), events.getString(3), events.getString(4),
                        events.getString(5), events.getString(6), events.getBytes(7), events.getBytes(8)});
            }
        }
        if (samples.isEmpty()) {
            throw new IllegalStateException("the event store is empty: run the generate scenario first");
        }
        return samples;
    }

    /** A table shaped like domain_event_entry, with its unique indexes, for the insert baselines. */
    static void createInsertTable(Connection connection) throws SQLException {
        try (Statement statement = connection.createStatement()) {
            statement.execute("DROP TABLE IF EXISTS bench_single_inserts");
            statement.execute("""
                    CREATE TABLE bench_single_inserts (
                        global_index BIGSERIAL PRIMARY KEY, event_identifier VARCHAR(255) NOT NULL UNIQUE,
                        aggregate_identifier VARCHAR(255) NOT NULL, sequence_number BIGINT NOT NULL,
                        type VARCHAR(255), time_stamp VARCHAR(255) NOT NULL, payload_type VARCHAR(255) NOT NULL,
                        payload_revision VARCHAR(255), payload BYTEA NOT NULL, meta_data BYTEA,
                        UNIQUE (aggregate_identifier, sequence_number))""");
        }
    }

    static void dropInsertTable(Connection connection) throws SQLException {
        try (Statement statement = connection.createStatement()) {
            statement.execute("DROP TABLE bench_single_inserts");
        }
    }

    /** Inserts a copy of a stored event with a new id, its sequence number moved by {@code shift} to stay unique. */
    static void insertCopy(PreparedStatement insert, Object[] sample, long shift) throws SQLException {
        insert.setString(1, UUID.randomUUID().toString());
        insert.setString(2, (String) sample[0]);
        insert.setLong(3, (Long) sample[1] + shift);
        for (int column = 2; column < sample.length; column++) {
            insert.setObject(column + 2, sample[column]);
        }
        insert.executeUpdate();
    }

    record CopyRead(long events, long bytes, double seconds) {
        double eventsPerSecond() {
            return events / seconds;
        }

        double megabytesPerSecond() {
            return bytes / 1e6 / seconds;
        }
    }

    /** A plain COPY of every column of the events after {@code afterPosition}, in commit order, to nowhere. */
    static CopyRead copyOut(Connection connection, long afterPosition) throws SQLException {
        Counting sink = new Counting();
        long started = System.nanoTime();
        long events;
        try {
            events = connection.unwrap(PGConnection.class).getCopyAPI().copyOut("COPY (SELECT * FROM domain_event_entry "
                    + "WHERE global_index > " + afterPosition + " ORDER BY global_index) TO STDOUT", sink);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new CopyRead(events, sink.bytes, (System.nanoTime() - started) / 1e9);
    }

    private static final class Counting extends OutputStream {
        long bytes;

        @Override
        public void write(int b) {
            bytes++;
        }

        @Override
        public void write(byte[] b, int off, int len) {
            bytes += len;
        }
    }
}
