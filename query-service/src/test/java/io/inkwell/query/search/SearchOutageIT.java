package io.inkwell.query.search;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static io.inkwell.testing.Callers.newIdentity;
import static org.junit.jupiter.api.Assumptions.assumeTrue;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import io.inkwell.query.History;
import io.inkwell.query.QueryServiceContext;
import io.inkwell.testing.TestElasticsearch;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import tools.jackson.databind.json.JsonMapper;

/** Elasticsearch goes away and comes back: search says so meanwhile, and afterwards misses nothing. */
@QueryServiceContext
class SearchOutageIT {

    @Autowired
    History history;

    @Autowired
    MockMvc mvc;

    @Autowired
    JdbcClient jdbc;

    @Test
    void searchIsUnavailableDuringAnOutageAndFindsEveryPostAfterIt() throws Exception {
        TestElasticsearch elasticsearch = TestElasticsearch.get();
        if (!elasticsearch.canRestart()) {
            // Said in the build's output too, not only in the report: an outage test that never runs proves nothing.
            System.err.println("SKIPPED SearchOutageIT: Elasticsearch runs in a container here, which cannot be stopped"
                    + " and started on the same port; run the build without Docker to test the outage");
        }
        assumeTrue(elasticsearch.canRestart(), "the embedded node can be stopped; a container would change its port");
        String author = history.registerUser("Outage Writer", "outage-" + UUID.randomUUID() + "@inkwell.test",
                "https://issuer.test", UUID.randomUUID().toString());
        String word = "outage" + SearchIT.letters(6);

        elasticsearch.stop();
        try {
            mvc.perform(get("/api/v1/search/posts?q=" + word))
                    .andExpect(status().isServiceUnavailable())
                    .andExpect(header().exists("Retry-After"))
                    .andExpect(jsonPath("$.type").value("https://inkwell.example/problems/search-unavailable"));
            for (int i = 0; i < 5; i++) {
                history.publishedPost(author, word + " number " + i, "written while search was down", List.of("outage"));
            }
            // The rest of the API keeps working.
            await().untilAsserted(() -> mvc.perform(get("/api/v1/posts?author=" + author))
                    .andExpect(status().isOk()).andExpect(jsonPath("$.meta.total").value(5)));
            // Health says search is degraded, and the search projection retries, but the service stays ready.
            mvc.perform(get("/actuator/health").with(newIdentity("admin")))
                    .andExpect(status().isOk())
                    .andExpect(jsonPath("$.components.search.status").value("DEGRADED"));
            await().untilAsserted(() -> mvc.perform(get("/actuator/health").with(newIdentity("admin")))
                    .andExpect(jsonPath("$.components.projections.details.post-search.state").value("retrying")));
            mvc.perform(get("/actuator/health/readiness")).andExpect(status().isOk())
                    .andExpect(jsonPath("$.status").value("UP"))
                    .andExpect(jsonPath("$.components.processors.status").value("UP"))
                    .andExpect(jsonPath("$.components.search").doesNotExist());
        } finally {
            elasticsearch.start();
        }

        await().atMost(Duration.ofSeconds(120)).untilAsserted(() -> {
            String body = mvc.perform(get("/api/v1/search/posts?q=" + word)).andReturn().getResponse().getContentAsString();
            assertThat(JsonMapper.shared().readTree(body).path("meta").path("total").asLong()).isEqualTo(5);
        });
        // An outage is waited out, not dead-lettered.
        assertThat(jdbc.sql("SELECT count(*) FROM query.dead_letter_entry WHERE processing_group = 'post-search'")
                .query(Long.class).single()).isZero();
    }
}
