package io.inkwell.query.projection;

import static io.inkwell.testing.Callers.newIdentity;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import io.inkwell.query.QueryServiceContext;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/**
 * The projection API is for admins only: analysts, moderators and users get 403, anonymous callers 401. The
 * admin's requests name an unknown projection, so that none of them starts a rebuild of a real one.
 */
@QueryServiceContext
class ProjectionAccessIT {

    @Autowired
    MockMvc mvc;

    static Stream<MockHttpServletRequestBuilder> requests() {
        return Stream.of(
                get("/api/v1/admin/projections"),
                get("/api/v1/admin/projections/no-such-projection"),
                post("/api/v1/admin/projections/no-such-projection/rebuild"),
                delete("/api/v1/admin/projections/no-such-projection/rebuild"),
                post("/api/v1/admin/projections/no-such-projection/segments/0/split"),
                post("/api/v1/admin/projections/no-such-projection/segments/0/merge"));
    }

    @ParameterizedTest
    @MethodSource("requests")
    void anonymousCallersAreUnauthorized(MockHttpServletRequestBuilder request) throws Exception {
        mvc.perform(request).andExpect(status().isUnauthorized())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
    }

    @ParameterizedTest
    @MethodSource("requests")
    void everyoneButAdminsIsForbidden(MockHttpServletRequestBuilder request) throws Exception {
        for (String role : new String[] {"analyst", "user", "moderator"}) {
            mvc.perform(request.with(newIdentity(role))).andExpect(status().isForbidden())
                    .andExpect(jsonPath("$.type").value("https://inkwell.example/problems/forbidden"));
        }
    }

    @ParameterizedTest
    @MethodSource("requests")
    void adminsAreLetThrough(MockHttpServletRequestBuilder request) throws Exception {
        // Through to the controller: the list, or an unknown projection's 404.
        int status = mvc.perform(request.with(newIdentity("admin"))).andReturn().getResponse().getStatus();
        assertThat(status).isIn(200, 404);
    }
}
