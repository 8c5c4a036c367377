package io.inkwell.query.projection;

import static io.inkwell.testing.Callers.newIdentity;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import io.inkwell.query.History;
import io.inkwell.query.QueryServiceContext;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A poison event, written straight into the event store, is parked with the later events of its own post
 * while every other post flows on; once its cause is gone, a retry applies them all, in order.
 * The poison is a trigger that refuses one post's row with a data error, as PostgreSQL refuses bad text.
 */
@QueryServiceContext
@ExtendWith(OutputCaptureExtension.class)
class DeadLetterIT {

    @Autowired
    History history;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    MockMvc mvc;

    @Autowired
    MeterRegistry meters;

    private final String poison = "poison-" + UUID.randomUUID();

    @AfterEach
    void removeTheCause() {
        jdbc.sql("DROP TRIGGER IF EXISTS refuse_dead_letter_poison ON query.posts").update();
    }

    @Test
    void aPoisonEventIsParkedWithItsLaterEventsWhileOtherPostsFlowAndARetryAppliesThemInOrder() throws Exception {
        refuse(poison);
        String author = UUID.randomUUID().toString();
        String poisoned = history.createPost(author, poison, "never stored while refused", List.of("dlq"));
        history.edit(poisoned, "fixed later", "applied after the retry");

        long start = System.nanoTime();
        List<String> others = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            others.add(history.createPost(UUID.randomUUID().toString(), "other " + i, "flows on", List.of("dlq")));
        }
        await().atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(10))
                .until(() -> countOf(others) == others.size());
        System.out.printf("MEASURED: 10 posts of other authors reached the read model %d ms after they were written"
                + " while one post was poisoned%n", (System.nanoTime() - start) / 1_000_000);

        JsonNode letters = await().until(() -> lettersOf(poisoned), found -> found.size() == 2);
        JsonNode first = letters.get(0);
        assertThat(first.path("processingGroup").asString()).isEqualTo("posts");
        assertThat(first.path("eventType").asString()).isEqualTo("PostCreatedEvent");
        assertThat(first.path("version").asLong()).isEqualTo(1);
        assertThat(first.path("position").isNumber()).isTrue();
        assertThat(first.path("cause").path("type").asString()).isEqualTo("org.postgresql.util.PSQLException");
        assertThat(first.path("cause").path("message").asString()).contains("refused for the test");
        assertThat(first.path("cause").path("message").asString()).doesNotContain("\tat ");
        assertThat(first.path("attempts").asLong()).isEqualTo(3);
        assertThat(first.path("firstFailureAt").isString()).isTrue();
        JsonNode behind = letters.get(1);
        assertThat(behind.path("eventType").asString()).isEqualTo("PostEditedEvent");
        assertThat(behind.path("cause").isNull()).isTrue();
        assertThat(countOf(List.of(poisoned))).isZero();

        // Retried while the cause is still there: it fails again, stays parked, and counts the attempt.
        mvc.perform(post("/api/v1/admin/dead-letters/" + first.path("id").asString() + "/retry").with(newIdentity("admin")))
                .andExpect(status().isConflict())
                .andExpect(jsonPath("$.type").value("https://inkwell.example/problems/dead-letter-retry-failed"));
        assertThat(lettersOf(poisoned).get(0).path("attempts").asLong()).isEqualTo(4);

        removeTheCause();
        mvc.perform(post("/api/v1/admin/dead-letters/" + first.path("id").asString() + "/retry").with(newIdentity("admin")))
                .andExpect(status().isOk());
        assertThat(lettersOf(poisoned)).isEmpty();
        assertThat(jdbc.sql("SELECT title || ' v' || version FROM query.posts WHERE id = ?").param(poisoned)
                .query(String.class).single()).isEqualTo("fixed later v2");
    }

    @Test
    void retryingAGroupAppliesEveryParkedAggregateOnceItsCauseIsGone() throws Exception {
        refuse(poison);
        String one = history.createPost(UUID.randomUUID().toString(), poison, "first", List.of("dlq"));
        String two = history.createPost(UUID.randomUUID().toString(), poison, "second", List.of("dlq"));
        await().until(() -> lettersOf(one).size() + lettersOf(two).size() == 2);
        assertThat(deadLettersGauge()).isGreaterThanOrEqualTo(2);
        mvc.perform(get("/actuator/health").with(newIdentity("admin")))
                .andExpect(jsonPath("$.components.projections.status").value("DEGRADED"))
                .andExpect(jsonPath("$.components.projections.details.posts.deadLetters").isNumber());

        removeTheCause();
        mvc.perform(post("/api/v1/admin/dead-letters/retry?processingGroup=posts").with(newIdentity("admin")))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.processingGroup").value("posts"));

        assertThat(lettersOf(one)).isEmpty();
        assertThat(lettersOf(two)).isEmpty();
        assertThat(countOf(List.of(one, two))).isEqualTo(2);
    }

    @Test
    void anEvictedLetterIsGoneForGoodAndTheEvictionIsLoggedWithWhoAndWhy(CapturedOutput output) throws Exception {
        refuse(poison);
        String post = history.createPost(UUID.randomUUID().toString(), poison, "given up", List.of("dlq"));
        String id = await().until(() -> lettersOf(post), found -> found.size() == 1).get(0).path("id").asString();

        mvc.perform(delete("/api/v1/admin/dead-letters/" + id).with(newIdentity("admin")))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("reason"));
        mvc.perform(delete("/api/v1/admin/dead-letters/" + id + "?reason=written by a test").with(newIdentity("admin")))
                .andExpect(status().isNoContent());

        assertThat(lettersOf(post)).isEmpty();
        assertThat(output.getOut()).contains("Dead letter " + id + " evicted by", "because \"written by a test\"");
        mvc.perform(delete("/api/v1/admin/dead-letters/" + id + "?reason=again").with(newIdentity("admin")))
                .andExpect(status().isNotFound())
                .andExpect(jsonPath("$.type").value("https://inkwell.example/problems/not-found"));
        mvc.perform(post("/api/v1/admin/dead-letters/" + id + "/retry").with(newIdentity("admin")))
                .andExpect(status().isNotFound());
    }

    @Test
    void anUnknownProcessingGroupIsABadParameter() throws Exception {
        mvc.perform(get("/api/v1/admin/dead-letters?processingGroup=nope").with(newIdentity("admin")))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("processingGroup"));
    }

    /** The database refuses this title's row with a data error until the trigger is dropped. */
    private void refuse(String title) {
        jdbc.sql("""
                CREATE OR REPLACE FUNCTION query.refuse_dead_letter_poison() RETURNS trigger AS $$
                BEGIN
                    IF NEW.title = '%s' THEN
                        RAISE EXCEPTION 'row refused for the test' USING ERRCODE = 'check_violation';
                    END IF;
                    RETURN NEW;
                END $$ LANGUAGE plpgsql""".formatted(title)).update();
        jdbc.sql("""
                CREATE TRIGGER refuse_dead_letter_poison BEFORE INSERT ON query.posts
                FOR EACH ROW EXECUTE FUNCTION query.refuse_dead_letter_poison()""").update();
    }

    /** The dead letters of one post, in their order. */
    private JsonNode lettersOf(String postId) throws Exception {
        String body = mvc.perform(get("/api/v1/admin/dead-letters?processingGroup=posts&limit=100").with(newIdentity("admin")))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        List<JsonNode> mine = new ArrayList<>();
        JsonMapper.shared().readTree(body).path("data").forEach(letter -> {
            if (letter.path("aggregateId").asString().equals(postId)) {
                mine.add(letter);
            }
        });
        return JsonMapper.shared().valueToTree(mine);
    }

    private long countOf(List<String> ids) {
        return jdbc.sql("SELECT count(*) FROM query.posts WHERE id IN (:ids)").param("ids", ids).query(Long.class).single();
    }

    private double deadLettersGauge() {
        return meters.get("inkwell.dead.letters").tag("processing_group", "posts").gauge().value();
    }
}
