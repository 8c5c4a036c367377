package io.inkwell.command.security;

import static io.inkwell.testing.Callers.newIdentity;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import io.inkwell.command.Api;
import io.inkwell.command.CommandServiceContext;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;

/** Only a caller with role {@code metrics} (Prometheus' service account) reads {@code /actuator/prometheus}. */
@CommandServiceContext
class MetricsAccessIT {

    @Autowired
    MockMvc mvc;

    @Test
    void theScraperReadsRequestPoolAndCommandMeters() throws Exception {
        // Axon's meters appear with the first command; this test may be the first to send one.
        Api.register(mvc, newIdentity("user"), Api.uniqueEmail());
        mvc.perform(get("/actuator/prometheus").with(newIdentity("metrics")))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("http_server_requests_seconds_bucket")))
                .andExpect(content().string(containsString("hikaricp_connections_active")))
                // Axon's command bus meters (axon-micrometer).
                .andExpect(content().string(containsString("commandBus_")));
    }

    @Test
    void anonymousCallersAreUnauthorized() throws Exception {
        mvc.perform(get("/actuator/prometheus")).andExpect(status().isUnauthorized())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
    }

    @ParameterizedTest
    @ValueSource(strings = {"user", "moderator", "analyst", "admin"})
    void everyOtherRoleIsForbidden(String role) throws Exception {
        mvc.perform(get("/actuator/prometheus").with(newIdentity(role))).andExpect(status().isForbidden())
                .andExpect(jsonPath("$.type").value("https://inkwell.example/problems/forbidden"));
    }
}
