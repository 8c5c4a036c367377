package io.inkwell.localstack;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * A real PostgreSQL server from the binaries that zonky ships in Maven jars. With a data directory it
 * keeps its data across restarts; without one it lives in a temporary folder that is removed on close.
 */
public final class PostgresServer implements AutoCloseable {

    /** Whether a commit that was answered survives a crash of PostgreSQL or of the machine. */
    public enum Durability {
        /** Every commit is flushed to disk before it is answered: what the run command always uses. */
        DURABLE("on", "on"),
        /** Nothing is flushed: faster, for throw-away test databases only; a crash may lose answered commits. */
        THROWAWAY("off", "off");

        private final String fsync;
        private final String synchronousCommit;

        Durability(String fsync, String synchronousCommit) {
            this.fsync = fsync;
            this.synchronousCommit = synchronousCommit;
        }
    }

    private final EmbeddedPostgres postgres;
    private final Path dataDirectory;

    private PostgresServer(EmbeddedPostgres postgres, Path dataDirectory) {
        this.postgres = postgres;
        this.dataDirectory = dataDirectory;
    }

    /**
     * A durable server on {@code dataDirectory}, or a fast throw-away one when it is {@code null}.
     *
     * @param dataDirectory where the cluster lives, or {@code null} for a throw-away one
     * @param port          the port to listen on, or 0 for any free port
     */
    public static PostgresServer start(Path dataDirectory, int port) {
        return start(dataDirectory, port, dataDirectory == null ? Durability.THROWAWAY : Durability.DURABLE);
    }

    /**
     * @param dataDirectory where the cluster lives, or {@code null} for a throw-away one
     * @param port          the port to listen on, or 0 for any free port
     * @param durability    whether answered commits must survive a crash
     */
    public static PostgresServer start(Path dataDirectory, int port, Durability durability) {
        // zonky turns synchronous_commit off and passes -F (fsync off) by default; both are set here
        // explicitly, and a "-c" setting wins over -F because it comes later on the command line.
        EmbeddedPostgres.Builder builder = EmbeddedPostgres.builder()
                .setServerConfig("max_connections", "200")
                .setServerConfig("fsync", durability.fsync)
                .setServerConfig("synchronous_commit", durability.synchronousCommit)
                .setServerConfig("full_page_writes", durability.fsync)
                // Crash recovery after a kill can take longer than zonky's 10 s under load.
                .setPGStartupWait(Duration.ofMinutes(2));
        if (dataDirectory != null) {
            stopLeftover(dataDirectory);
            builder.setDataDirectory(dataDirectory).setCleanDataDirectory(false)
                    // PostgreSQL's own log stays in its data folder, rotated daily and by size.
                    .setServerConfig("logging_collector", "on")
                    .setServerConfig("log_directory", "log")
                    .setServerConfig("log_filename", "postgresql-%Y-%m-%d.log")
                    .setServerConfig("log_rotation_size", "10MB");
        }
        if (port > 0) {
            builder.setPort(port);
        }
        try {
            return new PostgresServer(builder.start(), dataDirectory);
        } catch (IOException e) {
            throw new UncheckedIOException("PostgreSQL did not start", e);
        }
    }

    /**
     * Stops a postmaster that still runs on {@code dataDirectory}, left behind by a launcher that was
     * killed: PostgreSQL would refuse to start a second one there. {@code postmaster.pid} names it.
     */
    static void stopLeftover(Path dataDirectory) {
        postmaster(dataDirectory).ifPresent(leftover -> {
            leftover.destroy(); // SIGTERM: a smart shutdown, which ends once its clients have gone
            Processes.awaitExit(leftover, Duration.ofSeconds(30));
        });
        // The children of a postmaster that was killed (checkpointer, writers, backends) end only when
        // they notice, and until then hold its shared memory: a new postmaster refuses to start beside them.
        orphans(dataDirectory).forEach(orphan -> Processes.awaitExit(orphan, Duration.ofSeconds(10)));
    }

    /** PostgreSQL processes still working in {@code dataDirectory} (Linux only: their working folder). */
    private static List<ProcessHandle> orphans(Path dataDirectory) {
        try {
            Path data = dataDirectory.toRealPath();
            return ProcessHandle.allProcesses()
                    .filter(p -> p.info().command().map(c -> c.endsWith("/postgres")).orElse(false))
                    .filter(p -> {
                        try {
                            return Files.readSymbolicLink(Path.of("/proc", Long.toString(p.pid()), "cwd")).equals(data);
                        } catch (IOException | UnsupportedOperationException e) {
                            return false; // gone meanwhile, or not Linux
                        }
                    }).toList();
        } catch (IOException e) {
            return List.of(); // no data folder yet
        }
    }

    /** The postmaster, whose end means that the server died. */
    public ProcessHandle process() {
        return postmaster(dataDirectory).orElseThrow(() -> new IllegalStateException("PostgreSQL does not run"));
    }

    private static Optional<ProcessHandle> postmaster(Path dataDirectory) {
        if (dataDirectory == null) {
            return Optional.empty();
        }
        try {
            List<String> lines = Files.readAllLines(dataDirectory.resolve("postmaster.pid"));
            return lines.isEmpty() ? Optional.empty() : ProcessHandle.of(Long.parseLong(lines.getFirst().trim()))
                    .filter(ProcessHandle::isAlive)
                    .filter(p -> p.info().command().map(c -> c.endsWith("/postgres")).orElse(true));
        } catch (IOException | NumberFormatException e) {
            return Optional.empty();
        }
    }

    /** The value of a server setting, as {@code SHOW} reports it. */
    public String setting(String name) {
        try (Connection c = postgres.getPostgresDatabase().getConnection(); Statement s = c.createStatement()) {
            var rows = s.executeQuery("SELECT current_setting('" + name.replace("'", "''") + "')");
            rows.next();
            return rows.getString(1);
        } catch (SQLException e) {
            throw new IllegalStateException("could not read the setting " + name, e);
        }
    }

    public int port() {
        return postgres.getPort();
    }

    public String jdbcUrl(String database) {
        return "jdbc:postgresql://localhost:" + port() + "/" + database;
    }

    /** Creates the login role and its database unless they exist; safe to call on every start. */
    public void ensureDatabase(String database, String user, String password) {
        try (Connection c = postgres.getPostgresDatabase().getConnection(); Statement s = c.createStatement()) {
            if (!exists(c, "SELECT 1 FROM pg_roles WHERE rolname = ?", user)) {
                // Identifiers cannot be bound as parameters; these come from our own configuration.
                s.execute("CREATE ROLE \"" + user + "\" LOGIN PASSWORD '" + password.replace("'", "''") + "'");
            }
            if (!exists(c, "SELECT 1 FROM pg_database WHERE datname = ?", database)) {
                s.execute("CREATE DATABASE \"" + database + "\" OWNER \"" + user + "\"");
            }
        } catch (SQLException e) {
            throw new IllegalStateException("could not create database " + database, e);
        }
    }

    private static boolean exists(Connection c, String sql, String name) throws SQLException {
        try (PreparedStatement p = c.prepareStatement(sql)) {
            p.setString(1, name);
            return p.executeQuery().next();
        }
    }

    @Override
    public void close() {
        try {
            postgres.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
