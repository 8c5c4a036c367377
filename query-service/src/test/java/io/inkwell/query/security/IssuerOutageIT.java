package io.inkwell.query.security;

import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.matchesPattern;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import io.inkwell.query.QueryServiceContext;
import io.inkwell.testing.TestIssuer;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;

/**
 * A trusted issuer that goes away, as Keycloak does when it is down. This service started while the issuer
 * was unreachable (it starts off the network), so its tokens cannot be checked: 503 with Retry-After, never
 * a 500, and readiness stays UP because public reads still work. Once the issuer is back, tokens work without
 * a restart; when it goes away again, tokens already issued keep working from the cached keys, and a token
 * naming a key the issuer never published is still a 401.
 */
@QueryServiceContext
class IssuerOutageIT {

    private static final TestIssuer issuer = TestIssuer.unreliable();

    @Autowired
    MockMvc mvc;

    @AfterEach
    void issuerBack() {
        issuer.goOnline();
    }

    @Test
    void answers503UntilTheIssuerIsReachableThenKeepsTokensWorkingThroughTheNextOutage() throws Exception {
        String issuedBeforeStart = issuer.token("user");

        readPosts(issuedBeforeStart)
                .andExpect(status().isServiceUnavailable())
                .andExpect(header().string("Retry-After", matchesPattern("[1-9][0-9]*")))
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.type").value("https://inkwell.example/problems/service-unavailable"));
        mvc.perform(get("/api/v1/posts")).andExpect(status().isOk());
        mvc.perform(get("/actuator/health/readiness")).andExpect(status().isOk());
        mvc.perform(get("/actuator/health")).andExpect(status().isServiceUnavailable());

        issuer.goOnline();
        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(500)).untilAsserted(() ->
                readPosts(issuedBeforeStart).andExpect(status().isOk()));
        mvc.perform(get("/actuator/health")).andExpect(status().isOk());

        issuer.goOffline();
        readPosts(issuedBeforeStart).andExpect(status().isOk());
        readPosts(issuer.token("user")).andExpect(status().isOk());
        readPosts(issuer.signedWithUnpublishedKey("user"))
                .andExpect(status().isUnauthorized())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.type").value("https://inkwell.example/problems/unauthorized"));
        readPosts(issuer.signedWithUnpublishedKey("user")).andExpect(status().isUnauthorized());
        mvc.perform(get("/actuator/health/readiness")).andExpect(status().isOk());
        mvc.perform(get("/actuator/health")).andExpect(status().isOk());
    }

    private ResultActions readPosts(String token) throws Exception {
        return mvc.perform(get("/api/v1/posts").header("Authorization", "Bearer " + token));
    }
}
