package io.inkwell.command.web;

import static io.inkwell.command.Api.json;
import static io.inkwell.command.Api.register;
import static io.inkwell.command.Api.uniqueEmail;
import static io.inkwell.testing.Callers.newIdentity;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import io.inkwell.command.CommandServiceContext;
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
class IdempotencyIT {

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
    void aRetryWithTheSameKeyAndBodyGetsTheFirstResponseAndCreatesNothingNew() throws Exception {
        String key = UUID.randomUUID().toString();
        String title = "Once only " + key;
        String body = "{\"title\": \"%s\", \"content\": \"x\"}".formatted(title);
        MvcResult first = mvc.perform(post("/api/v1/posts").with(author).header("Idempotency-Key", key)
                        .contentType(MediaType.APPLICATION_JSON).content(body))
                .andExpect(status().isCreated()).andReturn();
        MvcResult retry = mvc.perform(post("/api/v1/posts").with(author).header("Idempotency-Key", key)
                        .contentType(MediaType.APPLICATION_JSON).content(body))
                .andExpect(status().isCreated())
                .andExpect(header().string("Idempotent-Replayed", "true"))
                .andExpect(header().string("ETag", "\"1\""))
                .andExpect(header().string("Location", first.getResponse().getHeader("Location")))
                .andReturn();
        assertThat(json(retry)).isEqualTo(json(first));
        assertThat(jdbc.sql("SELECT count(*) FROM event_log WHERE payload ->> 'title' = ?").param(title)
                .query(Long.class).single()).isEqualTo(1);
    }

    @Test
    void theSameKeyWithADifferentBodyIsRefused() throws Exception {
        String key = UUID.randomUUID().toString();
        mvc.perform(post("/api/v1/posts").with(author).header("Idempotency-Key", key)
                        .contentType(MediaType.APPLICATION_JSON).content("{\"title\": \"First\", \"content\": \"x\"}"))
                .andExpect(status().isCreated());
        mvc.perform(post("/api/v1/posts").with(author).header("Idempotency-Key", key)
                        .contentType(MediaType.APPLICATION_JSON).content("{\"title\": \"Second\", \"content\": \"x\"}"))
                .andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.type").value("https://inkwell.example/problems/idempotency-key-reused"));
    }

    @Test
    void aFailedRequestLeavesTheKeyFreeForACorrectedRetry() throws Exception {
        String key = UUID.randomUUID().toString();
        String slug = "taken-" + key;
        mvc.perform(post("/api/v1/posts").with(author).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"title\": \"t\", \"content\": \"x\", \"slug\": \"%s\"}".formatted(slug)))
                .andExpect(status().isCreated());
        mvc.perform(post("/api/v1/posts").with(author).header("Idempotency-Key", key)
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"title\": \"t\", \"content\": \"x\", \"slug\": \"%s\"}".formatted(slug)))
                .andExpect(status().isConflict());
        mvc.perform(post("/api/v1/posts").with(author).header("Idempotency-Key", key)
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"title\": \"t\", \"content\": \"x\", \"slug\": \"%s-2\"}".formatted(slug)))
                .andExpect(status().isCreated());
    }

    @Test
    void keysBelongToTheirCaller() throws Exception {
        String key = UUID.randomUUID().toString();
        JwtRequestPostProcessor otherAuthor = newIdentity("user");
        register(mvc, otherAuthor, uniqueEmail());
        String body = "{\"title\": \"Shared key\", \"content\": \"x\"}";
        MvcResult mine = mvc.perform(post("/api/v1/posts").with(author).header("Idempotency-Key", key)
                .contentType(MediaType.APPLICATION_JSON).content(body)).andExpect(status().isCreated()).andReturn();
        MvcResult theirs = mvc.perform(post("/api/v1/posts").with(otherAuthor).header("Idempotency-Key", key)
                .contentType(MediaType.APPLICATION_JSON).content(body)).andExpect(status().isCreated()).andReturn();
        assertThat(json(theirs).get("id")).isNotEqualTo(json(mine).get("id"));
    }

    @Test
    void registeringAProfileWithAKeyTwiceAnswersTheFirstRegistrationAndKeepsOneProfile() throws Exception {
        JwtRequestPostProcessor newcomer = newIdentity("user");
        String key = UUID.randomUUID().toString();
        String email = uniqueEmail();
        String body = "{\"name\": \"Newcomer\", \"email\": \"%s\"}".formatted(email);
        MvcResult first = mvc.perform(post("/api/v1/users").with(newcomer).header("Idempotency-Key", key)
                        .contentType(MediaType.APPLICATION_JSON).content(body))
                .andExpect(status().isCreated()).andReturn();
        MvcResult retry = mvc.perform(post("/api/v1/users").with(newcomer).header("Idempotency-Key", key)
                        .contentType(MediaType.APPLICATION_JSON).content(body))
                .andExpect(status().isCreated())
                .andExpect(header().string("Idempotent-Replayed", "true"))
                .andExpect(header().string("ETag", "\"1\""))
                .andReturn();

        assertThat(json(retry)).isEqualTo(json(first));
        assertThat(jdbc.sql("SELECT count(*) FROM user_emails WHERE email_key = lower(?)").param(email)
                .query(Long.class).single()).isOne();
        // Without the key the same request is a second registration of the same identity.
        mvc.perform(post("/api/v1/users").with(newcomer).contentType(MediaType.APPLICATION_JSON).content(body))
                .andExpect(status().isConflict())
                .andExpect(jsonPath("$.type").value("https://inkwell.example/problems/identity-already-registered"));
    }
}
