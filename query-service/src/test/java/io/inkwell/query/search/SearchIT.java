package io.inkwell.query.search;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import io.inkwell.query.History;
import io.inkwell.query.QueryServiceContext;
import io.inkwell.query.user.UserViews;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Search as a reader uses it, over posts written as events. Each test searches for a word of its own so
 * that tests do not see each other's posts.
 */
@QueryServiceContext
class SearchIT {

    @Autowired
    History history;

    @Autowired
    MockMvc mvc;

    @Autowired
    UserViews users;

    @Autowired
    ElasticsearchClient elasticsearch;

    private String author;
    private String word;

    @BeforeEach
    void anAuthorAndAWordOfThisTest() {
        author = history.registerUser("Searchable Author", "search-" + UUID.randomUUID() + "@inkwell.test",
                "https://issuer.test", UUID.randomUUID().toString());
        word = letters(10);
        await().until(() -> users.existsById(author));
    }

    @Test
    void aTitleMatchOutranksAContentOnlyMatch() throws Exception {
        String inContent = history.publishedPost(author, "Something else", "This mentions " + word + " in passing", List.of());
        String inTitle = history.publishedPost(author, "All about " + word, "Nothing to see", List.of());
        JsonNode result = awaitHits("q=" + word, 2);
        assertThat(ids(result)).containsExactly(inTitle, inContent);
    }

    @Test
    void toleratesATypo() throws Exception {
        String id = history.publishedPost(author, "Elasticsearch " + word, "text", List.of());
        String typo = word.substring(0, 4) + swap(word.charAt(4)) + word.substring(5);
        assertThat(ids(awaitHits("q=" + typo, 1))).containsExactly(id);
    }

    @Test
    void quotedPhrasesMustAppearAsWritten() throws Exception {
        String exact = history.publishedPost(author, word + " one", "the quick brown fox", List.of());
        history.publishedPost(author, word + " two", "the brown quick fox", List.of());
        awaitHits("q=" + word, 2);
        JsonNode result = search("q=" + word + " \"quick brown\"");
        assertThat(ids(result)).containsExactly(exact);
    }

    @Test
    void highlightsMatchesInTitleAndContent() throws Exception {
        history.publishedPost(author, "Why " + word + " matters", "Because " + word + " is everywhere", List.of());
        JsonNode hit = awaitHits("q=" + word, 1).get("data").get(0);
        assertThat(hit.get("highlights").get("title").get(0).asString()).contains("<em>" + word + "</em>");
        assertThat(hit.get("highlights").get("content").get(0).asString()).contains("<em>" + word + "</em>");
        assertThat(hit.get("author").get("name").asString()).isEqualTo("Searchable Author");
    }

    @Test
    void countsTagFacetsOverTheMatchesAndFiltersByTag() throws Exception {
        history.publishedPost(author, word + " a", "x", List.of("java", "cqrs"));
        history.publishedPost(author, word + " b", "x", List.of("java"));
        history.publishedPost(author, word + " c", "x", List.of("rust"));
        JsonNode all = awaitHits("q=" + word, 3);
        assertThat(facet(all, "java")).isEqualTo(2);
        assertThat(facet(all, "cqrs")).isEqualTo(1);
        assertThat(facet(all, "rust")).isEqualTo(1);
        JsonNode javaOnly = search("q=" + word + "&tag=JAVA");
        assertThat(javaOnly.get("meta").get("total").asLong()).isEqualTo(2);
        assertThat(facet(javaOnly, "rust")).isEqualTo(1);
    }

    @Test
    void showsEditsAndNewTagsOfAPublishedPost() throws Exception {
        String id = history.publishedPost(author, word + " before", "x", List.of("old"));
        awaitHits("q=" + word, 1);
        String renamed = letters(10);
        history.edit(id, renamed + " after", "y");
        history.retag(id, List.of("new"));
        JsonNode hit = awaitHits("q=" + renamed + "&tag=new", 1).get("data").get(0);
        assertThat(hit.get("id").asString()).isEqualTo(id);
        assertThat(hit.get("title").asString()).isEqualTo(renamed + " after");
        assertThat(search("q=" + word).get("meta").get("total").asLong()).isZero();
    }

    @Test
    void neverFindsNorFacetsTheWordsOrTagsOfDraftsAndDeletedPosts() throws Exception {
        String unseen = letters(10);
        List<String> hiddenTags = List.of("hidden-" + word);
        String published = history.publishedPost(author, word + " live", "x", List.of("shown"));
        String draft = history.createPost(author, word + " draft " + unseen, "x " + unseen, hiddenTags);
        String unpublished = history.publishedPost(author, word + " withdrawn " + unseen, "x", hiddenTags);
        history.unpublish(unpublished);
        String deleted = history.publishedPost(author, word + " deleted " + unseen, "x", hiddenTags);
        history.deletePost(deleted);
        String marker = history.publishedPost(author, word + " marker", "x", List.of("shown"));
        awaitHits("q=" + word, 2);
        // The index holds them, with their words and tags, as what they are.
        await().untilAsserted(() -> assertThat(List.of(statusOf(draft), statusOf(unpublished), statusOf(deleted)))
                .containsExactly("draft", "draft", "deleted"));
        JsonNode all = search("q=" + word);
        assertThat(ids(all)).containsExactlyInAnyOrder(published, marker);
        assertThat(facet(all, "hidden-" + word)).isZero();
        assertThat(facet(all, "shown")).isEqualTo(2);
        assertThat(search("q=" + unseen).get("meta").get("total").asLong()).isZero();
        assertThat(search("tag=hidden-" + word).get("meta").get("total").asLong()).isZero();
    }

