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
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.springframework.util.FileSystemUtils;

/**
 * Two of each service, as real processes on one PostgreSQL: the query-services share the processors' segments
 * and one takes over all of them within 10 s of the other's SIGKILL, with the read models equal to the events;
 * the command-services take racing writes to one post and lose none; rebuilds started on one instance switch
 * under the other's live processors without a failed read or a lost event. They run in that order, the SIGKILL
 * last. Figures go to {@code target/scale/report.txt}.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
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
    // Writers and readers a test started, stopped after it whatever its outcome, so that none runs into the next.
    private static final List<AutoCloseable> load = new CopyOnWriteArrayList<>();

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

    @AfterEach
    void stopLoad() throws Exception {
        for (AutoCloseable each : load) {
            each.close();
        }
        load.clear();
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
    @Order(3)
    void twoQueryServicesShareTheSegmentsAndTheSurvivorOfASigkillTakesThemAllWithinTenSeconds() throws Exception {
        awaitBothHoldSegments();

        // A segment is split by the instance that holds it; the other one says who does.
        String admin = adminToken();
        int held = segmentOf("users", queryB.pid());
        Http.Answer elsewhere = Http.post(queryA.uri("/api/v1/admin/projections/users/segments/" + held + "/split"), admin, null);
        assertThat(elsewhere.status()).as(elsewhere.body().toString()).isEqualTo(409);
        assertThat(elsewhere.problemType()).endsWith("/segment-unavailable");
        Http.Answer split = Http.post(queryB.uri("/api/v1/admin/projections/users/segments/" + held + "/split"), admin, null);
        assertThat(split.status()).as(split.body().toString()).isEqualTo(200);
        assertThat(split.body().path("segments").size()).isEqualTo(3);

        String token = token("scale-writer");
        PostWriter writer = new PostWriter(token, register(commandA, token, "scale-writer"));
        await().atMost(Duration.ofMinutes(1)).until(() -> writer.written() >= 20);

        queryA.kill();
        Instant killed = Instant.now();
        int writtenAtKill = writer.written();
        await("query-service-b holds every segment").atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(100))
                .untilAsserted(() -> assertThat(owners()).allSatisfy((processor, pids) ->
                        assertThat(pids).as(processor).containsExactly(queryB.pid())));
        long takeover = Duration.between(killed, Instant.now()).toMillis();
        await().atMost(Duration.ofMinutes(1)).until(() -> writer.written() >= writtenAtKill + 20);
        writer.close();
        assertThat(writer.answers).as("answers to the writer").containsOnly(200, 201);

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
                .formatted(segmentCount(), takeover, writer.written(), writer.written() - writtenAtKill));
    }

    @Test
    @Order(2)
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

    @Test
    @Order(1)
    void rebuildsOnOneInstanceSwitchUnderTheOtherInstancesLiveProcessorsWithoutLosingAnEventOrAnAnswer() throws Exception {
        awaitBothHoldSegments();
        String admin = adminToken();
        String token = token("scale-rebuilder");
        PostWriter writer = new PostWriter(token, register(commandA, token, "scale-rebuilder"));
        await().atMost(Duration.ofMinutes(1)).until(() -> writer.written() >= 10);
        List<String> known = List.copyOf(writer.ids.subList(0, 10));
        await("the first posts are readable on both instances").atMost(Duration.ofMinutes(1)).until(() ->
                readable(queryA, known, token) && readable(queryB, known, token));

        // Readers on both instances, from before the rebuilds to after the switches.
        AtomicBoolean reading = new AtomicBoolean(true);
        List<String> failures = new CopyOnWriteArrayList<>();
        AtomicInteger reads = new AtomicInteger();
        Thread reader = Thread.ofVirtual().start(() -> {
            for (int i = 0; reading.get(); i++) {
                ServiceJvm query = i % 2 == 0 ? queryA : queryB;
                String id = known.get(i % known.size());
                try {
                    Http.Answer post = Http.get(query.uri("/api/v1/posts/" + id), token);
                    Http.Answer found = Http.get(query.uri("/api/v1/search/posts?q=Rebuilt&limit=1"), token);
                    if (post.status() != 200 || found.status() != 200
                            || found.body().path("meta").path("total").asLong() < known.size()) {
                        failures.add(query.name() + ": post " + post.status() + ", search " + found.status() + " " + found.body());
                    }
                    reads.incrementAndGet();
                } catch (Exception e) {
                    failures.add(query.name() + ": " + e);
                }
            }
        });
        load.add(() -> {
            reading.set(false);
            reader.join();
        });

        Map<String, Integer> before = Map.of("posts", generation("posts", admin), "post-search", generation("post-search", admin));
        // Each rebuild runs on the instance that accepted it; the other instance's live processor runs until the switch.
        Http.Answer posts = Http.post(queryB.uri("/api/v1/admin/projections/posts/rebuild"), admin, null);
        Http.Answer search = Http.post(queryA.uri("/api/v1/admin/projections/post-search/rebuild"), admin, null);
        assertThat(posts.status()).as(posts.body().toString()).isEqualTo(202);
        assertThat(search.status()).as(search.body().toString()).isEqualTo(202);
        await("both rebuilds switched").atMost(Duration.ofMinutes(2)).pollInterval(Duration.ofMillis(500)).until(() ->
                generation("posts", admin) > before.get("posts") && generation("post-search", admin) > before.get("post-search"));
        int writtenAtSwitch = writer.written();
        await().atMost(Duration.ofMinutes(1)).until(() -> writer.written() >= writtenAtSwitch + 10);
        writer.close();
        reading.set(false);
        reader.join();

        assertThat(writer.answers).as("answers to the writer").containsOnly(200, 201);
        assertThat(reads.get()).as("reads while the rebuilds ran").isPositive();
        assertThat(failures).as("reads that failed or missed a post, of " + reads.get()).isEmpty();
        EventStoreFold events;
        try (Connection c = postgres.connect()) {
            events = EventStoreFold.read(c);
        }
        await("read models and index equal the fold of the events").atMost(Duration.ofMinutes(1))
                .pollInterval(Duration.ofMillis(500)).untilAsserted(() -> {
                    try (Connection c = postgres.connect()) {
                        assertThat(ReadSide.posts(c)).isEqualTo(events.posts());
                    }
                    ReadSide.assertIndexHolds(TestElasticsearch.get().uri(), events.posts());
                });
        report.line("rebuilds of posts (on query-service-b) and post-search (on query-service-a) while both served: %d reads, 0 failed; %d posts written, %d after the switches"
                .formatted(reads.get(), writer.written(), writer.written() - writtenAtSwitch));
    }

    /** Writes posts through both command-services, each created, published and edited, until closed. */
    private static final class PostWriter implements AutoCloseable {

        final List<Integer> answers = new CopyOnWriteArrayList<>();
        final List<String> ids = new CopyOnWriteArrayList<>();
        private final AtomicBoolean writing = new AtomicBoolean(true);
        private final Thread thread;

        PostWriter(String token, String author) {
            load.add(this);
            thread = Thread.ofVirtual().start(() -> {
                for (int i = 0; writing.get(); i++) {
                    ServiceJvm command = i % 2 == 0 ? commandA : commandB;
                    try {
                        Http.Answer created = Http.post(command.uri("/api/v1/posts"), token, Map.of("title", "Rebuilt " + i,
                                "content", "by " + author, "tags", List.of("scale", "n" + i % 5)));
                        answers.add(created.status());
                        String id = created.body().path("id").asString();
                        answers.add(Http.post(command.uri("/api/v1/posts/" + id + "/publish"), token, null).status());
                        answers.add(Http.put(command.uri("/api/v1/posts/" + id), token, Map.of("content", "edited " + i)).status());
                        ids.add(id);
                    } catch (Exception e) {
                        answers.add(-1);
                    }
                }
            });
        }

        int written() {
            return ids.size();
        }

        @Override
        public void close() throws InterruptedException {
            writing.set(false);
            thread.join();
        }
    }

    private static void awaitBothHoldSegments() {
        await("both query-services hold segments of every processor").atMost(Duration.ofMinutes(1))
                .pollInterval(Duration.ofMillis(200))
                .untilAsserted(() -> assertThat(owners()).as("owners' pids by processor")
                        .containsOnlyKeys(PROCESSORS)
                        .allSatisfy((processor, pids) -> assertThat(pids).as(processor)
                                .containsExactlyInAnyOrder(queryA.pid(), queryB.pid())));
    }

    private static boolean readable(ServiceJvm query, List<String> ids, String token) throws Exception {
        for (String id : ids) {
            if (Http.get(query.uri("/api/v1/posts/" + id), token).status() != 200) {
                return false;
            }
        }
        Http.Answer found = Http.get(query.uri("/api/v1/search/posts?q=Rebuilt&limit=1"), token);
        return found.status() == 200 && found.body().path("meta").path("total").asLong() >= ids.size();
    }

    private static int generation(String projection, String admin) throws Exception {
        Http.Answer answer = Http.get(queryA.uri("/api/v1/admin/projections/" + projection), admin);
        assertThat(answer.status()).as(answer.body().toString()).isEqualTo(200);
        return answer.body().hasNonNull("rebuild") ? -1 : answer.body().path("generation").path("number").asInt();
    }

    private static String adminToken() {
        return TestIssuer.get().token(claims -> claims.subject("scale-admin")
                .expirationTime(Date.from(Instant.now().plus(Duration.ofHours(1)))), "admin");
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
