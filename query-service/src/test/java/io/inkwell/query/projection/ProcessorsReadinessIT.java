package io.inkwell.query.projection;

import static org.awaitility.Awaitility.await;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import io.inkwell.query.QueryServiceContext;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;

/** query-service is ready while its processors run, and leaves readiness (not liveness) while one is stopped. */
@QueryServiceContext
class ProcessorsReadinessIT {

    @Autowired
    MockMvc mvc;

    @Autowired
    EventProcessingConfiguration processing;

    @Test
    void aStoppedProcessorTakesTheServiceOutOfReadinessUntilItRunsAgain() throws Exception {
        mvc.perform(get("/actuator/health/readiness")).andExpect(status().isOk())
                .andExpect(jsonPath("$.components.processors.status").value("UP"));
        StreamingEventProcessor users = processing.eventProcessor("users", StreamingEventProcessor.class).orElseThrow();
        users.shutDown();
        try {
            mvc.perform(get("/actuator/health/readiness")).andExpect(status().isServiceUnavailable())
                    .andExpect(jsonPath("$.components.processors.status").value("OUT_OF_SERVICE"));
            mvc.perform(get("/actuator/health/liveness")).andExpect(status().isOk());
        } finally {
            users.start();
        }
        await().untilAsserted(() -> mvc.perform(get("/actuator/health/readiness")).andExpect(status().isOk()));
    }
}
