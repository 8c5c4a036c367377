package io.inkwell.command.post;

import static io.inkwell.command.Api.createPost;
import static io.inkwell.command.Api.json;
import static io.inkwell.command.Api.register;
import static io.inkwell.command.Api.uniqueEmail;
import static io.inkwell.testing.Callers.newIdentity;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import io.inkwell.command.CommandServiceContext;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.JwtRequestPostProcessor;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;

@CommandServiceContext
class PostApiIT {

    private static final String PROBLEM = "https://inkwell.example/problems/";

    @Autowired
    MockMvc mvc;

    @Autowired
    JdbcClient jdbc;

    private JwtRequestPostProcessor author;

    @BeforeEach
    void registerAnAuthor() throws Exception {
        author = newIdentity("user");
        register(mvc, author, uniqueEmail());
    }

    @Test
    void writesADraftAndAnswersItsIdVersionAndSlug() throws Exception {
        String title = "Event Sourcing " + UUID.randomUUID();
        MvcResult result = mvc.perform(post("/api/v1/posts").with(author).contentType(MediaType.APPLICATION_JSON)
                        .content("""
                                {"title": "%s", "content": "Why history matters", "tags": ["CQRS", "cqrs", " Axon "]}"""
                                .formatted(title)))
                .andExpect(status().isCreated())
                .andExpect(header().string("ETag", "\"1\""))
                .andExpect(jsonPath("$.version").value(1))
                .andExpect(jsonPath("$.slug").value(title.toLowerCase().replace(' ', '-')))
                .andReturn();
        String id = json(result).get("id").asString();
        assertThat(payloadOf(id, 0)).contains("\"tags\": [\"cqrs\", \"axon\"]");
    }

