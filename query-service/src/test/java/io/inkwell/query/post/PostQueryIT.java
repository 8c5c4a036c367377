package io.inkwell.query.post;

import static io.inkwell.testing.Callers.newIdentity;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import io.inkwell.query.History;
import io.inkwell.query.QueryServiceContext;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.JwtRequestPostProcessor;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The posts and tags API: every parameter, and who sees which post. Each test has an author of its own. */
@QueryServiceContext
class PostQueryIT {

    @Autowired
    History history;

    @Autowired
    MockMvc mvc;

    private String author;
    private JwtRequestPostProcessor asAuthor;

    @BeforeEach
    void anAuthor() {
        History.Author registered = history.author("Paula Poster");
        author = registered.id();
        asAuthor = registered.token();
    }

    @Test
    void showsPublishedPostsToAnyoneWithAuthorNameAndVersion() throws Exception {
        String id = history.publishedPost(author, "Public", "For all", List.of("open"));
        JsonNode post = awaitJson(get("/api/v1/posts/" + id), 200);
        assertThat(post.get("title").asString()).isEqualTo("Public");
        assertThat(post.get("status").asString()).isEqualTo("published");
        assertThat(post.get("author").get("name").asString()).isEqualTo("Paula Poster");
        assertThat(post.get("version").asLong()).isEqualTo(2);
        assertThat(post.get("tags").get(0).asString()).isEqualTo("open");
        mvc.perform(get("/api/v1/posts/by-slug/slug-" + id)).andExpect(status().isOk())
                .andExpect(jsonPath("$.id").value(id));
    }

    @Test
    void showsADraftOnlyToItsAuthorAndModerators() throws Exception {
        String id = history.createPost(author, "Secret draft", "Not yet", List.of());
        awaitJson(get("/api/v1/posts/" + id).with(asAuthor), 200);
        mvc.perform(get("/api/v1/posts/" + id)).andExpect(status().isNotFound())
                .andExpect(jsonPath("$.type").value("https://inkwell.example/problems/not-found"));
        mvc.perform(get("/api/v1/posts/" + id).with(newIdentity("user"))).andExpect(status().isNotFound())
                .andExpect(jsonPath("$.type").value("https://inkwell.example/problems/not-found"));
        mvc.perform(get("/api/v1/posts/" + id).with(newIdentity("moderator"))).andExpect(status().isOk())
                .andExpect(jsonPath("$.id").value(id)).andExpect(jsonPath("$.status").value("draft"));
    }

    @Test
    void hidesDeletedPostsFromEveryone() throws Exception {
        String id = history.publishedPost(author, "Gone", "x", List.of());
        long version = history.deletePost(id);
        mvc.perform(get("/api/v1/posts/" + id + "?minVersion=" + version).with(asAuthor)).andExpect(status().isNotFound())
                .andExpect(jsonPath("$.type").value("https://inkwell.example/problems/not-found"));
        mvc.perform(get("/api/v1/posts/" + id).with(newIdentity("moderator"))).andExpect(status().isNotFound());
        assertThat(ids(json(get("/api/v1/posts?status=all&author=" + author).with(asAuthor)))).isEmpty();
    }

    @Test
    void filtersListsByAuthorTagAndStatus() throws Exception {
        String tag = "t" + UUID.randomUUID().toString().substring(0, 8);
        String published = history.publishedPost(author, "Listed", "x", List.of(tag));
        String draft = history.createPost(author, "Unlisted", "x", List.of(tag));
        await().untilAsserted(() -> assertThat(ids(json(get("/api/v1/posts?status=all&author=" + author).with(asAuthor))))
                .containsExactlyInAnyOrder(published, draft));
        assertThat(ids(json(get("/api/v1/posts?author=" + author)))).containsExactly(published);
        assertThat(ids(json(get("/api/v1/posts?status=draft&author=" + author)))).isEmpty();
        assertThat(ids(json(get("/api/v1/posts?status=draft&author=" + author).with(asAuthor)))).containsExactly(draft);
        assertThat(ids(json(get("/api/v1/posts?tag=" + tag.toUpperCase())))).containsExactly(published);
    }

