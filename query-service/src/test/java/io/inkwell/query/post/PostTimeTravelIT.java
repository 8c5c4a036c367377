package io.inkwell.query.post;

import static io.inkwell.testing.Callers.newIdentity;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import io.inkwell.query.History;
import io.inkwell.query.QueryServiceContext;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.JwtRequestPostProcessor;
import org.springframework.test.web.servlet.MockMvc;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** A post as it was: folded from its events up to an instant or a version, for analysts, admins and its author. */
@QueryServiceContext
class PostTimeTravelIT {

    private static final String PROBLEMS = "https://inkwell.example/problems/";

    @Autowired
    History history;
    @Autowired
    MockMvc mvc;
    @Autowired
    PostViews posts;

    private String author;
    private JwtRequestPostProcessor asAuthor;

    @BeforeEach
    void anAuthor() {
        History.Author registered = history.author("Tess Traveller");
        author = registered.id();
        asAuthor = registered.token();
    }

    @Test
    void showsThePostAsItWasBeforeItsLastEdit() throws Exception {
        String id = history.createPost(author, "Before", "Old words", List.of("first"));
        history.publish(id);
        history.retag(id, List.of("second", "third"));
        // The store keeps milliseconds: an edit in the retag's millisecond would be part of the post "as of" it.
        long retagged = Instant.now().toEpochMilli();
        while (Instant.now().toEpochMilli() == retagged) {
            Thread.onSpinWait();
        }
        long latest = history.edit(id, "After", "New words");
        awaitVersion(id, latest);

        JsonNode before = json(get("/api/v1/posts/" + id + "?atVersion=" + (latest - 1)).with(newIdentity("analyst")), 200);
        assertThat(before.get("title").asString()).isEqualTo("Before");
        assertThat(before.get("content").asString()).isEqualTo("Old words");
        assertThat(before.get("tags").get(0).asString()).isEqualTo("second");
        assertThat(before.get("status").asString()).isEqualTo("published");
        assertThat(before.get("version").asLong()).isEqualTo(latest - 1);
        assertThat(before.get("author").get("name").asString()).isEqualTo("Tess Traveller");
        Instant shown = Instant.parse(before.get("asOf").asString());
        assertThat(before.get("updatedAt").asString()).isEqualTo(before.get("asOf").asString());

        // The same instant asked for by time gives the same post; the current read carries no asOf.
        JsonNode byTime = json(get("/api/v1/posts/" + id + "?asOf=" + shown).with(asAuthor), 200);
        assertThat(byTime.get("title").asString()).isEqualTo("Before");
        assertThat(byTime.get("version").asLong()).isEqualTo(latest - 1);
        JsonNode now = json(get("/api/v1/posts/" + id).with(asAuthor), 200);
        assertThat(now.get("title").asString()).isEqualTo("After");
        assertThat(now.has("asOf")).isFalse();

        JsonNode created = json(get("/api/v1/posts/" + id + "?atVersion=1").with(newIdentity("admin")), 200);
        assertThat(created.get("status").asString()).isEqualTo("draft");
        assertThat(created.has("publishedAt")).isFalse();
        assertThat(created.get("tags").get(0).asString()).isEqualTo("first");
        // A version beyond the last shows the post as it is.
        assertThat(json(get("/api/v1/posts/" + id + "?atVersion=99").with(asAuthor), 200).get("title").asString())
                .isEqualTo("After");
    }

    @Test
    void aPostBeforeItsCreationOrNeverCreatedIsNotFound() throws Exception {
        String id = history.publishedPost(author, "Young", "x", List.of());
        mvc.perform(get("/api/v1/posts/" + id + "?asOf=2001-01-01T00:00:00Z").with(newIdentity("analyst")))
                .andExpect(status().isNotFound()).andExpect(jsonPath("$.type").value(PROBLEMS + "not-found"));
        mvc.perform(get("/api/v1/posts/" + History.newId() + "?atVersion=1").with(newIdentity("analyst")))
                .andExpect(status().isNotFound());
    }

