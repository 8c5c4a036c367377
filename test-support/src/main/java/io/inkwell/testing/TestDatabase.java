package io.inkwell.testing;

import io.inkwell.localstack.PostgresServer;
import org.testcontainers.DockerClientFactory;
import org.testcontainers.postgresql.PostgreSQLContainer;

/**
 * The one PostgreSQL server of a test JVM. Where Docker runs it is a Testcontainers container; elsewhere
 * the same major version from embedded binaries. Either way it is real PostgreSQL, started on first use
 * and stopped when the JVM exits.
 */
public record TestDatabase(String jdbcUrl, String username, String password) {

    private static final String IMAGE = "postgres:17-alpine";

    public static TestDatabase get() {
        return Holder.INSTANCE;
    }

    private static final class Holder {
        static final TestDatabase INSTANCE = start();
    }

    private static TestDatabase start() {
        if (dockerAvailable()) {
            PostgreSQLContainer container = new PostgreSQLContainer(IMAGE)
                    .withDatabaseName("inkwell").withUsername("inkwell").withPassword("inkwell");
            container.start();
            return new TestDatabase(container.getJdbcUrl(), "inkwell", "inkwell");
        }
        PostgresServer server = PostgresServer.start(null, 0);
        Runtime.getRuntime().addShutdownHook(new Thread(server::close, "test-postgres-stop"));
        server.ensureDatabase("inkwell", "inkwell", "inkwell");
        return new TestDatabase(server.jdbcUrl("inkwell"), "inkwell", "inkwell");
    }

    static boolean dockerAvailable() {
        boolean dockerConfigured = System.getenv("DOCKER_HOST") != null
                || java.nio.file.Files.exists(java.nio.file.Path.of("/var/run/docker.sock"));
        if (Boolean.getBoolean("inkwell.tests.embedded") || !dockerConfigured) {
            return false;
        }
        try {
            return DockerClientFactory.instance().isDockerAvailable();
        } catch (RuntimeException e) {
            return false;
        }
    }
}