    @Test
    void sortsAndPaginatesWithMeta() throws Exception {
        List<String> ids = new ArrayList<>();
        for (String title : List.of("Charlie", "Alpha", "Bravo")) {
            ids.add(history.publishedPost(author, title, "x", List.of()));
        }
        await().untilAsserted(() -> assertThat(json(get("/api/v1/posts?author=" + author)).get("meta").get("total").asLong())
                .isEqualTo(3));
        assertThat(ids(json(get("/api/v1/posts?author=" + author + "&sort=newest")))).containsExactly(ids.get(2), ids.get(1), ids.get(0));
        assertThat(ids(json(get("/api/v1/posts?author=" + author + "&sort=oldest")))).containsExactlyElementsOf(ids);
        assertThat(ids(json(get("/api/v1/posts?author=" + author + "&sort=title")))).containsExactly(ids.get(1), ids.get(2), ids.get(0));
        JsonNode page = json(get("/api/v1/posts?author=" + author + "&sort=title&page=2&limit=2"));
        assertThat(ids(page)).containsExactly(ids.get(0));
        assertThat(page.get("meta").get("page").asInt()).isEqualTo(2);
        assertThat(page.get("meta").get("limit").asInt()).isEqualTo(2);
        assertThat(page.get("meta").get("totalPages").asInt()).isEqualTo(2);
    }

    @Test
    void sortsByTheLastChangeWithUpdated() throws Exception {
        List<String> ids = new ArrayList<>();
        for (String title : List.of("First", "Second", "Third")) {
            ids.add(history.publishedPost(author, title, "x", List.of()));
            nextMillisecond();
        }
        long version = history.edit(ids.getFirst(), "First, edited", "x");
        await().untilAsserted(() -> assertThat(json(get("/api/v1/posts/" + ids.getFirst() + "?minVersion=" + version))
                .get("title").asString()).isEqualTo("First, edited"));

        assertThat(ids(json(get("/api/v1/posts?author=" + author + "&sort=updated"))))
                .containsExactly(ids.get(0), ids.get(2), ids.get(1));
    }

    @Test
    void keepsTheTagsInTheOrderTheAuthorGaveThem() throws Exception {
        String id = history.publishedPost(author, "Ordered tags", "x", List.of("zeta", "alpha", "mid"));
        assertThat(tags(awaitJson(get("/api/v1/posts/" + id), 200))).containsExactly("zeta", "alpha", "mid");

        long version = history.retag(id, List.of("mid", "zeta"));
        JsonNode retagged = json(get("/api/v1/posts/" + id + "?minVersion=" + version));
        assertThat(tags(retagged)).containsExactly("mid", "zeta");
        assertThat(tags(json(get("/api/v1/posts?author=" + author)).get("data").get(0))).containsExactly("mid", "zeta");
    }

    @Test
    void listsEveryonesDraftsToModeratorsButNotToOtherUsers() throws Exception {
        String draft = history.createPost(author, "Moderated draft", "x", List.of());
        await().untilAsserted(() -> assertThat(ids(json(get("/api/v1/posts?status=draft&author=" + author)
                .with(newIdentity("moderator"))))).containsExactly(draft));
        assertThat(ids(json(get("/api/v1/posts?status=all&author=" + author).with(newIdentity("admin"))))).containsExactly(draft);
        assertThat(ids(json(get("/api/v1/posts?status=draft&author=" + author).with(newIdentity("user"))))).isEmpty();
        assertThat(ids(json(get("/api/v1/posts?status=all&author=" + author).with(newIdentity("analyst"))))).isEmpty();
    }