    @Test
    void aDeletedPostsPastIsForAnalystsAndItsAuthorOnly() throws Exception {
        String id = history.publishedPost(author, "Was public", "x", List.of("gone"));
        long deleted = history.deletePost(id);
        awaitVersion(id, deleted);
        JsonNode past = json(get("/api/v1/posts/" + id + "?atVersion=2").with(newIdentity("analyst")), 200);
        assertThat(past.get("status").asString()).isEqualTo("published");
        assertThat(past.get("tags").get(0).asString()).isEqualTo("gone");
        assertThat(json(get("/api/v1/posts/" + id + "?atVersion=3").with(asAuthor), 200).get("status").asString())
                .isEqualTo("deleted");
        // Nobody else may read it today, so to them it does not exist.
        mvc.perform(get("/api/v1/posts/" + id + "?atVersion=2").with(newIdentity("user"))).andExpect(status().isNotFound());
        mvc.perform(get("/api/v1/posts/" + id + "?atVersion=2").with(newIdentity("moderator"))).andExpect(status().isNotFound());
    }

    @Test
    void whoMayReadAPublishedPostsPast() throws Exception {
        String id = history.publishedPost(author, "Public", "x", List.of());
        awaitVersion(id, 2);
        String past = "/api/v1/posts/" + id + "?atVersion=1";
        mvc.perform(get(past)).andExpect(status().isUnauthorized())
                .andExpect(jsonPath("$.type").value(PROBLEMS + "unauthorized"));
        mvc.perform(get(past).with(asAuthor)).andExpect(status().isOk());
        mvc.perform(get(past).with(newIdentity("analyst"))).andExpect(status().isOk());
        mvc.perform(get(past).with(newIdentity("admin"))).andExpect(status().isOk());
        // Others may read the post as it is, not as it was.
        for (String role : List.of("user", "moderator")) {
            mvc.perform(get(past).with(newIdentity(role))).andExpect(status().isForbidden())
                    .andExpect(jsonPath("$.type").value(PROBLEMS + "forbidden"));
        }
    }

    @Test
    void aDraftsPastIsHiddenFromOtherUsersAsTheDraftIs() throws Exception {
        String id = history.createPost(author, "Draft", "x", List.of());
        awaitVersion(id, 1);
        String past = "/api/v1/posts/" + id + "?atVersion=1";
        mvc.perform(get(past)).andExpect(status().isUnauthorized());
        mvc.perform(get(past).with(newIdentity("user"))).andExpect(status().isNotFound())
                .andExpect(jsonPath("$.type").value(PROBLEMS + "not-found"));
        mvc.perform(get(past).with(asAuthor)).andExpect(status().isOk()).andExpect(jsonPath("$.title").value("Draft"));
        // A moderator may read the draft today, though not its past.
        mvc.perform(get(past).with(newIdentity("moderator"))).andExpect(status().isForbidden());
    }

    @Test
    void badPointsInTimeAreRefusedNamingTheParameter() throws Exception {
        String id = history.publishedPost(author, "Any", "x", List.of());
        String base = "/api/v1/posts/" + id;
        expectInvalid(base + "?asOf=2026-01-01T00:00:00Z&atVersion=1", "atVersion");
        expectInvalid(base + "?atVersion=0", "atVersion");
        expectInvalid(base + "?atVersion=-4", "atVersion");
        expectInvalid(base + "?asOf=yesterday", "asOf");
        expectInvalid(base + "?asOf=2026-13-01T00:00:00Z", "asOf");
        mvc.perform(get(base + "?atVersion=two").with(newIdentity("analyst"))).andExpect(status().isBadRequest());
    }

    private void expectInvalid(String uri, String parameter) throws Exception {
        mvc.perform(get(uri).with(newIdentity("analyst"))).andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.type").value(PROBLEMS + "validation-failed"))
                .andExpect(jsonPath("$.errors[0].field").value(parameter));
    }

    private void awaitVersion(String id, long version) {
        await().until(() -> posts.findById(id).map(PostView::getVersion).orElse(0L) >= version);
    }

    private JsonNode json(org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder request, int status)
            throws Exception {
        String body = mvc.perform(request).andExpect(status().is(status)).andReturn().getResponse().getContentAsString();
        return JsonMapper.shared().readTree(body);
    }
}
