package io.inkwell.localstack;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

/**
 * Runs the whole of Inkwell on this machine without Docker: PostgreSQL, Keycloak and both services.
 * Everything it keeps lives in one data folder ({@code .inkwell/} unless {@code INKWELL_DATA_DIR} says
 * otherwise); delete it to start afresh. Ctrl-C stops everything, services first.
 */
public final class LocalStack {

    private final Deque<AutoCloseable> running = new ArrayDeque<>();

    public static void main(String[] args) throws Exception {
        System.setProperty("logback.configurationFile", "local-stack-logback.xml");
        new LocalStack().run(Path.of(args.length > 0 ? args[0] : ".").toAbsolutePath().normalize());
    }

    private void run(Path root) throws Exception {
        Path data = Path.of(env("INKWELL_DATA_DIR", root.resolve(".inkwell").toString())).toAbsolutePath();
        Path logs = Files.createDirectories(data.resolve("logs"));
        int postgresPort = Integer.parseInt(env("INKWELL_POSTGRES_PORT", "55432"));
        int keycloakPort = Integer.parseInt(env("INKWELL_KEYCLOAK_PORT", "8180"));
        int elasticsearchPort = Integer.parseInt(env("INKWELL_ELASTICSEARCH_PORT", "9200"));
        int commandPort = Integer.parseInt(env("INKWELL_COMMAND_PORT", "8081"));
        int queryPort = Integer.parseInt(env("INKWELL_QUERY_PORT", "8082"));
        Runtime.getRuntime().addShutdownHook(new Thread(this::stopAll, "local-stack-shutdown"));

        say("Starting PostgreSQL on port " + postgresPort + " (data in " + data.resolve("postgres") + ")");
        PostgresServer postgres = remember(PostgresServer.start(data.resolve("postgres"), postgresPort));
        postgres.ensureDatabase("inkwell", "inkwell", "inkwell");

        say("Starting Keycloak on port " + keycloakPort + " (first start unpacks it and takes about a minute)");
        KeycloakServer keycloak = remember(KeycloakServer.start(
                data.resolve("keycloak-" + KeycloakServer.version()), keycloakPort, true));

        say("Starting Elasticsearch on port " + elasticsearchPort);
        ElasticsearchServer elasticsearch = remember(ElasticsearchServer.start(
                ElasticsearchServer.workDirectoryFor(data.resolve("elasticsearch")), elasticsearchPort));

        Map<String, String> environment = Map.of(
                "INKWELL_ELASTICSEARCH_URI", elasticsearch.uri(),
                "INKWELL_DB_URL", postgres.jdbcUrl("inkwell"),
                "INKWELL_DB_USER", "inkwell",
                "INKWELL_DB_PASSWORD", "inkwell",
                "INKWELL_ISSUER_URI", keycloak.issuer(),
                "INKWELL_JWK_SET_URI", keycloak.jwkSetUri());
        say("Starting command-service on port " + commandPort + " and query-service on port " + queryPort);
        ServiceProcess command = remember(ServiceProcess.start("command-service",
                root.resolve("command-service/target/command-service.jar"), commandPort, environment, logs));
        ServiceProcess query = remember(ServiceProcess.start("query-service",
                root.resolve("query-service/target/query-service.jar"), queryPort, environment, logs));
        command.awaitHealthy(Duration.ofMinutes(3));
        query.awaitHealthy(Duration.ofMinutes(3));

        say("""

                Inkwell is running.
                  command-service  http://localhost:%d/api/v1   (log: %s)
                  query-service    http://localhost:%d/api/v1   (log: %s)
                  Swagger UI       http://localhost:%d/swagger-ui.html and http://localhost:%d/swagger-ui.html
                  Keycloak         http://localhost:%d          (admin console: admin / admin)
                  Elasticsearch    %s
                  PostgreSQL       %s  (user inkwell, password inkwell)

                Get a token (users alice, bob, mod, ana, admin; password <user>-Passw0rd):
                  curl -s -d grant_type=password -d client_id=inkwell-cli -d username=alice \\
                       -d password=alice-Passw0rd %s

                Press Ctrl-C to stop.
                """.formatted(commandPort, command.log(), queryPort, query.log(), commandPort, queryPort, keycloakPort,
                elasticsearch.uri(),
                postgres.jdbcUrl("inkwell"), keycloak.issuer() + "/protocol/openid-connect/token"));

        // Either service dying ends the run, so that a broken stack never looks healthy.
        ServiceProcess ended = (ServiceProcess) CompletableFuture.anyOf(
                command.process().onExit().thenApply(p -> command),
                query.process().onExit().thenApply(p -> query)).get();
        say(ended.name() + " stopped (exit " + ended.process().exitValue() + "); see " + ended.log());
        System.exit(1);
    }

    private <T extends AutoCloseable> T remember(T resource) {
        running.push(resource);
        return resource;
    }

    private synchronized void stopAll() {
        while (!running.isEmpty()) {
            try {
                running.pop().close();
            } catch (Exception e) {
                System.err.println("while stopping: " + e);
            }
        }
    }

    private static String env(String name, String fallback) {
        String value = System.getenv(name);
        return value == null || value.isBlank() ? fallback : value;
    }

    private static void say(String line) {
        System.out.println(line);
    }
}
