package io.inkwell.localstack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** PostgreSQL as the run command starts it, on real embedded binaries. */
class PostgresServerIT {

    @TempDir
    Path data;

    @Test
    void theRunCommandsPostgresFlushesEveryCommitAndKeepsItsOwnLog() throws Exception {
        try (PostgresServer server = Children.startPostgres(data.resolve("postgres"), 0)) {
            assertThat(server.setting("synchronous_commit")).isEqualTo("on");
            assertThat(server.setting("fsync")).isEqualTo("on");
            assertThat(server.setting("full_page_writes")).isEqualTo("on");
            try (var logs = Files.list(data.resolve("postgres/log"))) {
                assertThat(logs.map(p -> p.getFileName().toString())).anyMatch(n -> n.startsWith("postgresql-"));
            }
        }
    }

    @Test
    void aThrowAwayTestServerSkipsFlushingForSpeed() {
        try (PostgresServer server = PostgresServer.start(null, 0)) {
            assertThat(server.setting("synchronous_commit")).isEqualTo("off");
            assertThat(server.setting("fsync")).isEqualTo("off");
        }
    }

    @Test
    void isRestartedOnItsDataAfterSigkillAndHasLostNoCommit() throws Exception {
        List<String> said = new CopyOnWriteArrayList<>();
        Supervisor supervisor = new Supervisor(
                () -> new Backoff(Duration.ofMillis(100), Duration.ofSeconds(2), Duration.ofMinutes(1)),
                said::add, (tier, name, process) -> { });
        int port;
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        Children.Postgres postgres = new Children.Postgres(data.resolve("postgres"), port);
        try {
            supervisor.start(0, postgres);
            String url = postgres.jdbcUrl();
            execute(url, "CREATE TABLE acknowledged (n int)", "INSERT INTO acknowledged VALUES (42)");
            long killed = postmaster();

            new ProcessBuilder("kill", "-KILL", Long.toString(killed)).start().waitFor();

            await().atMost(Duration.ofSeconds(60)).ignoreExceptions().untilAsserted(() -> {
                assertThat(postmaster()).isNotEqualTo(killed);
                assertThat(count(url)).isEqualTo(1);
            });
            assertThat(said).anyMatch(line -> line.startsWith("PostgreSQL died"));
        } finally {
            supervisor.stopAll();
        }
    }

    @Test
    void stopsAPostmasterThatAKilledLauncherLeftOnTheData() throws Exception {
        try (PostgresServer leftover = Children.startPostgres(data.resolve("postgres"), 0)) {
            ProcessHandle postmaster = leftover.process();

            PostgresServer.stopLeftover(data.resolve("postgres"));

            assertThat(postmaster.isAlive()).isFalse();
        }
    }

    private long postmaster() throws IOException {
        return Long.parseLong(Files.readAllLines(data.resolve("postgres/postmaster.pid")).getFirst().trim());
    }

    private static void execute(String url, String... statements) throws SQLException {
        try (Connection c = DriverManager.getConnection(url, "inkwell", "inkwell"); Statement s = c.createStatement()) {
            for (String sql : statements) {
                s.execute(sql);
            }
        }
    }

    private static int count(String url) throws SQLException {
        try (Connection c = DriverManager.getConnection(url, "inkwell", "inkwell"); Statement s = c.createStatement();
             ResultSet rows = s.executeQuery("SELECT count(*) FROM acknowledged WHERE n = 42")) {
            rows.next();
            return rows.getInt(1);
        }
    }
}
