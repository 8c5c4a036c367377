package io.inkwell.query.post;

import static io.inkwell.testing.Callers.newIdentity;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import io.inkwell.query.History;
import io.inkwell.query.QueryServiceContext;
import io.inkwell.query.cache.ReadModelCache;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.JwtRequestPostProcessor;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Reads through the cache (Redis, as with several instances) never go back to an older version than the read
 * model has shown, and the events that hide or remove a post take it out of what the cache serves.
 */
@QueryServiceContext
class CachedReadsIT {

    @Autowired
    History history;

    @Autowired
    MockMvc mvc;

    @Autowired
    ReadModelCache cache;

    private String author;
    private JwtRequestPostProcessor asAuthor;

    @BeforeEach
    void anAuthor() {
        History.Author registered = history.author("Carla Cache");
        author = registered.id();
        asAuthor = registered.token();
    }

    /**
     * Edits arrive in a tight loop while readers read the post through the cache as fast as they can. No reader
     * ever sees a version older than one it saw before; a read with {@code minVersion} gets that version or a
     * later one; and a plain read right after it (say, the same client reloading) never goes back either.
     */
    @Test
    void readsInATightLoopWhileThePostIsEditedNeverGoBack() throws Exception {
        String id = history.publishedPost(author, "Edition 0", "x", List.of());
        long published = 2;
        assertThat(version(get("/api/v1/posts/" + id + "?minVersion=" + published))).isEqualTo(published);

        List<String> wentBack = new CopyOnWriteArrayList<>();
        List<Long> seen = new CopyOnWriteArrayList<>();
        AtomicBoolean reading = new AtomicBoolean(true);
        List<Thread> readers = new ArrayList<>();
        for (String path : List.of("/api/v1/posts/" + id, "/api/v1/posts/by-slug/slug-" + id)) {
            readers.add(Thread.ofPlatform().start(() -> {
                long last = 0;
                while (reading.get()) {
                    try {
                        long version = version(get(path));
                        if (version < last) {
                            wentBack.add(path + " showed version " + version + " after " + last);
                        }
                        last = version;
                        seen.add(version);
                    } catch (Exception | AssertionError e) {
                        wentBack.add(e.toString());
                    }
                }
            }));
        }
        long version = published;
        for (int edit = 1; edit <= 25; edit++) {
            version = history.edit(id, "Edition " + edit, "x");
            MockHttpServletResponse waited = mvc.perform(get("/api/v1/posts/" + id + "?minVersion=" + version))
                    .andReturn().getResponse();
            assertThat(waited.getStatus()).as(waited.getContentAsString()).isEqualTo(200);
            assertThat(version(waited)).isGreaterThanOrEqualTo(version);
            assertThat(version(get("/api/v1/posts/" + id))).isGreaterThanOrEqualTo(version);
            assertThat(version(get("/api/v1/posts/by-slug/slug-" + id))).isGreaterThanOrEqualTo(version);
        }
        reading.set(false);
        for (Thread reader : readers) {
            reader.join();
        }
        assertThat(wentBack).isEmpty();
        // The readers read while the edits went on, not only at the start or the end.
        assertThat(seen.stream().distinct().count()).isGreaterThan(2);
        assertThat(version(get("/api/v1/posts/" + id))).isEqualTo(version);
    }

    /**
     * Readers who do not ask for a version see an edit far sooner than the entries' time to live (minutes):
     * the projection stores the new version once it commits.
     */
    @Test
    void anEditReachesReadersWhoDoNotAskForIt() throws Exception {
        String id = history.publishedPost(author, "First words", "x", List.of());
        await().until(() -> statusOf(get("/api/v1/posts/" + id)) == 200);
        assertThat(version(get("/api/v1/posts/" + id))).isEqualTo(2);
        long edited = history.edit(id, "Second thoughts", "x");
        await().atMost(Duration.ofSeconds(5)).until(() -> version(get("/api/v1/posts/" + id)) == edited);
        assertThat(json(get("/api/v1/posts/by-slug/slug-" + id)).get("title").asString()).isEqualTo("Second thoughts");
    }

    @Test
    void anUnpublishedPostIsHiddenFromAnonymousReadersButNotFromItsAuthor() throws Exception {
        String id = history.publishedPost(author, "Soon a draft", "x", List.of());
        await().until(() -> statusOf(get("/api/v1/posts/" + id)) == 200);
        assertThat(statusOf(get("/api/v1/posts/by-slug/slug-" + id))).isEqualTo(200);
        long unpublished = history.unpublish(id);
        await().atMost(Duration.ofSeconds(5)).until(() -> statusOf(get("/api/v1/posts/" + id)) == 404);
        assertThat(statusOf(get("/api/v1/posts/by-slug/slug-" + id))).isEqualTo(404);
        assertThat(version(get("/api/v1/posts/" + id).with(asAuthor))).isEqualTo(unpublished);
        assertThat(version(get("/api/v1/posts/" + id).with(newIdentity("moderator")))).isEqualTo(unpublished);
    }

