package io.inkwell.localstack;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Function;
import java.util.stream.Collectors;
import sun.misc.Signal;

/**
 * Runs the whole of Inkwell on this machine without Docker: PostgreSQL, Keycloak, Elasticsearch and both
 * services, and keeps them running: a child that dies is restarted with back-off while the rest runs on.
 * Everything it keeps lives in one data folder ({@code .inkwell/} unless {@code INKWELL_DATA_DIR} says
 * otherwise); delete it to start afresh. Ctrl-C stops everything in order: services first, then
 * Elasticsearch and Keycloak, PostgreSQL last.
 */
public final class LocalStack {

    private static final int POSTGRES = 0;
    private static final int SERVERS = 1;
    private static final int SERVICES = 2;

    private final RunFolder runFolder;
    private final Supervisor supervisor;
    private final CountDownLatch stopped = new CountDownLatch(1);
    private final AtomicBoolean stopping = new AtomicBoolean();

    private LocalStack(RunFolder runFolder) {
        this.runFolder = runFolder;
        this.supervisor = new Supervisor(Backoff::standard, LocalStack::say, runFolder::record);
    }

    public static void main(String[] args) throws Exception {
        System.setProperty("logback.configurationFile", "local-stack-logback.xml");
        Path root = Path.of(args.length > 0 ? args[0] : ".").toAbsolutePath().normalize();
        Settings settings;
        try {
            settings = Settings.from(root, System::getenv);
        } catch (RuntimeException e) {
            System.err.println("Inkwell did not start: " + e.getMessage()); // a port that is no number
            System.exit(1);
            return;
        }
        RunFolder runFolder;
        try {
            runFolder = RunFolder.claim(settings.data());
        } catch (RunFolder.AlreadyRunning e) {
            System.err.println(e.getMessage());
            System.exit(1);
            return;
        }
        LocalStack stack = new LocalStack(runFolder);
        // The JVM's own handling of these signals would run every shutdown hook at once, among them the
        // ones with which the PostgreSQL, Keycloak and Elasticsearch wrappers stop their servers, and
        // PostgreSQL would go before the services. Handled here, the stop goes in order.
        Signal.handle(new Signal("INT"), signal -> stack.stopAndExit(0));
        Signal.handle(new Signal("TERM"), signal -> stack.stopAndExit(0));
        Signal.handle(new Signal("HUP"), signal -> stack.stopAndExit(0));
        try {
            stack.run(root, settings);
        } catch (RuntimeException | IOException e) {
            System.err.println("Inkwell did not start: " + e.getMessage());
            stack.stopAndExit(1);
        }
        stack.stopped.await();
    }

