package io.inkwell.query.history;

import static io.inkwell.testing.Callers.identity;
import static io.inkwell.testing.Callers.newIdentity;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import io.inkwell.query.History;
import io.inkwell.query.QueryServiceContext;
import io.inkwell.query.user.UserViews;
import io.inkwell.testing.TestKeycloak;
import java.nio.charset.StandardCharsets;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.JwtRequestPostProcessor;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Personal data in the history shows as the profile API shows it, in every history endpoint alike. */
@QueryServiceContext
class PersonalDataHistoryIT {

    @Autowired
    History history;

    @Autowired
    MockMvc mvc;

    @Autowired
    UserViews users;

    @Autowired
    JdbcClient jdbc;

    /** The stream's position before this user registered, so that /events need not scan all the tests' history. */
    private long start;
    private String user;
    private String email;
    private JwtRequestPostProcessor asUser;

    @BeforeEach
    void aUserWithAnEmail() {
        start = jdbc.sql("SELECT coalesce(max(global_index), 0) FROM public.domain_event_entry").query(Long.class).single();
        String subject = UUID.randomUUID().toString();
        email = "private-" + subject + "@inkwell.test";
        user = history.registerUser("Private Person", email, TestKeycloak.get().issuer(), subject);
        history.changeEmail(user, "changed-" + email);
        asUser = identity(subject, "user");
        await().until(() -> users.existsById(user));
    }

    @Test
    void showsTheEmailOnlyToTheUserAndAdmins() throws Exception {
        for (JsonNode registration : registrations(newIdentity("analyst"))) {
            assertThat(registration.get("payload").get("name").asString()).isEqualTo("Private Person");
            assertThat(registration.get("payload").get("email").isNull()).isTrue();
        }
        assertThat(userHistory(newIdentity("analyst")).get(1).get("payload").get("email").isNull()).isTrue();
        for (JsonNode registration : registrations(newIdentity("admin"))) {
            assertThat(registration.get("payload").get("email").asString()).isEqualTo(email);
        }
        assertThat(userHistory(asUser).get(0).get("payload").get("email").asString()).isEqualTo(email);
        assertThat(userHistory(asUser).get(1).get("payload").get("email").asString()).isEqualTo("changed-" + email);
    }

    @Test
    void showsNothingPersonalOfADeletedUserToAnyone() throws Exception {
        history.deleteUser(user);
        for (JsonNode registration : registrations(newIdentity("admin"))) {
            assertThat(registration.get("payload").get("name").isNull()).isTrue();
            assertThat(registration.get("payload").get("email").isNull()).isTrue();
            assertThat(registration.get("payload").get("userId").asString()).isEqualTo(user);
        }
        JsonNode change = userHistory(newIdentity("admin")).get(1);
        assertThat(change.get("payload").get("email").isNull()).isTrue();
    }

    /** The registration as the user's history, /events and the export show it. */
    private JsonNode[] registrations(JwtRequestPostProcessor caller) throws Exception {
        JsonNode page = json(mvc.perform(get("/api/v1/events?type=UserRegisteredEvent&aggregateId=" + user + "&after="
                        + start).with(caller)).andExpect(status().isOk()).andReturn().getResponse()
                .getContentAsString()).get("data");
        String exported = mvc.perform(get("/api/v1/events/export?type=UserRegisteredEvent&aggregateId=" + user + "&after="
                        + start).with(caller)).andExpect(status().isOk()).andReturn().getResponse()
                .getContentAsString(StandardCharsets.UTF_8).strip();
        return new JsonNode[] {userHistory(caller).get(0), page.get(0), json(exported)};
    }

    private JsonNode userHistory(JwtRequestPostProcessor caller) throws Exception {
        return json(mvc.perform(get("/api/v1/users/" + user + "/history").with(caller)).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString()).get("data");
    }

    private static JsonNode json(String text) {
        return JsonMapper.shared().readTree(text);
    }
}
