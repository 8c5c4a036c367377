package io.inkwell.systemtest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.inkwell.testing.TestElasticsearch;
import io.inkwell.testing.TestIssuer;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.util.FileSystemUtils;

/**
 * Two of each service, as real processes on one PostgreSQL: the query-services share the processors' segments
 * and one takes over all of them within 10 s of the other's SIGKILL, with the read models equal to the events;
 * the command-services take racing writes to one post and lose none. Figures go to {@code target/scale/report.txt}.
 */
class ScaleIT {

    private static final Path ROOT = Path.of(System.getProperty("inkwell.root", "..")).toAbsolutePath().normalize();
    private static final Path WORK = Path.of(System.getProperty("inkwell.crash.work", "target/crash")).toAbsolutePath()
            .resolveSibling("scale");
    private static final Duration START = Duration.ofMinutes(3);
    private static final List<String> PROCESSORS = List.of("users", "posts", "post-search");

    private static CrashablePostgres postgres;
    private static final List<ServiceJvm> services = new ArrayList<>();
    private static ServiceJvm commandA;
    private static ServiceJvm commandB;
    private static ServiceJvm queryA;
    private static ServiceJvm queryB;
    private static final Report report = new Report(WORK.resolve("report.txt"));

    @BeforeAll
    static void startTwoOfEach() throws Exception {
        FileSystemUtils.deleteRecursively(WORK);
        Path logs = Files.createDirectories(WORK.resolve("logs"));
        // Elasticsearch (and the issuer) are the JVM's, shared with CrashIT; the search index is emptied before
        // and after, so that neither suite sees the other's documents.
        SearchIndices.deleteAll(TestElasticsearch.get().uri());
        postgres = CrashablePostgres.start(WORK.resolve("postgres"));
        Map<String, String> environment = Map.of(
                "INKWELL_DB_URL", postgres.jdbcUrl(),
                "INKWELL_DB_USER", CrashablePostgres.USER,
                "INKWELL_DB_PASSWORD", CrashablePostgres.PASSWORD,
                "INKWELL_ISSUER_URI", TestIssuer.get().issuer(),
                "INKWELL_JWK_SET_URI", TestIssuer.get().jwkSetUri(),
                "INKWELL_RATE_LIMIT_ENABLED", "false",
                "INKWELL_ELASTICSEARCH_URI", TestElasticsearch.get().uri());
        commandA = service("command-service", "command-service-a", environment, logs);
        // The first command-service creates the event store's tables, which the others use from their first moment.
        commandA.start().awaitReady(START);
        commandB = service("command-service", "command-service-b", environment, logs);
        queryA = service("query-service", "query-service-a", environment, logs);
        queryB = service("query-service", "query-service-b", environment, logs);
        for (ServiceJvm service : List.of(commandB, queryA, queryB)) {
            service.start();
        }
        for (ServiceJvm service : List.of(commandB, queryA, queryB)) {
            service.awaitReady(START);
        }
    }

    @AfterAll
    static void stopEverything() throws Exception {
        services.forEach(ServiceJvm::close);
        if (postgres != null) {
            postgres.close();
        }
        SearchIndices.deleteAll(TestElasticsearch.get().uri());
        report.write();
    }

