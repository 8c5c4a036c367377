package io.inkwell.query.projection;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import io.inkwell.query.History;
import io.inkwell.query.QueryServiceContext;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Old events may hold NUL, which JSON allows and PostgreSQL's text refuses: such a post still reaches the
 * read model and the index (NUL shown as U+FFFD), and the event_log view still reads the whole table.
 */
@QueryServiceContext
class NulTextIT {

    @Autowired
    History history;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    MockMvc mvc;

    @Test
    void aPostWithNulInItsTextReachesTheReadModelSearchAndTheEventLog() throws Exception {
        String word = "nul" + UUID.randomUUID().toString().replace("-", "").substring(0, 10);
        String author = history.registerUser("Nul\u0000Writer", "nul-" + UUID.randomUUID() + "@inkwell.test",
                "https://issuer.test", UUID.randomUUID().toString());
        String post = history.publishedPost(author, word + " title\u0000with nul", "content \u0000 " + word,
                List.of("nul\u0000tag"));

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(jdbc.sql(
                "SELECT title || '|' || content || '|' || status FROM query.posts WHERE id = ?").param(post)
                .query(String.class).optional()).contains(word + " title\uFFFDwith nul|content \uFFFD " + word + "|PUBLISHED"));
        // The users projection is a processor of its own: it may come a moment later.
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(jdbc.sql(
                "SELECT name FROM query.users WHERE id = ?").param(author).query(String.class).optional())
                .contains("Nul\uFFFDWriter"));
        assertThat(jdbc.sql("SELECT tag FROM query.post_tags WHERE post_id = ?").param(post).query(String.class).list())
                .containsExactly("nul\uFFFDtag");

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            String body = mvc.perform(get("/api/v1/search/posts?q=" + word)).andReturn().getResponse().getContentAsString();
            JsonNode hits = JsonMapper.shared().readTree(body).path("data");
            assertThat(hits).hasSize(1);
            assertThat(hits.get(0).path("id").asString()).isEqualTo(post);
        });

        assertThat(jdbc.sql("SELECT count(*) FROM event_log").query(Long.class).single()).isPositive();
        assertThat(jdbc.sql("SELECT payload->>'title' FROM event_log WHERE aggregate_identifier = ? AND sequence_number = 0")
                .param(post).query(String.class).single()).isEqualTo(word + " title\uFFFDwith nul");
    }

    @Test
    void theEventLogShowsAnEscapedBackslashBeforeU0000AsWritten() {
        String post = history.createPost(UUID.randomUUID().toString(), "a \\u0000 b", "x", List.of());
        assertThat(jdbc.sql("SELECT payload->>'title' FROM event_log WHERE aggregate_identifier = ?").param(post)
                .query(String.class).single()).isEqualTo("a \\u0000 b");
    }
}
