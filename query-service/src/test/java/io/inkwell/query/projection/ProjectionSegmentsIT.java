package io.inkwell.query.projection;

import static io.inkwell.testing.Callers.newIdentity;
import static org.awaitility.Awaitility.await;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import io.inkwell.query.History;
import io.inkwell.query.QueryServiceContext;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;

/**
 * An admin splits a running projection's segment and merges it back, and the read model keeps following the
 * events throughout; a segment that does not exist is 404.
 */
@QueryServiceContext
class ProjectionSegmentsIT {

    @Autowired
    MockMvc mvc;

    @Autowired
    History history;

    @Test
    void aSegmentSplitAndMergedWhileRunningKeepsTheReadModelFollowingTheEvents() throws Exception {
        String author = history.registerUser("Segment Splitter", "splitter@inkwell.test", "https://issuer.test", History.newId());
        mvc.perform(post("/api/v1/admin/projections/posts/segments/0/split").with(newIdentity("admin")))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.name").value("posts"))
                .andExpect(jsonPath("$.segments").value(org.hamcrest.Matchers.containsInAnyOrder(0, 1, 2)));
        try {
            List<String> posts = List.of(
                    history.publishedPost(author, "Written after the split", "one", List.of("segments")),
                    history.publishedPost(author, "Also after the split", "two", List.of("segments")),
                    history.publishedPost(author, "And a third", "three", List.of("segments")));
            for (String id : posts) {
                await().untilAsserted(() -> mvc.perform(get("/api/v1/posts/" + id)).andExpect(status().isOk())
                        .andExpect(jsonPath("$.version").value(2)));
            }
        } finally {
            mvc.perform(post("/api/v1/admin/projections/posts/segments/0/merge").with(newIdentity("admin")))
                    .andExpect(status().isOk())
                    .andExpect(jsonPath("$.segments").value(org.hamcrest.Matchers.containsInAnyOrder(0, 1)));
        }
        String late = history.publishedPost(author, "Written after the merge", "four", List.of("segments"));
        await().untilAsserted(() -> mvc.perform(get("/api/v1/posts/" + late)).andExpect(status().isOk()));
    }

    @Test
    void aSegmentThatDoesNotExistIsNotFound() throws Exception {
        mvc.perform(post("/api/v1/admin/projections/posts/segments/7/split").with(newIdentity("admin")))
                .andExpect(status().isNotFound())
                .andExpect(jsonPath("$.type").value("https://inkwell.example/problems/not-found"));
        mvc.perform(post("/api/v1/admin/projections/no-such-projection/segments/0/merge").with(newIdentity("admin")))
                .andExpect(status().isNotFound());
    }
}