    @Test
    void twoQueryServicesShareTheSegmentsAndTheSurvivorOfASigkillTakesThemAllWithinTenSeconds() throws Exception {
        await("both query-services hold segments of every processor").atMost(Duration.ofMinutes(1))
                .pollInterval(Duration.ofMillis(200))
                .untilAsserted(() -> assertThat(owners()).as("owners' pids by processor")
                        .containsOnlyKeys(PROCESSORS)
                        .allSatisfy((processor, pids) -> assertThat(pids).as(processor)
                                .containsExactlyInAnyOrder(queryA.pid(), queryB.pid())));

        // A segment is split by the instance that holds it; the other one says who does.
        String admin = TestIssuer.get().token(claims -> claims.subject("scale-admin")
                .expirationTime(Date.from(Instant.now().plus(Duration.ofHours(1)))), "admin");
        int held = segmentOf("users", queryB.pid());
        Http.Answer elsewhere = Http.post(queryA.uri("/api/v1/admin/projections/users/segments/" + held + "/split"), admin, null);
        assertThat(elsewhere.status()).as(elsewhere.body().toString()).isEqualTo(409);
        assertThat(elsewhere.problemType()).endsWith("/segment-unavailable");
        Http.Answer split = Http.post(queryB.uri("/api/v1/admin/projections/users/segments/" + held + "/split"), admin, null);
        assertThat(split.status()).as(split.body().toString()).isEqualTo(200);
        assertThat(split.body().path("segments").size()).isEqualTo(3);

        String token = token("scale-writer");
        String author = register(commandA, token, "scale-writer");
        AtomicBoolean writing = new AtomicBoolean(true);
        List<Integer> answers = new CopyOnWriteArrayList<>();
        AtomicInteger written = new AtomicInteger();
        Thread writer = Thread.ofVirtual().start(() -> {
            for (int i = 0; writing.get(); i++) {
                ServiceJvm command = i % 2 == 0 ? commandA : commandB;
                try {
                    Http.Answer created = Http.post(command.uri("/api/v1/posts"), token,
                            Map.of("title", "Scaled " + i, "content", "by " + author, "tags", List.of("scale", "n" + i % 5)));
                    answers.add(created.status());
                    String id = created.body().path("id").asString();
                    answers.add(Http.post(command.uri("/api/v1/posts/" + id + "/publish"), token, null).status());
                    answers.add(Http.put(command.uri("/api/v1/posts/" + id), token, Map.of("content", "edited " + i)).status());
                    written.incrementAndGet();
                } catch (Exception e) {
                    answers.add(-1);
                }
            }
        });
        await().atMost(Duration.ofMinutes(1)).until(() -> written.get() >= 20);

        queryA.kill();
        Instant killed = Instant.now();
        int writtenAtKill = written.get();
        await("query-service-b holds every segment").atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(100))
                .untilAsserted(() -> assertThat(owners()).allSatisfy((processor, pids) ->
                        assertThat(pids).as(processor).containsExactly(queryB.pid())));
        long takeover = Duration.between(killed, Instant.now()).toMillis();
        await().atMost(Duration.ofMinutes(1)).until(() -> written.get() >= writtenAtKill + 20);
        writing.set(false);
        writer.join();
        assertThat(answers).as("answers to the writer").containsOnly(200, 201);

