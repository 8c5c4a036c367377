package io.inkwell.query;

import static org.hamcrest.Matchers.hasKey;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;

@QueryServiceContext
class ApplicationStartsIT {

    @Autowired
    MockMvc mvc;

    @Test
    void reportsHealthyWithoutAToken() throws Exception {
        mvc.perform(get("/actuator/health")).andExpect(status().isOk()).andExpect(jsonPath("$.status").value("UP"));
    }

    @Test
    void documentsEveryEndpointWithItsSecuritySchemes() throws Exception {
        mvc.perform(get("/v3/api-docs")).andExpect(status().isOk())
                .andExpect(jsonPath("$.paths", hasKey("/api/v1/posts")))
                .andExpect(jsonPath("$.paths", hasKey("/api/v1/posts/by-slug/{slug}")))
                .andExpect(jsonPath("$.paths", hasKey("/api/v1/search/posts")))
                .andExpect(jsonPath("$.paths", hasKey("/api/v1/users/{id}")))
                .andExpect(jsonPath("$.paths", hasKey("/api/v1/tags")))
                .andExpect(jsonPath("$.components.securitySchemes", hasKey("keycloak")));
        mvc.perform(get("/swagger-ui/index.html")).andExpect(status().isOk());
    }
}