    @Test
    void filtersByAuthorAndDateAndSortsNewestFirst() throws Exception {
        String other = history.registerUser("Other", "other-" + UUID.randomUUID() + "@inkwell.test",
                "https://issuer.test", UUID.randomUUID().toString());
        String first = history.publishedPost(author, word + " first", "x", List.of());
        // Published a visible moment apart, so that "newest" has one right answer.
        awaitHits("q=" + word, 1);
        String second = history.publishedPost(author, word + " second", "x", List.of());
        history.publishedPost(other, word + " theirs", "x", List.of());
        awaitHits("q=" + word, 3);
        assertThat(ids(search("q=" + word + "&author=" + author + "&sort=newest"))).containsExactly(second, first);
        assertThat(search("q=" + word + "&to=2000-01-01").get("meta").get("total").asLong()).isZero();
        assertThat(search("q=" + word + "&from=2000-01-01").get("meta").get("total").asLong()).isEqualTo(3);
        // Instants as well as dates, to the millisecond.
        String anHourAgo = java.time.Instant.now().minus(java.time.Duration.ofHours(1)).toString();
        String inAnHour = java.time.Instant.now().plus(java.time.Duration.ofHours(1)).toString();
        assertThat(search("q=" + word + "&from=" + anHourAgo + "&to=" + inAnHour).get("meta").get("total").asLong()).isEqualTo(3);
        assertThat(search("q=" + word + "&from=" + inAnHour).get("meta").get("total").asLong()).isZero();
        assertThat(search("q=" + word + "&to=" + anHourAgo).get("meta").get("total").asLong()).isZero();
    }

    @Test
    void paginatesWithMeta() throws Exception {
        for (int i = 0; i < 3; i++) {
            history.publishedPost(author, word + " page " + i, "x", List.of());
        }
        awaitHits("q=" + word, 3);
        JsonNode second = search("q=" + word + "&page=2&limit=2");
        assertThat(second.get("data")).hasSize(1);
        assertThat(second.get("meta").get("totalPages").asInt()).isEqualTo(2);
        assertThat(second.get("meta").get("page").asInt()).isEqualTo(2);
    }

    @Test
    void refusesBadParametersWithProblems() throws Exception {
        for (String bad : List.of("limit=101", "page=0", "sort=random", "from=yesterday", "from=2026-02-01&to=2026-01-01",
                "page=200&limit=100")) {
            mvc.perform(get("/api/v1/search/posts?" + bad))
                    .andExpect(status().isBadRequest())
                    .andExpect(jsonPath("$.type").value("https://inkwell.example/problems/validation-failed"))
                    .andExpect(jsonPath("$.errors[0].field").isNotEmpty());
        }
    }

    private String statusOf(String postId) throws Exception {
        var document = elasticsearch.get(g -> g.index(PostIndex.ALIAS).id(postId), PostDocument.class);
        return document.found() ? document.source().status() : null;
    }

    private JsonNode awaitHits(String query, int atLeast) {
        List<JsonNode> last = new ArrayList<>();
        await().untilAsserted(() -> {
            JsonNode result = search(query);
            last.add(result);
            assertThat(result.get("meta").get("total").asLong()).isGreaterThanOrEqualTo(atLeast);
        });
        return last.getLast();
    }

    private JsonNode search(String query) throws Exception {
        String body = mvc.perform(get("/api/v1/search/posts?" + query)).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString();
        return JsonMapper.shared().readTree(body);
    }

    private static List<String> ids(JsonNode result) {
        List<String> ids = new ArrayList<>();
        result.get("data").forEach(hit -> ids.add(hit.get("id").asString()));
        return ids;
    }

    private static long facet(JsonNode result, String tag) {
        for (JsonNode bucket : result.get("facets").get("tags")) {
            if (bucket.get("name").asString().equals(tag)) {
                return bucket.get("count").asLong();
            }
        }
        return 0;
    }

    /** A made-up word that no other test uses. */
    static String letters(int count) {
        StringBuilder word = new StringBuilder();
        java.util.concurrent.ThreadLocalRandom random = java.util.concurrent.ThreadLocalRandom.current();
        for (int i = 0; i < count; i++) {
            word.append((char) ('a' + random.nextInt(26)));
        }
        return word.toString();
    }

    private static char swap(char c) {
        return c == 'a' ? 'b' : 'a';
    }
}
