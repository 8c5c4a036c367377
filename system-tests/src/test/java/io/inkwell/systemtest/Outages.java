package io.inkwell.systemtest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.inkwell.systemtest.WriteLoad.Ack;
import io.inkwell.testing.TestElasticsearch;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.Map;

/** Each failure the crash suite causes, what a client sees meanwhile, and how long recovery takes. */
final class Outages {

    private static final Duration START = Duration.ofMinutes(3);
    private static final Duration RECOVER = Duration.ofMinutes(2);

    private final ServiceJvm command;
    private final ServiceJvm query;
    private final CrashablePostgres postgres;
    private final TestElasticsearch elasticsearch;
    private final WriteLoad load;
    private final Report report;

    Outages(ServiceJvm command, ServiceJvm query, CrashablePostgres postgres, TestElasticsearch elasticsearch,
            WriteLoad load, Report report) {
        this.command = command;
        this.query = query;
        this.postgres = postgres;
        this.elasticsearch = elasticsearch;
        this.load = load;
        this.report = report;
    }

    /** A user with a token and a registered profile. */
    static WriteLoad.Writer writer(ServiceJvm command, String name, String token) throws Exception {
        Http.Answer answer = Http.post(command.uri("/api/v1/users"), token,
                Map.of("name", "Crash " + name, "email", name + "@crash.inkwell.test"));
        assertThat(answer.status()).as("registering " + name + ": " + answer.body()).isEqualTo(201);
        return new WriteLoad.Writer(name, answer.body().path("id").asString(), token);
    }

    void killCommandService() throws Exception {
        Instant killed = Instant.now();
        command.kill();
        command.start().awaitReady(START);
        Instant ready = Instant.now();
        Ack first = firstAckAfter(killed);
        report.line("command-service SIGKILL: ready again after %d ms; first acknowledged write %d ms after the kill"
                .formatted(millis(killed, ready), millis(killed, first.at())));
    }

    void killQueryService() throws Exception {
        Instant killed = Instant.now();
        query.kill();
        query.start().awaitReady(START);
        Instant ready = Instant.now();
        Ack written = firstAckAfter(ready);
        awaitInReadModel(written);
        report.line("query-service SIGKILL: ready again after %d ms; read model caught up %d ms after the kill"
                .formatted(millis(killed, ready), millis(killed, Instant.now())));
    }

    void stopElasticsearch() throws Exception {
        if (!elasticsearch.canRestart()) {
            report.line("Elasticsearch outage skipped: a container's port changes when it restarts");
            return;
        }
        elasticsearch.stop();
        Instant stopped = Instant.now();
        Http.Answer search = Http.get(query.uri("/api/v1/search/posts?q=" + WriteLoad.WORD), null);
        assertProblem(search, "search-unavailable");
        // Everything else keeps working: writes are acknowledged, and the posts read model keeps up.
        awaitInReadModel(firstAckAfter(stopped));
        assertThat(Http.get(query.uri("/api/v1/posts?limit=1"), null).status()).isEqualTo(200);
        report.line("Elasticsearch stopped: search answered 503 search-unavailable in %d ms; writes and reads went on"
                .formatted(search.took().toMillis()));
        firstAckAfter(Instant.now());
        elasticsearch.start();
        Instant started = Instant.now();
        await().atMost(RECOVER).until(() -> Http.get(query.uri("/api/v1/search/posts?q=" + WriteLoad.WORD), null).status() == 200);
        report.line("Elasticsearch down for %d ms; search answered again %d ms after it was back"
                .formatted(millis(stopped, started), millis(started, Instant.now())));
    }

    void killPostgres(WriteLoad.Writer writer) throws Exception {
        postgres.kill();
        Instant killed = Instant.now();
        Map<String, Object> post = Map.of("title", "never written", "content", "PostgreSQL is down");
        Http.Answer write = Http.post(command.uri("/api/v1/posts"), writer.token(), post);
        Http.Answer keyedWrite = Http.post(command.uri("/api/v1/posts"), writer.token(), post, "Idempotency-Key", "probe");
        Http.Answer read = Http.get(query.uri("/api/v1/posts?limit=1"), null);
        assertProblem(write, "service-unavailable");
        assertProblem(keyedWrite, "service-unavailable");
        assertProblem(read, "service-unavailable");
        for (ServiceJvm service : new ServiceJvm[] {command, query}) {
            Http.Answer readiness = Http.get(service.uri("/actuator/health/readiness"), null);
            Http.Answer liveness = Http.get(service.uri("/actuator/health/liveness"), null);
            assertThat(readiness.status()).as("readiness without PostgreSQL").isEqualTo(503);
            assertThat(readiness.body().path("status").asString()).isEqualTo("DOWN");
            assertThat(liveness.status()).as("liveness without PostgreSQL").isEqualTo(200);
            report.line("PostgreSQL down: %s readiness DOWN in %d ms, liveness UP in %d ms".formatted(
                    service.name(), readiness.took().toMillis(), liveness.took().toMillis()));
        }
        report.line("PostgreSQL down: create answered 503 in %d ms (with Idempotency-Key %d ms), list of posts 503 in %d ms, Retry-After %s s"
                .formatted(write.took().toMillis(), keyedWrite.took().toMillis(), read.took().toMillis(),
                        write.retryAfter().orElseThrow()));

        postgres.start();
        Instant up = Instant.now();
        Ack first = firstAckAfter(up);
        awaitInReadModel(first);
        Instant readModel = Instant.now();
        command.awaitReady(RECOVER);
        query.awaitReady(RECOVER);
        report.line("PostgreSQL SIGKILL: down for %d ms; after its restart, first acknowledged write in %d ms, read model caught up in %d ms, both ready in %d ms, no service restarted"
                .formatted(millis(killed, up), millis(up, first.at()), millis(up, readModel), millis(up, Instant.now())));
    }

    private static void assertProblem(Http.Answer answer, String code) {
        assertThat(answer.status()).as(answer.body().toString()).isEqualTo(503);
        assertThat(answer.contentType()).startsWith("application/problem+json");
        assertThat(answer.problemType()).isEqualTo("https://inkwell.example/problems/" + code);
        assertThat(answer.retryAfter()).as("Retry-After").hasValueSatisfying(s -> assertThat(s).matches("\\d+"));
    }

    /** Waits for the first write acknowledged after {@code moment}. */
    private Ack firstAckAfter(Instant moment) {
        return await().atMost(RECOVER).until(() -> load.acks().stream().filter(a -> a.at().isAfter(moment))
                .min(Comparator.comparing(Ack::at)), java.util.Optional::isPresent).orElseThrow();
    }

    /** Waits until the posts read model shows {@code ack}'s post at its version or later. */
    private void awaitInReadModel(Ack ack) {
        await().atMost(RECOVER).pollInterval(Duration.ofMillis(200)).ignoreExceptions().until(() -> {
            try (Connection c = postgres.connect();
                 PreparedStatement s = c.prepareStatement("SELECT version FROM query.posts WHERE id = ?")) {
                s.setString(1, ack.postId());
                ResultSet rs = s.executeQuery();
                return rs.next() && rs.getLong(1) >= ack.version();
            }
        });
    }

    private static long millis(Instant from, Instant to) {
        return Duration.between(from, to).toMillis();
    }
}