    @Test
    void showsNoAuthorNameOnceTheAuthorIsDeleted() throws Exception {
        String id = history.publishedPost(author, "Orphan", "x", List.of());
        assertThat(awaitJson(get("/api/v1/posts/" + id), 200).get("author").get("name").asString()).isEqualTo("Paula Poster");

        history.deleteUser(author);

        await().untilAsserted(() -> {
            JsonNode post = json(get("/api/v1/posts/" + id));
            assertThat(post.get("author").get("id").asString()).isEqualTo(author);
            assertThat(post.get("author").path("name").isNull() || post.get("author").path("name").isMissingNode()).isTrue();
        });
        JsonNode listed = json(get("/api/v1/posts?author=" + author)).get("data").get(0).get("author");
        assertThat(listed.path("name").isNull() || listed.path("name").isMissingNode()).isTrue();
    }

    @Test
    void countsPublishedPostsPerTag() throws Exception {
        String tag = "count-" + UUID.randomUUID().toString().substring(0, 8);
        history.publishedPost(author, "One", "x", List.of(tag));
        history.publishedPost(author, "Two", "x", List.of(tag));
        history.createPost(author, "Draft", "x", List.of(tag));
        await().untilAsserted(() -> assertThat(tagCount(tag)).isEqualTo(2));
    }

    @Test
    void waitsForAVersionTheClientHasJustWritten() throws Exception {
        String id = history.createPost(author, "Fresh", "x", List.of());
        long version = history.publish(id);
        mvc.perform(get("/api/v1/posts/" + id + "?minVersion=" + version)).andExpect(status().isOk())
                .andExpect(jsonPath("$.version").value(version));
    }

    @Test
    void saysSoWhenItCannotCatchUpInTime() throws Exception {
        String id = history.publishedPost(author, "Slow", "x", List.of());
        mvc.perform(get("/api/v1/posts/" + id + "?minVersion=99"))
                .andExpect(status().isServiceUnavailable())
                .andExpect(header().string("Retry-After", "1"))
                .andExpect(jsonPath("$.type").value("https://inkwell.example/problems/not-caught-up"));
    }

    @Test
    void refusesBadParametersWithProblems() throws Exception {
        for (String bad : List.of("page=0", "page=-1", "limit=0", "limit=101", "sort=random", "status=secret", "page=abc")) {
            mvc.perform(get("/api/v1/posts?" + bad))
                    .andExpect(status().isBadRequest())
                    .andExpect(jsonPath("$.type").value("https://inkwell.example/problems/validation-failed"))
                    .andExpect(jsonPath("$.errors[0].field").value(bad.substring(0, bad.indexOf('='))));
        }
        mvc.perform(get("/api/v1/posts/x?minVersion=0")).andExpect(status().isBadRequest());
    }

    private long tagCount(String tag) throws Exception {
        for (JsonNode entry : json(get("/api/v1/tags?limit=100")).get("data")) {
            if (entry.get("name").asString().equals(tag)) {
                return entry.get("count").asLong();
            }
        }
        return 0;
    }

    private JsonNode awaitJson(MockHttpServletRequestBuilder request, int status) {
        List<JsonNode> found = new ArrayList<>();
        await().untilAsserted(() -> {
            var response = mvc.perform(request).andReturn().getResponse();
            assertThat(response.getStatus()).isEqualTo(status);
            found.add(JsonMapper.shared().readTree(response.getContentAsString()));
        });
        return found.getLast();
    }

    private JsonNode json(MockHttpServletRequestBuilder request) throws Exception {
        return JsonMapper.shared().readTree(mvc.perform(request).andExpect(status().isOk()).andReturn().getResponse()
                .getContentAsString());
    }

    private static List<String> tags(JsonNode post) {
        List<String> tags = new ArrayList<>();
        post.get("tags").forEach(tag -> tags.add(tag.asString()));
        return tags;
    }

    /** Events a millisecond apart, so that their order in time is the order they were written. */
    private static void nextMillisecond() {
        java.time.Instant now = java.time.Instant.now();
        await().pollInterval(java.time.Duration.ofMillis(1)).until(() -> java.time.Instant.now().toEpochMilli() > now.toEpochMilli());
    }

    private static List<String> ids(JsonNode page) {
        List<String> ids = new ArrayList<>();
        page.get("data").forEach(post -> ids.add(post.get("id").asString()));
        return ids;
    }
}
