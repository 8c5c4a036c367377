package io.inkwell.command.user;

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
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.JwtRequestPostProcessor;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;

@CommandServiceContext
class UserApiIT {

    private static final String PROBLEM = "https://inkwell.example/problems/";

    @Autowired
    MockMvc mvc;

    @Autowired
    JdbcClient jdbc;

    @Test
    void registersTheCallersProfileWithVersionOneAsETag() throws Exception {
        MvcResult result = mvc.perform(post("/api/v1/users").with(newIdentity("user"))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("""
                                {"name": "  Alice Writer  ", "email": "%s"}""".formatted(uniqueEmail())))
                .andExpect(status().isCreated())
                .andExpect(header().string("ETag", "\"1\""))
                .andExpect(jsonPath("$.version").value(1))
                .andReturn();
        String id = json(result).get("id").asString();
        assertThat(result.getResponse().getHeader("Location")).isEqualTo("/api/v1/users/" + id);
        assertThat(jdbc.sql("SELECT convert_from(payload, 'UTF8')::jsonb ->> 'name' FROM domain_event_entry "
                + "WHERE aggregate_identifier = ?").param(id).query(String.class).single()).isEqualTo("Alice Writer");
    }

    @Test
    void refusesASecondProfileForTheSameIdentity() throws Exception {
        JwtRequestPostProcessor caller = newIdentity("user");
        register(mvc, caller, uniqueEmail());
        mvc.perform(post("/api/v1/users").with(caller).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"name\": \"Again\", \"email\": \"%s\"}".formatted(uniqueEmail())))
                .andExpect(status().isConflict())
                .andExpect(jsonPath("$.type").value(PROBLEM + "identity-already-registered"));
    }

    @Test
    void refusesAnEmailThatIsTakenWhateverItsCase() throws Exception {
        String email = uniqueEmail();
        register(mvc, newIdentity("user"), email);
        mvc.perform(post("/api/v1/users").with(newIdentity("user")).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"name\": \"Copycat\", \"email\": \"%s\"}".formatted(email.toUpperCase())))
                .andExpect(status().isConflict())
                .andExpect(content -> assertThat(content.getResponse().getContentType()).startsWith("application/problem+json"))
                .andExpect(jsonPath("$.type").value(PROBLEM + "email-taken"))
                .andExpect(jsonPath("$.status").value(409));
    }

    @Test
    void updatesWithACurrentIfMatchAndRefusesAStaleOneWithoutChangingAnything() throws Exception {
        JwtRequestPostProcessor owner = newIdentity("user");
        String id = register(mvc, owner, uniqueEmail());
        mvc.perform(put("/api/v1/users/" + id).with(owner).header("If-Match", "\"1\"")
                        .contentType(MediaType.APPLICATION_JSON).content("{\"name\": \"Renamed\"}"))
                .andExpect(status().isOk())
                .andExpect(header().string("ETag", "\"2\""))
                .andExpect(jsonPath("$.version").value(2));
        mvc.perform(put("/api/v1/users/" + id).with(owner).header("If-Match", "\"1\"")
                        .contentType(MediaType.APPLICATION_JSON).content("{\"name\": \"Lost update\"}"))
                .andExpect(status().isPreconditionFailed())
                .andExpect(jsonPath("$.type").value(PROBLEM + "version-mismatch"));
        assertThat(eventsOf(id)).isEqualTo(2);
    }

    @Test
    void letsOnlyTheUserThemselfOrAnAdminChangeAProfile() throws Exception {
        String id = register(mvc, newIdentity("user"), uniqueEmail());
        mvc.perform(put("/api/v1/users/" + id).with(newIdentity("user", "moderator"))
                        .contentType(MediaType.APPLICATION_JSON).content("{\"name\": \"Hijacked\"}"))
                .andExpect(status().isForbidden())
                .andExpect(jsonPath("$.type").value(PROBLEM + "not-profile-owner"));
        assertThat(eventsOf(id)).isEqualTo(1);
        mvc.perform(put("/api/v1/users/" + id).with(newIdentity("admin"))
                        .contentType(MediaType.APPLICATION_JSON).content("{\"name\": \"Fixed by admin\"}"))
                .andExpect(status().isOk())
                .andExpect(header().string("ETag", "\"2\""))
                .andExpect(jsonPath("$.version").value(2));
        assertThat(eventsOf(id)).isEqualTo(2);
    }

    @Test
    void changesTheEmailRefusingOneThatIsTakenAndReleasingTheOldOne() throws Exception {
        JwtRequestPostProcessor alice = newIdentity("user");
        String oldEmail = uniqueEmail();
        String aliceId = register(mvc, alice, oldEmail);
        String bobsEmail = uniqueEmail();
        register(mvc, newIdentity("user"), bobsEmail);

        mvc.perform(put("/api/v1/users/" + aliceId).with(alice)
                        .contentType(MediaType.APPLICATION_JSON).content("{\"email\": \"%s\"}".formatted(bobsEmail.toUpperCase())))
                .andExpect(status().isConflict())
                .andExpect(jsonPath("$.type").value(PROBLEM + "email-taken"));
        assertThat(eventsOf(aliceId)).isEqualTo(1);

        String newEmail = uniqueEmail();
        mvc.perform(put("/api/v1/users/" + aliceId).with(alice)
                        .contentType(MediaType.APPLICATION_JSON).content("{\"email\": \"%s\"}".formatted(newEmail)))
                .andExpect(status().isOk())
                .andExpect(header().string("ETag", "\"2\""))
                .andExpect(jsonPath("$.version").value(2));
        assertThat(eventsOf(aliceId)).isEqualTo(2);
        // The old address is free for someone else now; the new one is Alice's.
        register(mvc, newIdentity("user"), oldEmail);
        mvc.perform(post("/api/v1/users").with(newIdentity("user")).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"name\": \"Copycat\", \"email\": \"%s\"}".formatted(newEmail)))
                .andExpect(status().isConflict())
                .andExpect(jsonPath("$.type").value(PROBLEM + "email-taken"));
    }

    @Test
    void answersNotFoundForAnUnknownUser() throws Exception {
        mvc.perform(put("/api/v1/users/no-such-user").with(newIdentity("admin"))
                        .contentType(MediaType.APPLICATION_JSON).content("{\"name\": \"Nobody\"}"))
                .andExpect(status().isNotFound())
                .andExpect(jsonPath("$.type").value(PROBLEM + "not-found"));
    }

    @Test
    void deletesAProfileReleasingItsEmailAndRefusingFurtherChanges() throws Exception {
        JwtRequestPostProcessor owner = newIdentity("user");
        String email = uniqueEmail();
        String id = register(mvc, owner, email);
        mvc.perform(delete("/api/v1/users/" + id).with(newIdentity("user")))
                .andExpect(status().isForbidden())
                .andExpect(jsonPath("$.type").value(PROBLEM + "not-profile-owner"));
        assertThat(eventsOf(id)).isEqualTo(1);
        mvc.perform(delete("/api/v1/users/" + id).with(owner)).andExpect(status().isNoContent());
        mvc.perform(put("/api/v1/users/" + id).with(owner)
                        .contentType(MediaType.APPLICATION_JSON).content("{\"name\": \"Back\"}"))
                .andExpect(status().isConflict())
                .andExpect(jsonPath("$.type").value(PROBLEM + "user-deleted"));
        assertThat(eventsOf(id)).isEqualTo(2);
        assertThat(jdbc.sql("SELECT count(*) FROM user_emails WHERE user_id = ?").param(id).query(Long.class).single())
                .isZero();
        register(mvc, newIdentity("user"), email);
    }

    @Test
    void refusesARequestWithoutATokenWithABearerChallenge() throws Exception {
        mvc.perform(post("/api/v1/users").contentType(MediaType.APPLICATION_JSON)
                        .content("{\"name\": \"Anonymous\", \"email\": \"anon@inkwell.test\"}"))
                .andExpect(status().isUnauthorized())
                .andExpect(header().string("WWW-Authenticate", "Bearer"))
                .andExpect(jsonPath("$.type").value(PROBLEM + "unauthorized"));
    }

    private long eventsOf(String aggregateId) {
        return jdbc.sql("SELECT count(*) FROM domain_event_entry WHERE aggregate_identifier = ?")
                .param(aggregateId).query(Long.class).single();
    }
}
