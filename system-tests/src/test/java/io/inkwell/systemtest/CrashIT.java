package io.inkwell.systemtest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.inkwell.systemtest.EventStoreFold.PostState;
import io.inkwell.systemtest.WriteLoad.Ack;
import io.inkwell.systemtest.WriteLoad.Op;
import io.inkwell.testing.TestElasticsearch;
import io.inkwell.testing.TestIssuer;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.util.FileSystemUtils;

/**
 * Both services and PostgreSQL killed with SIGKILL under write load, one after the other, and Elasticsearch
 * away for a while; afterwards every acknowledged write is in the event store exactly once and every read
 * model equals a fold of the events. The figures it measures go to {@code target/crash/report.txt}.
 */
class CrashIT {

    private static final Path ROOT = Path.of(System.getProperty("inkwell.root", "..")).toAbsolutePath().normalize();
    private static final Path WORK = Path.of(System.getProperty("inkwell.crash.work", "target/crash")).toAbsolutePath();
    private static final Duration START = Duration.ofMinutes(3);
    private static final int WRITERS = 4;

    private static CrashablePostgres postgres;
    private static TestElasticsearch elasticsearch;
    private static ServiceJvm command;
    private static ServiceJvm query;
    private static WriteLoad load;
    private static final Report report = new Report(WORK.resolve("report.txt"));

    @BeforeAll
    static void startEverything() throws Exception {
        FileSystemUtils.deleteRecursively(WORK);
        Path logs = Files.createDirectories(WORK.resolve("logs"));
        postgres = CrashablePostgres.start(WORK.resolve("postgres"));
        CompletableFuture<TestElasticsearch> search = CompletableFuture.supplyAsync(TestElasticsearch::get);
        // The promise under test is "a 2xx means durably stored": a server that acknowledges commits before
        // they reach the disk would make this suite prove nothing, so it refuses to run on one.
        assertThat(postgres.setting("synchronous_commit"))
                .as("PostgresServer must run with synchronous_commit=on, or acknowledged writes die with it").isEqualTo("on");
        assertThat(postgres.setting("fsync")).as("PostgresServer must run with fsync=on").isEqualTo("on");

        Map<String, String> environment = Map.of(
                "INKWELL_DB_URL", postgres.jdbcUrl(),
                "INKWELL_DB_USER", CrashablePostgres.USER,
                "INKWELL_DB_PASSWORD", CrashablePostgres.PASSWORD,
                "INKWELL_ISSUER_URI", TestIssuer.get().issuer(),
                "INKWELL_JWK_SET_URI", TestIssuer.get().jwkSetUri(),
                "INKWELL_RATE_LIMIT_ENABLED", "false",
                "INKWELL_ELASTICSEARCH_URI", search.join().uri());
        elasticsearch = search.join();
        command = new ServiceJvm("command-service", ROOT.resolve("command-service/target/command-service.jar"),
                freePort(), environment, logs).start();
        // command-service creates the event store's tables; query-service reads them from its first moment.
        command.awaitReady(START);
        query = new ServiceJvm("query-service", ROOT.resolve("query-service/target/query-service.jar"),
                freePort(), environment, logs).start();
        query.awaitReady(START);
    }

    @AfterAll
    static void stopEverything() {
        if (load != null) {
            load.close();
        }
        for (AutoCloseable closeable : new AutoCloseable[] {query, command, postgres}) {
            try {
                if (closeable != null) {
                    closeable.close();
                }
            } catch (Exception e) {
                // the others must still be stopped
            }
        }
        report.write();
    }

    @Test
    void nothingAcknowledgedIsLostAndReadModelsEqualTheEventsAfterEveryCrash() throws Exception {
        List<WriteLoad.Writer> writers = new ArrayList<>();
        for (int i = 0; i < WRITERS; i++) {
            writers.add(Outages.writer(command, "writer" + i, token("crash-writer-" + i)));
        }
        load = new WriteLoad(command::uri, writers);
        load.start();
        awaitMoreAcks(20);

        Outages outages = new Outages(command, query, postgres, elasticsearch, load, report);
        outages.killCommandService();
        awaitMoreAcks(10);
        outages.killQueryService();
        awaitMoreAcks(10);
        outages.stopElasticsearch();
        awaitMoreAcks(10);
        outages.killPostgres(writers.getFirst());
        awaitMoreAcks(10);
        load.stop();

        List<Ack> acks = load.acks();
        report.line("answers to the writers by status: " + load.answers());
        assertThat(load.unexpected()).as("answers no client should get").isEmpty();

        EventStoreFold events;
        try (Connection c = postgres.connect()) {
            events = EventStoreFold.read(c);
        }
        List<Ack> lost = acks.stream().filter(ack -> !holds(events, ack)).toList();
        Map<String, String> postByKey = load.postByKey();
        int duplicates = events.createdPosts().size() - new HashSet<>(postByKey.values()).size();
        report.line("writes acknowledged: %d (%d creates by %d keys); lost: %d; duplicated creates: %d; events: %d posts"
                .formatted(acks.size(), acks.stream().filter(a -> a.op() == Op.CREATE).count(), postByKey.size(),
                        lost.size(), duplicates, events.posts().size()));
        assertThat(lost).as("acknowledged writes missing from the event store").isEmpty();
        assertThat(events.createdPosts()).as("one post per Idempotency-Key, and no other")
                .containsExactlyInAnyOrderElementsOf(new HashSet<>(postByKey.values()));

        Instant convergenceStart = Instant.now();
        await("read models equal the fold of the events").atMost(Duration.ofMinutes(2)).pollInterval(Duration.ofSeconds(1))
                .untilAsserted(() -> {
                    try (Connection c = postgres.connect()) {
                        assertThat(ReadSide.posts(c)).isEqualTo(events.posts());
                        assertThat(ReadSide.users(c)).isEqualTo(events.users());
                    }
                });
        Map<String, PostState> published = events.posts().entrySet().stream()
                .filter(e -> e.getValue().status().equals("PUBLISHED"))
                .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
        await("the search index equals the fold of the events").atMost(Duration.ofMinutes(2)).pollInterval(Duration.ofSeconds(1))
                .untilAsserted(() -> {
                    ReadSide.assertIndexHolds(elasticsearch.uri(), events.posts());
                    assertThat(ReadSide.searchable(query::uri)).as("what search finds")
                            .containsExactlyInAnyOrderElementsOf(published.keySet());
                });
        report.line("read models and index equal the events %d ms after the load stopped (%d posts, %d published)"
                .formatted(Duration.between(convergenceStart, Instant.now()).toMillis(), events.posts().size(), published.size()));
    }

    /** Whether the event store shows what the acknowledgement promised, at the version it named. */
    private static boolean holds(EventStoreFold events, Ack ack) {
        PostState state = events.post(ack.postId(), ack.version());
        return state != null && switch (ack.op()) {
            case CREATE -> state.title().equals(ack.text());
            case EDIT -> state.content().equals(ack.text());
            case PUBLISH -> state.status().equals("PUBLISHED");
            case UNPUBLISH -> state.status().equals("DRAFT");
            case DELETE -> state.status().equals("DELETED");
        };
    }

    private static void awaitMoreAcks(int more) {
        int target = load.acks().size() + more;
        await().atMost(Duration.ofMinutes(2)).until(() -> load.acks().size() >= target);
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