    private void run(Path root, Settings settings) throws IOException {
        Path data = settings.data();
        Path logs = Files.createDirectories(data.resolve("logs"));
        int postgresPort = settings.postgresPort();
        int keycloakPort = settings.keycloakPort();
        int elasticsearchPort = settings.elasticsearchPort();
        int commandPort = settings.commandPort();
        int queryPort = settings.queryPort();

        List<RunFolder.Recorded> leftovers = runFolder.leftovers();
        if (!leftovers.isEmpty()) {
            // The first record of a name is its top process; the others are what it started.
            say("Stopping what the last launcher left running: " + leftovers.stream()
                    .collect(Collectors.toMap(RunFolder.Recorded::name, r -> r.name() + " (pid " + r.pid() + ")",
                            (first, more) -> first, LinkedHashMap::new))
                    .values().stream().collect(Collectors.joining(", ")));
            RunFolder.stop(leftovers, Duration.ofSeconds(30));
        }

        say("Starting PostgreSQL on port " + postgresPort + " (data in " + data.resolve("postgres") + ")");
        Children.Postgres postgres = new Children.Postgres(data.resolve("postgres"), postgresPort);
        supervisor.start(POSTGRES, postgres);

        say("Starting Keycloak on port " + keycloakPort + " (first start unpacks it and takes about a minute)");
        Path keycloakHome = data.resolve("keycloak-" + KeycloakServer.version());
        var keycloak = new Children.Server<>("Keycloak", () -> KeycloakServer.start(keycloakHome, keycloakPort, true),
                KeycloakServer::process, keycloakHome.resolve("keycloak.log").toString());
        supervisor.start(SERVERS, keycloak);

        say("Starting Elasticsearch on port " + elasticsearchPort);
        Path elasticsearchWork = ElasticsearchServer.workDirectoryFor(data.resolve("elasticsearch"));
        var elasticsearch = new Children.Server<>("Elasticsearch",
                () -> ElasticsearchServer.start(elasticsearchWork, elasticsearchPort), ElasticsearchServer::process,
                elasticsearchWork.resolve("elasticsearch.out").toString());
        supervisor.start(SERVERS, elasticsearch);

        Map<String, String> environment = serviceEnvironment(elasticsearch.server().uri(), postgres.jdbcUrl(),
                keycloak.server().issuer(), keycloak.server().jwkSetUri());
        say("Starting command-service on port " + commandPort + " and query-service on port " + queryPort);
        var command = new Children.Service("command-service",
                root.resolve("command-service/target/command-service.jar"), commandPort, environment, logs);
        var query = new Children.Service("query-service",
                root.resolve("query-service/target/query-service.jar"), queryPort, environment, logs);
        CompletableFuture<Void> queryStart = CompletableFuture.runAsync(() -> supervisor.start(SERVICES, query));
        supervisor.start(SERVICES, command);
        try {
            queryStart.join();
        } catch (CompletionException e) {
            throw e.getCause() instanceof RuntimeException cause ? cause : e;
        }

        say("""

                Inkwell is running.
                  command-service  http://localhost:%d/api/v1   (log: %s)
                  query-service    http://localhost:%d/api/v1   (log: %s)
                  Swagger UI       http://localhost:%d/swagger-ui.html and http://localhost:%d/swagger-ui.html
                  Keycloak         http://localhost:%d          (admin console: admin / admin)
                  Elasticsearch    %s
                  PostgreSQL       %s  (user inkwell, password inkwell; its log in %s)

                Get a token (users alice, bob, mod, ana, admin; password <user>-Passw0rd):
                  curl -s -d grant_type=password -d client_id=inkwell-cli -d username=alice \\
                       -d password=alice-Passw0rd %s

                A part that dies is restarted. Press Ctrl-C to stop.
                """.formatted(commandPort, command.log(), queryPort, query.log(), commandPort, queryPort, keycloakPort,
                elasticsearch.server().uri(), postgres.jdbcUrl(), postgres.log(),
                keycloak.server().issuer() + "/protocol/openid-connect/token"));
    }

    private void stopAndExit(int status) {
        if (!stopping.compareAndSet(false, true)) {
            return; // the first caller stops and exits
        }
        say("Stopping: services first, then Elasticsearch and Keycloak, PostgreSQL last ...");
        supervisor.stopAll();
        runFolder.close();
        say("Stopped.");
        stopped.countDown();
        System.exit(status);
    }

    /** What both services are started with: where PostgreSQL, Elasticsearch and Keycloak of this stack are. */
    static Map<String, String> serviceEnvironment(String elasticsearchUri, String jdbcUrl, String issuer, String jwkSetUri) {
        return Map.of(
                "INKWELL_ELASTICSEARCH_URI", elasticsearchUri,
                "INKWELL_DB_URL", jdbcUrl,
                "INKWELL_DB_USER", "inkwell",
                "INKWELL_DB_PASSWORD", "inkwell",
                "INKWELL_ISSUER_URI", issuer,
                "INKWELL_JWK_SET_URI", jwkSetUri,
                // Developer conveniences such as GraphiQL, which stay off everywhere else.
                "SPRING_PROFILES_ACTIVE", "local");
    }

    /**
     * The data folder and the ports (README, "Run it"): {@code .inkwell/} under the repository and the usual
     * ports, unless an {@code INKWELL_*} variable says otherwise; a blank one counts as unset.
     */
    record Settings(Path data, int postgresPort, int keycloakPort, int elasticsearchPort, int commandPort, int queryPort) {

        static Settings from(Path root, Function<String, String> environment) {
            return new Settings(
                    Path.of(env(environment, "INKWELL_DATA_DIR", root.resolve(".inkwell").toString())).toAbsolutePath(),
                    Integer.parseInt(env(environment, "INKWELL_POSTGRES_PORT", "55432")),
                    Integer.parseInt(env(environment, "INKWELL_KEYCLOAK_PORT", "8180")),
                    Integer.parseInt(env(environment, "INKWELL_ELASTICSEARCH_PORT", "9200")),
                    Integer.parseInt(env(environment, "INKWELL_COMMAND_PORT", "8081")),
                    Integer.parseInt(env(environment, "INKWELL_QUERY_PORT", "8082")));
        }

        private static String env(Function<String, String> environment, String name, String fallback) {
            String value = environment.apply(name);
            return value == null || value.isBlank() ? fallback : value;
        }
    }

    private static void say(String line) {
        System.out.println(line);
    }
}