    @Test
    void givesASecondPostWithTheSameTitleTheNextFreeSlug() throws Exception {
        String title = "Same title " + UUID.randomUUID();
        createPost(mvc, author, title);
        mvc.perform(post("/api/v1/posts").with(author).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"title\": \"%s\", \"content\": \"again\"}".formatted(title)))
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.slug").value(title.toLowerCase().replace(' ', '-') + "-2"));
    }

    @Test
    void refusesASlugThatAnotherPostHas() throws Exception {
        String slug = "my-slug-" + UUID.randomUUID();
        String body = "{\"title\": \"One\", \"content\": \"x\", \"slug\": \"%s\"}".formatted(slug);
        mvc.perform(post("/api/v1/posts").with(author).contentType(MediaType.APPLICATION_JSON).content(body))
                .andExpect(status().isCreated()).andExpect(jsonPath("$.slug").value(slug));
        mvc.perform(post("/api/v1/posts").with(author).contentType(MediaType.APPLICATION_JSON).content(body))
                .andExpect(status().isConflict())
                .andExpect(jsonPath("$.type").value(PROBLEM + "slug-taken"));
        assertThat(jdbc.sql("SELECT count(*) FROM post_slugs WHERE slug = ?").param(slug).query(Long.class).single()).isOne();
    }

    @Test
    void needsAProfileAndTheUserRoleToWrite() throws Exception {
        mvc.perform(post("/api/v1/posts").with(newIdentity("user")).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"title\": \"No profile\", \"content\": \"x\"}"))
                .andExpect(status().isForbidden())
                .andExpect(jsonPath("$.type").value(PROBLEM + "profile-required"));
        mvc.perform(post("/api/v1/posts").with(newIdentity("analyst")).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"title\": \"Wrong role\", \"content\": \"x\"}"))
                .andExpect(status().isForbidden())
                .andExpect(jsonPath("$.type").value(PROBLEM + "forbidden"));
    }

    @Test
    void editsWithACurrentIfMatchAndRefusesAStaleOne() throws Exception {
        String id = createPost(mvc, author, "Draft");
        mvc.perform(put("/api/v1/posts/" + id).with(author).header("If-Match", "\"1\"")
                        .contentType(MediaType.APPLICATION_JSON).content("{\"title\": \"Better title\"}"))
                .andExpect(status().isOk())
                .andExpect(header().string("ETag", "\"2\""))
                .andExpect(jsonPath("$.version").value(2));
        mvc.perform(put("/api/v1/posts/" + id).with(author).header("If-Match", "\"1\"")
                        .contentType(MediaType.APPLICATION_JSON).content("{\"title\": \"Lost update\"}"))
                .andExpect(status().isPreconditionFailed())
                .andExpect(jsonPath("$.type").value(PROBLEM + "version-mismatch"));
        assertThat(eventTypesOf(id)).containsExactly("PostCreatedEvent", "PostEditedEvent");
    }

    @Test
    void publishesOnceAndTreatsARepeatAsANoOp() throws Exception {
        String id = createPost(mvc, author, "To publish");
        mvc.perform(post("/api/v1/posts/" + id + "/publish").with(author))
                .andExpect(status().isOk()).andExpect(jsonPath("$.version").value(2));
        mvc.perform(post("/api/v1/posts/" + id + "/publish").with(author))
                .andExpect(status().isOk()).andExpect(jsonPath("$.version").value(2))
                .andExpect(header().string("ETag", "\"2\""));
        mvc.perform(post("/api/v1/posts/" + id + "/unpublish").with(author))
                .andExpect(status().isOk()).andExpect(jsonPath("$.version").value(3));
        assertThat(eventTypesOf(id)).containsExactly("PostCreatedEvent", "PostPublishedEvent", "PostUnpublishedEvent");
    }

    @Test
    void letsOnlyTheAuthorOrAModeratorChangeAPost() throws Exception {
        String id = createPost(mvc, author, "Mine");
        JwtRequestPostProcessor otherWriter = newIdentity("user");
        register(mvc, otherWriter, uniqueEmail());
        mvc.perform(post("/api/v1/posts/" + id + "/publish").with(otherWriter))
                .andExpect(status().isForbidden())
                .andExpect(jsonPath("$.type").value(PROBLEM + "not-post-author"));
        assertThat(eventTypesOf(id)).containsExactly("PostCreatedEvent");
        mvc.perform(post("/api/v1/posts/" + id + "/publish").with(newIdentity("moderator")))
                .andExpect(status().isOk()).andExpect(header().string("ETag", "\"2\""));
        assertThat(eventTypesOf(id)).containsExactly("PostCreatedEvent", "PostPublishedEvent");
    }

    @Test
    void republishesAnUnpublishedPost() throws Exception {
        String id = createPost(mvc, author, "Back again");
        for (String step : List.of("publish", "unpublish", "publish")) {
            mvc.perform(post("/api/v1/posts/" + id + "/" + step).with(author)).andExpect(status().isOk());
        }
        assertThat(eventTypesOf(id))
                .containsExactly("PostCreatedEvent", "PostPublishedEvent", "PostUnpublishedEvent", "PostPublishedEvent");
    }

    @Test
    void checksIfMatchOnPublishUnpublishAndDeleteAndChangesNothingWhenItIsStale() throws Exception {
        String id = createPost(mvc, author, "Preconditions");
        mvc.perform(post("/api/v1/posts/" + id + "/publish").with(author).header("If-Match", "\"2\""))
                .andExpect(status().isPreconditionFailed())
                .andExpect(jsonPath("$.type").value(PROBLEM + "version-mismatch"));
        mvc.perform(post("/api/v1/posts/" + id + "/publish").with(author).header("If-Match", "\"1\""))
                .andExpect(status().isOk()).andExpect(header().string("ETag", "\"2\""));
        mvc.perform(post("/api/v1/posts/" + id + "/unpublish").with(author).header("If-Match", "\"1\""))
                .andExpect(status().isPreconditionFailed())
                .andExpect(jsonPath("$.type").value(PROBLEM + "version-mismatch"));
        mvc.perform(post("/api/v1/posts/" + id + "/unpublish").with(author).header("If-Match", "\"2\""))
                .andExpect(status().isOk()).andExpect(header().string("ETag", "\"3\""));
        mvc.perform(delete("/api/v1/posts/" + id).with(author).header("If-Match", "\"2\""))
                .andExpect(status().isPreconditionFailed())
                .andExpect(jsonPath("$.type").value(PROBLEM + "version-mismatch"));
        assertThat(eventTypesOf(id)).containsExactly("PostCreatedEvent", "PostPublishedEvent", "PostUnpublishedEvent");
        mvc.perform(delete("/api/v1/posts/" + id).with(author).header("If-Match", "\"3\""))
                .andExpect(status().isNoContent()).andExpect(header().string("ETag", "\"4\""));
        assertThat(eventTypesOf(id)).endsWith("PostDeletedEvent");
    }

    @Test
    void keepsTheSlugOfADeletedPostTaken() throws Exception {
        String slug = "kept-" + UUID.randomUUID();
        String body = "{\"title\": \"Kept\", \"content\": \"x\", \"slug\": \"%s\"}".formatted(slug);
        String id = json(mvc.perform(post("/api/v1/posts").with(author).contentType(MediaType.APPLICATION_JSON).content(body))
                .andExpect(status().isCreated()).andReturn()).get("id").asString();
        mvc.perform(delete("/api/v1/posts/" + id).with(author)).andExpect(status().isNoContent());

        mvc.perform(post("/api/v1/posts").with(author).contentType(MediaType.APPLICATION_JSON).content(body))
                .andExpect(status().isConflict())
                .andExpect(jsonPath("$.type").value(PROBLEM + "slug-taken"));
    }

    @Test
    void deletesAPostAndRefusesEveryLaterChange() throws Exception {
        String id = createPost(mvc, author, "Short-lived");
        mvc.perform(delete("/api/v1/posts/" + id).with(author))
                .andExpect(status().isNoContent()).andExpect(header().string("ETag", "\"2\""));
        mvc.perform(put("/api/v1/posts/" + id).with(author)
                        .contentType(MediaType.APPLICATION_JSON).content("{\"content\": \"zombie\"}"))
                .andExpect(status().isConflict())
                .andExpect(jsonPath("$.type").value(PROBLEM + "post-deleted"));
        mvc.perform(delete("/api/v1/posts/" + id).with(author)).andExpect(status().isConflict())
                .andExpect(jsonPath("$.type").value(PROBLEM + "post-deleted"));
        assertThat(eventTypesOf(id)).containsExactly("PostCreatedEvent", "PostDeletedEvent");
    }

    @Test
    void answersNotFoundForAnUnknownPost() throws Exception {
        mvc.perform(post("/api/v1/posts/" + UUID.randomUUID() + "/publish").with(author))
                .andExpect(status().isNotFound())
                .andExpect(jsonPath("$.type").value(PROBLEM + "not-found"));
    }

    private List<String> eventTypesOf(String id) {
        return jdbc.sql("SELECT payload_type FROM domain_event_entry WHERE aggregate_identifier = ? ORDER BY sequence_number")
                .param(id).query(String.class).list().stream()
                .map(type -> type.substring(type.lastIndexOf('.') + 1)).toList();
    }

    private String payloadOf(String id, long sequence) {
        return jdbc.sql("SELECT payload::text FROM event_log WHERE aggregate_identifier = ? AND sequence_number = ?")
                .param(id).param(sequence).query(String.class).single();
    }
}