    @Test
    void aDeletedPostIsGoneForEveryoneEvenAfterItWasCached() throws Exception {
        String id = history.publishedPost(author, "Soon gone", "x", List.of());
        await().until(() -> statusOf(get("/api/v1/posts/" + id).with(asAuthor)) == 200);
        assertThat(statusOf(get("/api/v1/posts/by-slug/slug-" + id).with(asAuthor))).isEqualTo(200);
        history.deletePost(id);
        await().atMost(Duration.ofSeconds(5)).until(() -> statusOf(get("/api/v1/posts/" + id).with(asAuthor)) == 404);
        for (JwtRequestPostProcessor reader : List.of(asAuthor, newIdentity("moderator"), newIdentity("admin"))) {
            assertThat(statusOf(get("/api/v1/posts/" + id).with(reader))).isEqualTo(404);
            assertThat(statusOf(get("/api/v1/posts/by-slug/slug-" + id).with(reader))).isEqualTo(404);
        }
        assertThat(statusOf(get("/api/v1/posts/" + id))).isEqualTo(404);
    }

    @Test
    void tagCountsFollowPublicationsUnpublicationsAndRetags() throws Exception {
        String tag = "cached-" + UUID.randomUUID().toString().substring(0, 8);
        String first = history.publishedPost(author, "One", "x", List.of(tag));
        await().until(() -> tagCount(tag) == 1);
        String second = history.publishedPost(author, "Two", "x", List.of(tag));
        await().until(() -> tagCount(tag) == 2);
        // Far sooner than the entries' time to live (minutes): the events retire the cached counts.
        history.unpublish(first);
        await().atMost(Duration.ofSeconds(5)).until(() -> tagCount(tag) == 1);
        history.retag(second, List.of("other-" + tag));
        await().atMost(Duration.ofSeconds(5)).until(() -> tagCount(tag) == 0);
    }

    /**
     * A rebuild may change what a read model says at the same version (a fixed projection): once it is switched
     * in, nothing cached from the generation before is served. A cached entry unlike the read model stands for
     * one cached from the old generation.
     */
    @Test
    void aRebuiltReadModelIsNotServedFromWhatWasCachedBefore() throws Exception {
        String id = history.publishedPost(author, "As the events say", "x", List.of());
        assertThat(version(get("/api/v1/posts/" + id + "?minVersion=2"))).isEqualTo(2);
        cache.store(PostLookup.POSTS, id, new PostState(id, author, "As an old projection said", "x", "slug-" + id,
                List.of(), PostView.Status.PUBLISHED, 3, Instant.now(), Instant.now(), Instant.now()));
        assertThat(json(get("/api/v1/posts/" + id)).get("title").asString()).isEqualTo("As an old projection said");

        int generation = generation();
        mvc.perform(post("/api/v1/admin/projections/posts/rebuild").with(newIdentity("admin"))).andExpect(status().isAccepted());
        await().atMost(Duration.ofSeconds(120)).until(() -> generation() == generation + 1);
        assertThat(json(get("/api/v1/posts/" + id)).get("title").asString()).isEqualTo("As the events say");
    }

    @Test
    void hitsAndMissesAreMetricsForAdmins() throws Exception {
        String id = history.publishedPost(author, "Counted", "x", List.of());
        version(get("/api/v1/posts/" + id + "?minVersion=2"));
        double hits = gets("hit");
        double misses = gets("miss");
        for (int i = 0; i < 3; i++) {
            version(get("/api/v1/posts/" + id));
        }
        mvc.perform(get("/api/v1/posts/" + UUID.randomUUID())).andExpect(status().isNotFound());
        assertThat(gets("hit")).isGreaterThanOrEqualTo(hits + 3);
        assertThat(gets("miss")).isGreaterThan(misses);
        mvc.perform(get("/actuator/metrics/cache.gets").with(newIdentity("user"))).andExpect(status().isForbidden());
        mvc.perform(get("/actuator/metrics/cache.gets")).andExpect(status().isUnauthorized());
    }

    private double gets(String result) throws Exception {
        JsonNode metric = json(get("/actuator/metrics/cache.gets").param("tag", "cache:posts", "result:" + result)
                .with(newIdentity("admin")));
        return metric.get("measurements").get(0).get("value").asDouble();
    }

    private int generation() throws Exception {
        return json(get("/api/v1/admin/projections/posts").with(newIdentity("admin"))).get("generation").get("number").asInt();
    }

    private long tagCount(String tag) throws Exception {
        for (JsonNode entry : json(get("/api/v1/tags?limit=100")).get("data")) {
            if (entry.get("name").asString().equals(tag)) {
                return entry.get("count").asLong();
            }
        }
        return 0;
    }

    private int statusOf(MockHttpServletRequestBuilder request) throws Exception {
        return mvc.perform(request).andReturn().getResponse().getStatus();
    }

    private long version(MockHttpServletRequestBuilder request) throws Exception {
        return version(mvc.perform(request).andReturn().getResponse());
    }

    private static long version(MockHttpServletResponse response) throws Exception {
        assertThat(response.getStatus()).as(response.getContentAsString()).isEqualTo(200);
        return JsonMapper.shared().readTree(response.getContentAsString()).get("version").asLong();
    }

    private JsonNode json(MockHttpServletRequestBuilder request) throws Exception {
        MockHttpServletResponse response = mvc.perform(request).andReturn().getResponse();
        assertThat(response.getStatus()).as(response.getContentAsString()).isEqualTo(200);
        return JsonMapper.shared().readTree(response.getContentAsString());
    }
}
