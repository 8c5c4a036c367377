package io.inkwell.systemtest;

import io.inkwell.localstack.PostgresServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.stream.Stream;
import org.awaitility.Awaitility;

/**
 * The local stack's PostgreSQL on a data directory of its own, so that the whole server can be killed
 * with SIGKILL, as a crash or the kernel's OOM killer would, and started again on the same data.
 */
final class CrashablePostgres implements AutoCloseable {

    static final String DATABASE = "inkwell";
    static final String USER = "inkwell";
    static final String PASSWORD = "inkwell";

    private final Path data;
    private final int port;
    private PostgresServer server;

    private CrashablePostgres(Path data, int port) {
        this.data = data;
        this.port = port;
        start();
        server.ensureDatabase(DATABASE, USER, PASSWORD);
    }

    /**
     * On a free port; another build on the machine may take the port first, so a clash is tried again, in a
     * fresh directory because the failed server keeps its lock on the first one.
     */
    static CrashablePostgres start(Path data) {
        for (int attempt = 1; ; attempt++) {
            try {
                return new CrashablePostgres(data.resolveSibling(data.getFileName() + "-" + attempt), freePort());
            } catch (RuntimeException e) {
                if (attempt == 3) {
                    throw e;
                }
            }
        }
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    void start() {
        server = PostgresServer.start(data, port);
    }

    String jdbcUrl() {
        return "jdbc:postgresql://127.0.0.1:" + port + "/" + DATABASE;
    }

    Connection connect() throws SQLException {
        return DriverManager.getConnection(jdbcUrl(), USER, PASSWORD);
    }

    String setting(String name) throws SQLException {
        try (Connection c = connect(); Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SHOW " + name)) {
            rs.next();
            return rs.getString(1);
        }
    }

    /** SIGKILL to the postmaster and every process of the server at once; returns when all are gone. */
    void kill() throws IOException, InterruptedException {
        long pid = Long.parseLong(Files.readAllLines(data.resolve("postmaster.pid")).getFirst().trim());
        ProcessHandle postmaster = ProcessHandle.of(pid).orElseThrow(() -> new IllegalStateException("no postmaster " + pid));
        List<ProcessHandle> all = Stream.concat(Stream.of(postmaster), postmaster.descendants()).toList();
        all.forEach(ProcessHandle::destroyForcibly);
        Awaitility.await("PostgreSQL gone after SIGKILL").atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(50))
                .until(() -> all.stream().noneMatch(ProcessHandle::isAlive));
        // Its pg_ctl stop fails on the dead server (zonky logs that); what matters is that it lets go of the
        // data directory's lock file, so that the server can start there again.
        server.close();
    }

    @Override
    public void close() {
        server.close();
    }
}