        EventStoreFold events;
        try (Connection c = postgres.connect()) {
            events = EventStoreFold.read(c);
        }
        await("read models equal the fold of the events").atMost(Duration.ofMinutes(1)).pollInterval(Duration.ofMillis(500))
                .untilAsserted(() -> {
                    try (Connection c = postgres.connect()) {
                        assertThat(ReadSide.posts(c)).isEqualTo(events.posts());
                        assertThat(ReadSide.users(c)).isEqualTo(events.users());
                    }
                });
        report.line("query-service-a SIGKILL: query-service-b held all %d segments %d ms later; %d posts written, %d after the kill"
                .formatted(segmentCount(), takeover, written.get(), written.get() - writtenAtKill));
    }

    @Test
    void twoCommandServicesLoseNoUpdateUnderRacingWrites() throws Exception {
        String token = token("scale-racer");
        register(commandA, token, "scale-racer");
        Http.Answer created = Http.post(commandA.uri("/api/v1/posts"), token, Map.of("title", "Raced", "content", "v1"));
        assertThat(created.status()).isEqualTo(201);
        String id = created.body().path("id").asString();

        int threads = 8;
        int writesEach = 15;
        Map<Integer, AtomicInteger> byStatus = new ConcurrentHashMap<>();
        List<Thread> racers = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
            int racer = t;
            ServiceJvm command = racer % 2 == 0 ? commandA : commandB;
            // Half name the version they last saw (If-Match), half write blindly.
            boolean conditional = racer % 4 < 2;
            racers.add(Thread.ofVirtual().start(() -> {
                String seen = "\"1\"";
                for (int i = 0; i < writesEach; i++) {
                    int status;
                    try {
                        Map<String, String> body = Map.of("content", "racer " + racer + " write " + i);
                        Http.Answer answer = conditional
                                ? Http.put(command.uri("/api/v1/posts/" + id), token, body, "If-Match", seen)
                                : Http.put(command.uri("/api/v1/posts/" + id), token, body);
                        status = answer.status();
                        if (status == 200) {
                            seen = answer.etag();
                        } else if (status == 412) {
                            seen = Http.get(command.uri("/api/v1/posts/" + id), token).etag();
                        }
                    } catch (Exception e) {
                        status = -1;
                    }
                    byStatus.computeIfAbsent(status, s -> new AtomicInteger()).incrementAndGet();
                }
            }));
        }
        for (Thread racer : racers) {
            racer.join();
        }
        Map<Integer, Integer> counts = new HashMap<>();
        byStatus.forEach((status, n) -> counts.put(status, n.get()));
        report.line("racing writes to one post over two command-services, answers by status: " + counts);
        assertThat(counts.keySet()).as("answers to racing writes").isSubsetOf(Set.of(200, 409, 412));
        assertThat(counts.getOrDefault(409, 0) + counts.getOrDefault(412, 0)).as("writes that lost a race").isPositive();
        int succeeded = counts.getOrDefault(200, 0);
        try (Connection c = postgres.connect(); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT count(*), max(sequence_number) FROM domain_event_entry WHERE aggregate_identifier = '"
                     + id + "'")) {
            rs.next();
            assertThat(rs.getLong(1)).as("events of the post: its creation and every write answered 200").isEqualTo(succeeded + 1);
            assertThat(rs.getLong(2)).as("sequence without gaps").isEqualTo(succeeded);
        }
    }

    /** The pids of the instances holding each processor's segments, from Axon's claims ({@code pid@host}). */
    private static Map<String, Set<Long>> owners() throws Exception {
        Map<String, Set<Long>> owners = new HashMap<>();
        try (Connection c = postgres.connect(); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT processor_name, owner FROM query.token_entry")) {
            while (rs.next()) {
                Set<Long> pids = owners.computeIfAbsent(rs.getString(1), p -> new HashSet<>());
                String owner = rs.getString(2);
                pids.add(owner == null ? 0L : Long.parseLong(owner.substring(0, owner.indexOf('@'))));
            }
        }
        return owners;
    }

    private static int segmentOf(String processor, long pid) throws Exception {
        try (Connection c = postgres.connect(); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT segment FROM query.token_entry WHERE processor_name = '" + processor
                     + "' AND owner LIKE '" + pid + "@%' LIMIT 1")) {
            assertThat(rs.next()).as(processor + " segment held by " + pid).isTrue();
            return rs.getInt(1);
        }
    }

    private static int segmentCount() throws Exception {
        try (Connection c = postgres.connect(); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT count(*) FROM query.token_entry")) {
            rs.next();
            return rs.getInt(1);
        }
    }

    private static String register(ServiceJvm command, String token, String name) throws Exception {
        Http.Answer answer = Http.post(command.uri("/api/v1/users"), token,
                Map.of("name", "Scale " + name, "email", name + "@scale.inkwell.test"));
        assertThat(answer.status()).as("registering " + name + ": " + answer.body()).isEqualTo(201);
        return answer.body().path("id").asString();
    }

    private static ServiceJvm service(String module, String name, Map<String, String> environment, Path logs)
            throws Exception {
        ServiceJvm service = new ServiceJvm(name, ROOT.resolve(module + "/target/" + module + ".jar"), freePort(),
                environment, logs);
        services.add(service);
        return service;
    }

    private static String token(String subject) {
        return TestIssuer.get().token(claims -> claims.subject(subject)
                .expirationTime(Date.from(Instant.now().plus(Duration.ofHours(1)))), "user");
    }

    private static int freePort() throws java.io.IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
