package io.inkwell.command;

import static io.inkwell.command.Api.createPost;
import static io.inkwell.command.Api.register;
import static io.inkwell.command.Api.uniqueEmail;
import static io.inkwell.testing.Callers.identity;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import io.inkwell.testing.TestKeycloak;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.JwtRequestPostProcessor;
import org.springframework.test.web.servlet.MockMvc;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** What analysts find in PostgreSQL: every event as readable JSON, in order, saying who caused it. */
@CommandServiceContext
class EventStoreIT {

    @Autowired
    MockMvc mvc;

    @Autowired
    JdbcClient jdbc;

    @Test
    void storesEachEventAsJsonWithWhoCausedItInWhichRequest() throws Exception {
        String subject = UUID.randomUUID().toString();
        JwtRequestPostProcessor author = identity(subject, "user");
        String userId = register(mvc, author, uniqueEmail());
        String postId = createPost(mvc, author, "Traceable");
        mvc.perform(post("/api/v1/posts/" + postId + "/publish").with(author).header("X-Request-Id", "req-42"))
                .andExpect(status().isOk());

        var rows = jdbc.sql("""
                        SELECT sequence_number, payload_type, payload_revision, payload::text AS payload, meta_data::text AS meta
                        FROM event_log WHERE aggregate_identifier = ? ORDER BY global_index""")
                .param(postId).query().listOfRows();
        assertThat(rows).extracting(row -> row.get("sequence_number")).containsExactly(0L, 1L);
        assertThat(rows).extracting(row -> row.get("payload_type"))
                .containsExactly("io.inkwell.api.post.PostCreatedEvent", "io.inkwell.api.post.PostPublishedEvent");
        assertThat(rows).extracting(row -> row.get("payload_revision")).containsOnly("1");

        JsonNode created = read(rows.get(0), "payload");
        assertThat(created.get("title").asString()).isEqualTo("Traceable");
        assertThat(created.get("authorId").asString()).isEqualTo(userId);

        JsonNode published = read(rows.get(1), "meta");
        assertThat(published.get("actorSubject").asString()).isEqualTo(subject);
        assertThat(published.get("actorIssuer").asString()).isEqualTo(TestKeycloak.get().issuer());
        assertThat(published.get("actorUserId").asString()).isEqualTo(userId);
        assertThat(published.get("requestId").asString()).isEqualTo("req-42");
        assertThat(published.get("correlationId").asString()).isNotBlank();
    }

    @Test
    void keepsNoLargeObjects() {
        assertThat(jdbc.sql("SELECT count(*) FROM pg_largeobject_metadata").query(Long.class).single()).isZero();
        assertThat(jdbc.sql("""
                        SELECT data_type FROM information_schema.columns
                        WHERE table_name = 'domain_event_entry' AND column_name IN ('payload', 'meta_data')""")
                .query(String.class).list()).containsOnly("bytea");
    }

    private static JsonNode read(Map<String, Object> row, String column) {
        return JsonMapper.shared().readTree(String.valueOf(row.get(column)));
    }
}
