package io.inkwell.query.search;

import static io.inkwell.testing.Callers.newIdentity;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import io.inkwell.query.History;
import io.inkwell.query.QueryServiceContext;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A document that Elasticsearch refuses for good (a tag longer than a keyword term may be) parks its event
 * in the post-search dead-letter queue instead of stalling the index for every other post.
 */
@QueryServiceContext
class SearchRefusalIT {

    @Autowired
    History history;

    @Autowired
    MockMvc mvc;

    @Test
    void aDocumentElasticsearchRefusesIsParkedWhileOtherPostsBecomeSearchable() throws Exception {
        String author = history.registerUser("Refused Writer", UUID.randomUUID() + "@inkwell.test", "https://issuer.test",
                UUID.randomUUID().toString());
        String word = SearchIT.letters(12);
        // Over Lucene's 32,766-byte limit for one keyword term: refused on every try.
        String refused = history.publishedPost(author, "refused " + word, "never indexed", List.of("x".repeat(40_000)));
        String other = history.publishedPost(author, "accepted " + word, "indexed all the same", List.of("fine"));

        // The first batches after start may be slow on a busy machine.
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> assertThat(searchIds("q=" + word)).containsExactly(other));
        JsonNode parked = await().atMost(Duration.ofSeconds(60)).until(() -> searchLettersOf(refused), found -> !found.isEmpty()).getFirst();
        assertThat(parked.path("cause").path("message").asString()).contains("Elasticsearch refused the document");

        // A draft holds its tags in the index too, so each event of the post may be refused and parked, in
        // the post's one sequence; giving up on the post means deleting each.
        for (JsonNode letter : searchLettersOf(refused)) {
            mvc.perform(delete("/api/v1/admin/dead-letters/" + letter.path("id").asString() + "?reason=tag too long")
                    .with(newIdentity("admin"))).andExpect(status().isNoContent());
        }
        assertThat(searchLettersOf(refused)).isEmpty();
    }

    private List<String> searchIds(String query) throws Exception {
        String body = mvc.perform(get("/api/v1/search/posts?" + query)).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString();
        List<String> ids = new ArrayList<>();
        JsonMapper.shared().readTree(body).path("data").forEach(hit -> ids.add(hit.path("id").asString()));
        return ids;
    }

    private List<JsonNode> searchLettersOf(String postId) throws Exception {
        String body = mvc.perform(get("/api/v1/admin/dead-letters?processingGroup=post-search&limit=100")
                .with(newIdentity("admin"))).andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        List<JsonNode> mine = new ArrayList<>();
        JsonMapper.shared().readTree(body).path("data").forEach(letter -> {
            if (letter.path("aggregateId").asString().equals(postId)) {
                mine.add(letter);
            }
        });
        return mine;
    }
}
