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
import org.springframework.test.web.servlet.MockMvc;

@QueryServiceContext
class UserQueryIT {

    @Autowired
    History history;

    @Autowired
    MockMvc mvc;

    @Test
    void showsAnEmailOnlyToItsOwnerAndAdmins() throws Exception {
        String subject = UUID.randomUUID().toString();
        String email = "private-" + subject + "@inkwell.test";
        String id = history.registerUser("Private Person", email, TestKeycloak.get().issuer(), subject);
        await().untilAsserted(() -> mvc.perform(get("/api/v1/users/" + id + "?minVersion=1").with(identity(subject, "user")))
                .andExpect(status().isOk()).andExpect(jsonPath("$.email").value(email)));
        mvc.perform(get("/api/v1/users/" + id).with(newIdentity("user")))
                .andExpect(status().isOk()).andExpect(jsonPath("$.name").value("Private Person"))
                .andExpect(jsonPath("$.email").doesNotExist());
        mvc.perform(get("/api/v1/users/" + id).with(newIdentity("admin")))
                .andExpect(jsonPath("$.email").value(email));
    }

    @Test
    void searchesNamesForEveryoneAndEmailsOnlyForAdmins() throws Exception {
        String marker = UUID.randomUUID().toString().substring(0, 8);
        history.registerUser("Findable " + marker, "hidden-" + marker + "@inkwell.test", "https://issuer.test", marker);
        await().untilAsserted(() -> mvc.perform(get("/api/v1/users?search=findable " + marker).with(newIdentity("user")))
                .andExpect(jsonPath("$.meta.total").value(1)));
        mvc.perform(get("/api/v1/users?search=hidden-" + marker).with(newIdentity("user")))
                .andExpect(jsonPath("$.meta.total").value(0));
        mvc.perform(get("/api/v1/users?search=hidden-" + marker).with(newIdentity("admin")))
                .andExpect(jsonPath("$.meta.total").value(1));
    }

    @Test
    void forgetsDeletedUsers() throws Exception {
        String id = history.registerUser("Soon Gone", "soon-" + UUID.randomUUID() + "@inkwell.test", "https://issuer.test",
                UUID.randomUUID().toString());
        long version = history.deleteUser(id);
        mvc.perform(get("/api/v1/users/" + id + "?minVersion=" + version).with(newIdentity("admin")))
                .andExpect(status().isNotFound())
                .andExpect(jsonPath("$.type").value("https://inkwell.example/problems/not-found"));
    }

    @Test
    void leavesDeletedUsersOutOfTheList() throws Exception {
        String marker = UUID.randomUUID().toString().substring(0, 8);
        String id = history.registerUser("Listed " + marker, "listed-" + marker + "@inkwell.test", "https://issuer.test", marker);
        await().untilAsserted(() -> mvc.perform(get("/api/v1/users?search=" + marker).with(newIdentity("admin")))
                .andExpect(jsonPath("$.meta.total").value(1)).andExpect(jsonPath("$.data[0].id").value(id)));

        history.deleteUser(id);

        await().untilAsserted(() -> mvc.perform(get("/api/v1/users?search=" + marker).with(newIdentity("admin")))
                .andExpect(status().isOk()).andExpect(jsonPath("$.meta.total").value(0)));
    }

    @Test
    void needsAToken() throws Exception {
        mvc.perform(get("/api/v1/users")).andExpect(status().isUnauthorized())
                .andExpect(jsonPath("$.type").value("https://inkwell.example/problems/unauthorized"));
    }

    @Test
    void refusesALimitAboveTheCap() throws Exception {
        mvc.perform(get("/api/v1/users?limit=1000").with(newIdentity("user")))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].field").value("limit"));
    }
}
