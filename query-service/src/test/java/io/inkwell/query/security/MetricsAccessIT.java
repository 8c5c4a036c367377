package io.inkwell.query.security;

import static io.inkwell.testing.Callers.newIdentity;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import io.inkwell.query.History;
import io.inkwell.query.QueryServiceContext;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;

/**
 * Prometheus scrapes {@code /actuator/prometheus} with a token of a service account that has role {@code metrics};
 * no one else reads the metrics, admins included (they hold every other role, not this one).
 */
@QueryServiceContext
class MetricsAccessIT {

    @Autowired
    MockMvc mvc;

    @Autowired
    History history;

    @Test
    void theScraperReadsProcessorLagAndTheOtherMeters() throws Exception {
        // Axon's processor meters appear with the first event they handle; the lag gauges read the processors on
        // the first scrape and keep per-segment gauges from then on.
        history.registerUser("Metered Writer", "metered-" + UUID.randomUUID() + "@inkwell.test",
                "https://issuer.test", UUID.randomUUID().toString());
        await().untilAsserted(() -> mvc.perform(get("/actuator/prometheus").with(newIdentity("metrics")))
                .andExpect(content().string(containsString("eventProcessor_latency{processorName=\"users\"}"))));
        mvc.perform(get("/actuator/prometheus").with(newIdentity("metrics")))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("inkwell_projection_lag_events{processing_group=\"posts\"}")))
                .andExpect(content().string(containsString("inkwell_projection_lag_seconds{processing_group=\"post-search\"}")))
                .andExpect(content().string(containsString("inkwell_projection_segment_lag_events{processing_group=\"users\",segment=\"0\"}")))
                .andExpect(content().string(containsString("inkwell_dead_letters{processing_group=\"posts\"}")))
                .andExpect(content().string(containsString("eventProcessor_successCounter_total{")))
                .andExpect(content().string(containsString("hikaricp_connections_active")))
                .andExpect(content().string(containsString("http_server_requests_seconds_bucket")));
    }

    @Test
    void processorLagFallsBackToZeroAfterABurst() throws Exception {
        String author = history.registerUser("Burst Writer", "burst-" + UUID.randomUUID() + "@inkwell.test",
                "https://issuer.test", UUID.randomUUID().toString());
        for (int i = 0; i < 50; i++) {
            history.publishedPost(author, "Burst " + i, "one of many", List.of("burst"));
        }
        await().untilAsserted(() -> mvc.perform(get("/actuator/prometheus").with(newIdentity("metrics")))
                .andExpect(content().string(containsString("inkwell_projection_lag_events{processing_group=\"posts\"} 0.0")))
                .andExpect(content().string(containsString("inkwell_projection_lag_events{processing_group=\"post-search\"} 0.0")))
                .andExpect(content().string(containsString("inkwell_projection_lag_seconds{processing_group=\"posts\"} 0.0"))));
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
