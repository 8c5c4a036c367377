package io.inkwell.query.user;

import static io.inkwell.testing.Callers.identity;
import static io.inkwell.testing.Callers.newIdentity;
import static org.awaitility.Awaitility.await;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import io.inkwell.query.History;
import io.inkwell.query.QueryServiceContext;
import io.inkwell.testing.TestKeycloak;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.JwtRequestPostProcessor;
import org.springframework.test.web.servlet.MockMvc;

/** A profile as it was: its owner, analysts and admins may look; emails and erased data stay protected. */
@QueryServiceContext
class UserTimeTravelIT {

    private static final String PROBLEMS = "https://inkwell.example/problems/";

    @Autowired
    History history;
    @Autowired
    MockMvc mvc;
    @Autowired
    UserViews users;

    @Test
    void showsAProfileAsItWasWithTheEmailOnlyToItsOwnerAndAdmins() throws Exception {
        String subject = UUID.randomUUID().toString();
        String email = "first-" + subject + "@inkwell.test";
        String id = history.registerUser("First Name", email, TestKeycloak.get().issuer(), subject);
        history.changeEmail(id, "second-" + subject + "@inkwell.test");
        long version = history.renameUser(id, "Second Name");
        awaitVersion(id, version);
        JwtRequestPostProcessor owner = identity(subject, "user");
        String past = "/api/v1/users/" + id + "?atVersion=1";

        mvc.perform(get(past).with(owner)).andExpect(status().isOk())
                .andExpect(jsonPath("$.name").value("First Name"))
                .andExpect(jsonPath("$.email").value(email))
                .andExpect(jsonPath("$.version").value(1))
                .andExpect(jsonPath("$.asOf").exists());
        mvc.perform(get(past).with(newIdentity("admin"))).andExpect(status().isOk())
                .andExpect(jsonPath("$.email").value(email));
        mvc.perform(get(past).with(newIdentity("analyst"))).andExpect(status().isOk())
                .andExpect(jsonPath("$.name").value("First Name"))
                .andExpect(jsonPath("$.email").doesNotExist());
        mvc.perform(get("/api/v1/users/" + id + "?atVersion=2").with(owner)).andExpect(status().isOk())
                .andExpect(jsonPath("$.name").value("First Name"))
                .andExpect(jsonPath("$.email").value("second-" + subject + "@inkwell.test"));
        mvc.perform(get(past)).andExpect(status().isUnauthorized())
                .andExpect(jsonPath("$.type").value(PROBLEMS + "unauthorized"));
        // Anyone may read the profile as it is, so another user is refused, not told it does not exist.
        for (String role : new String[] {"user", "moderator"}) {
            mvc.perform(get(past).with(newIdentity(role))).andExpect(status().isForbidden())
                    .andExpect(jsonPath("$.type").value(PROBLEMS + "forbidden"));
        }
    }

    @Test
    void aDeletedProfileShowsNoPersonalDataFromAnyPointOfItsPast() throws Exception {
        String id = history.registerUser("Erased Person", "erased-" + UUID.randomUUID() + "@inkwell.test",
                "https://issuer.test", UUID.randomUUID().toString());
        history.renameUser(id, "Still Erased");
        long deleted = history.deleteUser(id);
        awaitVersion(id, deleted);
        for (String role : new String[] {"admin", "analyst"}) {
            mvc.perform(get("/api/v1/users/" + id + "?atVersion=2").with(newIdentity(role))).andExpect(status().isOk())
                    .andExpect(jsonPath("$.id").value(id))
                    .andExpect(jsonPath("$.version").value(2))
                    .andExpect(jsonPath("$.name").doesNotExist())
                    .andExpect(jsonPath("$.email").doesNotExist());
        }
        mvc.perform(get("/api/v1/users/" + id + "?atVersion=1").with(newIdentity("user"))).andExpect(status().isNotFound());
    }

    @Test
    void aProfileBeforeItsRegistrationOrNeverRegisteredIsNotFound() throws Exception {
        String id = history.registerUser("Newcomer", "new-" + UUID.randomUUID() + "@inkwell.test", "https://issuer.test",
                UUID.randomUUID().toString());
        awaitVersion(id, 1);
        mvc.perform(get("/api/v1/users/" + id + "?asOf=2001-01-01T00:00:00Z").with(newIdentity("analyst")))
                .andExpect(status().isNotFound()).andExpect(jsonPath("$.type").value(PROBLEMS + "not-found"));
        mvc.perform(get("/api/v1/users/" + History.newId() + "?atVersion=1").with(newIdentity("admin")))
                .andExpect(status().isNotFound());
        mvc.perform(get("/api/v1/users/" + id + "?atVersion=0").with(newIdentity("admin")))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].field").value("atVersion"));
        mvc.perform(get("/api/v1/users/" + id + "?asOf=soon").with(newIdentity("admin")))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].field").value("asOf"));
    }

    private void awaitVersion(String id, long version) {
        await().until(() -> users.findById(id).map(UserView::getVersion).orElse(0L) >= version);
    }
}
