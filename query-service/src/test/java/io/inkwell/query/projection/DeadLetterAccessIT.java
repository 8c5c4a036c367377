package io.inkwell.query.projection;

import static io.inkwell.testing.Callers.newIdentity;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import io.inkwell.query.QueryServiceContext;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/** The dead-letter API is for admins only: analysts and users get 403, anonymous callers 401. */
@QueryServiceContext
class DeadLetterAccessIT {

    @Autowired
    MockMvc mvc;

    static Stream<MockHttpServletRequestBuilder> requests() {
        String unknown = UUID.randomUUID().toString();
        return Stream.of(
                get("/api/v1/admin/dead-letters"),
                get("/api/v1/admin/dead-letters/" + unknown),
                post("/api/v1/admin/dead-letters/" + unknown + "/retry"),
                post("/api/v1/admin/dead-letters/retry?processingGroup=posts"),
                delete("/api/v1/admin/dead-letters/" + unknown + "?reason=test"));
    }

    @ParameterizedTest
    @MethodSource("requests")
    void anonymousCallersAreUnauthorized(MockHttpServletRequestBuilder request) throws Exception {
        mvc.perform(request).andExpect(status().isUnauthorized())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
    }

    @ParameterizedTest
    @MethodSource("requests")
    void analystsAndUsersAreForbidden(MockHttpServletRequestBuilder request) throws Exception {
        for (String role : new String[] {"analyst", "user", "moderator"}) {
            mvc.perform(request.with(newIdentity(role))).andExpect(status().isForbidden())
                    .andExpect(jsonPath("$.type").value("https://inkwell.example/problems/forbidden"));
        }
    }

    @ParameterizedTest
    @MethodSource("requests")
    void adminsAreLetThrough(MockHttpServletRequestBuilder request) throws Exception {
        // Through to the controller: a list, an unknown id's 404, or a group retry.
        int status = mvc.perform(request.with(newIdentity("admin"))).andReturn().getResponse().getStatus();
        org.assertj.core.api.Assertions.assertThat(status).isIn(200, 404);
    }
}
