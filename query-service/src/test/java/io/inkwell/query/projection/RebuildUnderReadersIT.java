package io.inkwell.query.projection;

import static io.inkwell.testing.Callers.newIdentity;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.jayway.jsonpath.JsonPath;
import io.inkwell.query.History;
import io.inkwell.query.QueryServiceContext;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;

/**
 * The promise an operator relies on at noon: the posts read model and the search index are rebuilt from the
 * first event and switched in while a client reads and searches without pause, and that client meets no error
 * and no missing post from start to finish; posts written meanwhile are in both afterwards.
 */
@QueryServiceContext
class RebuildUnderReadersIT {

    private static final String WORD = "quillwort";

    @Autowired
    MockMvc mvc;

    @Autowired
    History history;

    @Test
    void postsAndSearchAreRebuiltAndSwitchedWhileAClientReadsAndSearches() throws Exception {
        String author = history.registerUser("Rebuild Reader", History.newId() + "@example.com", "https://issuer", History.newId());
        List<String> posts = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
            String id = history.publishedPost(author, "Notes " + i + " on " + WORD, "Body " + i + " " + WORD, List.of("botany"));
            history.edit(id, "Edited notes " + i + " on " + WORD, "Edited body " + i + " " + WORD);
            posts.add(id);
        }
        // Paced: with the post cache these reads are quick, and a poll every 100 ms made the test's single-node
        // Elasticsearch, on a loaded machine, time out searches (503) before any rebuild began.
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofSeconds(1)).until(() -> searchTotal() == posts.size()
                && posts.stream().allMatch(id -> title(id).startsWith("Edited")));
        int postsGeneration = generation("posts");
        int searchGeneration = generation("post-search");

        List<String> failures = new CopyOnWriteArrayList<>();
        AtomicInteger reads = new AtomicInteger();
        AtomicBoolean reading = new AtomicBoolean(true);
        Thread client = Thread.ofPlatform().start(() -> {
            while (reading.get()) {
                try {
                    String id = posts.get(ThreadLocalRandom.current().nextInt(posts.size()));
                    if (!title(id).startsWith("Edited")) {
                        failures.add("post " + id + " read as " + title(id));
                    }
                    long found = searchTotal();
                    if (found < posts.size()) {
                        failures.add("search found " + found + " of " + posts.size());
                    }
                    reads.incrementAndGet();
                    // A client reads and searches at a person's pace, not in a hot loop that overloads Elasticsearch.
                    LockSupport.parkNanos(Duration.ofMillis(50).toNanos());
                } catch (Exception | AssertionError e) {
                    failures.add(e.toString());
                }
            }
        });

        mvc.perform(post("/api/v1/admin/projections/posts/rebuild").with(newIdentity("admin"))).andExpect(status().isAccepted());
        mvc.perform(post("/api/v1/admin/projections/post-search/rebuild").with(newIdentity("admin"))).andExpect(status().isAccepted());
        // Posts written while the rebuilds run reach the live models now and the rebuilt ones after the switch.
        List<String> during = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            during.add(history.publishedPost(author, "Late notes " + i + " on " + WORD, "Late body " + WORD, List.of("botany")));
        }
        await().atMost(Duration.ofSeconds(120)).until(() -> generation("posts") == postsGeneration + 1
                && generation("post-search") == searchGeneration + 1 && !rebuilding("posts") && !rebuilding("post-search"));
        reading.set(false);
        client.join();

        assertThat(failures).isEmpty();
        assertThat(reads.get()).isPositive();
        await().atMost(Duration.ofSeconds(30)).until(() -> searchTotal() == posts.size() + during.size());
        for (String id : during) {
            assertThat(title(id)).startsWith("Late notes");
        }
    }

    private String title(String id) {
        try {
            MockHttpServletResponse response = mvc.perform(get("/api/v1/posts/" + id)).andReturn().getResponse();
            if (response.getStatus() != 200) {
                return "status " + response.getStatus();
            }
            return JsonPath.read(response.getContentAsString(), "$.title");
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private long searchTotal() throws Exception {
        MockHttpServletResponse response = mvc.perform(get("/api/v1/search/posts").param("q", WORD).param("limit", "100"))
                .andReturn().getResponse();
        assertThat(response.getStatus()).as(response.getContentAsString()).isEqualTo(200);
        return ((Number) JsonPath.read(response.getContentAsString(), "$.meta.total")).longValue();
    }

    private int generation(String name) throws Exception {
        return JsonPath.read(projection(name), "$.generation.number");
    }

    private boolean rebuilding(String name) throws Exception {
        return JsonPath.<List<?>>read(projection(name), "$..rebuild").size() > 0;
    }

    private String projection(String name) throws Exception {
        return mvc.perform(get("/api/v1/admin/projections/" + name).with(newIdentity("admin")))
                .andReturn().getResponse().getContentAsString();
    }
}
