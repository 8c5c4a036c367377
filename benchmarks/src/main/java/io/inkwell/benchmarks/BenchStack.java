package io.inkwell.benchmarks;

import io.inkwell.localstack.ElasticsearchServer;
import io.inkwell.localstack.PostgresServer;
import io.inkwell.testing.TestIssuer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.flywaydb.core.Flyway;

/**
 * The pieces of ./inkwell run, started the way local-stack starts them, on ports of their own and with data
 * in a folder of their own, so that a benchmark never meets a developer's stack. PostgreSQL is durable (as in
 * ./inkwell run) and keeps the generated store between scenarios; Elasticsearch is thrown away after each
 * run. Tokens come from a small in-process issuer rather than Keycloak, which would only cost memory here.
 */
final class BenchStack implements AutoCloseable {

    static final String USER = "inkwell";

    private final Path root;
    private final Path data;
    private final PostgresServer postgres;
    private final List<AutoCloseable> started = new ArrayList<>();
    private ElasticsearchServer elasticsearch;
    private boolean closed;

    private BenchStack(Path root, Path data, PostgresServer postgres) {
        this.root = root;
        this.data = data;
        this.postgres = postgres;
    }

    /** Starts PostgreSQL on {@code data} and migrates the event store as command-service would. */
    static BenchStack start(Path root, Path data, int postgresPort) {
        try {
            Files.createDirectories(data.resolve("logs"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        PostgresServer postgres = PostgresServer.start(data.resolve("postgres"), postgresPort);
        postgres.ensureDatabase("inkwell", USER, USER);
        BenchStack stack = new BenchStack(root, data, postgres);
        // Ctrl-C stops the services and servers too, not only this JVM.
        Runtime.getRuntime().addShutdownHook(new Thread(stack::close));
        // command-service's own Flyway configuration: the same locations, so it finds its history complete.
        Flyway.configure().dataSource(stack.jdbcUrl(), USER, USER)
                .locations("classpath:db/eventstore", "classpath:db/migration").load().migrate();
        return stack;
    }

    /** The repository's folder, where the services' jars and the load simulations are built. */
    Path root() {
        return root;
    }

    String jdbcUrl() {
        return postgres.jdbcUrl("inkwell");
    }

    Connection connect() throws SQLException {
        return DriverManager.getConnection(jdbcUrl(), USER, USER);
    }

    /** Elasticsearch on its folder in the data folder, started on first use; the index outlives the run. */
    String elasticsearch() {
        if (elasticsearch == null) {
            try {
                elasticsearch = ElasticsearchServer.start(ElasticsearchServer.workDirectoryFor(data.resolve("elasticsearch")), 0);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            started.add(elasticsearch);
        }
        return elasticsearch.uri();
    }

    /** Forgets everything Elasticsearch indexed before; only before its first use in a run. */
    void freshElasticsearch() {
        if (elasticsearch != null) {
            throw new IllegalStateException("Elasticsearch already runs");
        }
        Path folder = data.resolve("elasticsearch");
        try {
            if (Files.isSymbolicLink(folder)) {
                deleteRecursively(folder.toRealPath());
                Files.delete(folder);
            } else {
                deleteRecursively(folder);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void deleteRecursively(Path folder) throws IOException {
        if (!Files.exists(folder)) {
            return;
        }
        try (var paths = Files.walk(folder)) {
            for (Path path : paths.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.delete(path);
            }
        }
    }

    static TestIssuer issuer() {
        return TestIssuer.get();
    }

    /** A token for a new identity with these roles, valid long enough for the slowest scenario. */
    static String token(String... roles) {
        return issuer().token(claims -> claims.expirationTime(Date.from(Instant.now().plus(Duration.ofHours(6)))), roles);
    }

    ServiceJvm startService(String name, int port, boolean awaitHealthy) {
        return startService(name, port, awaitHealthy, Map.of());
    }

    /** @param settings environment variables beyond the stack's, e.g. {@code INKWELL_CACHE_ENABLED=false} */
    ServiceJvm startService(String name, int port, boolean awaitHealthy, Map<String, String> settings) {
        Map<String, String> environment = new HashMap<>(settings);
        environment.put("INKWELL_DB_URL", jdbcUrl());
        environment.put("INKWELL_DB_USER", USER);
        environment.put("INKWELL_DB_PASSWORD", USER);
        environment.put("INKWELL_ISSUER_URI", issuer().issuer());
        environment.put("INKWELL_JWK_SET_URI", issuer().jwkSetUri());
        environment.put("INKWELL_ROLES_CLAIM", issuer().rolesClaim());
        environment.put("INKWELL_RATE_LIMIT_ENABLED", "false");
        if (name.equals("query-service")) {
            environment.put("INKWELL_ELASTICSEARCH_URI", elasticsearch());
        }
        ServiceJvm service = ServiceJvm.start(name, root.resolve(name).resolve("target").resolve(name + ".jar"), port,
                environment, data.resolve("logs"));
        started.add(service);
        if (awaitHealthy) {
            service.awaitHealthy(Duration.ofMinutes(5));
        }
        return service;
    }

    /** Stops a service before the stack closes (the others stop with it). */
    void stop(ServiceJvm service) {
        started.remove(service);
        service.close();
    }

    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        for (AutoCloseable piece : started.reversed()) {
            try {
                piece.close();
            } catch (Exception e) {
                System.err.println("could not stop " + piece + ": " + e);
            }
        }
        postgres.close();
    }
}
