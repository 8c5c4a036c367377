package io.inkwell.support.web;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.servlet.http.HttpServletResponse;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;

class EmptyErrorFilterTest {

    private final EmptyErrorFilter filter = new EmptyErrorFilter();

    @Test
    void givesABodilessErrorItsProblem() throws Exception {
        MockHttpServletResponse response = run("GET", (request, answer) -> ((HttpServletResponse) answer).setStatus(404));
        assertThat(response.getStatus()).isEqualTo(404);
        assertThat(response.getContentType()).isEqualTo("application/problem+json");
        assertThat(response.getContentAsString()).contains("/problems/not-found", "\"status\":404");
    }

    @Test
    void leavesAnswersThatHaveABodyOrNeedNoneAlone() throws Exception {
        MockHttpServletResponse written = run("GET", (request, answer) -> {
            ((HttpServletResponse) answer).setStatus(409);
            answer.getWriter().write("{\"type\":\"mine\"}");
        });
        assertThat(written.getContentAsString()).isEqualTo("{\"type\":\"mine\"}");
        assertThat(run("GET", (request, answer) -> ((HttpServletResponse) answer).setStatus(204))
                .getContentAsString()).isEmpty();
        assertThat(run("HEAD", (request, answer) -> ((HttpServletResponse) answer).setStatus(404))
                .getContentAsString()).isEmpty();
    }

    private MockHttpServletResponse run(String method, jakarta.servlet.FilterChain chain) throws Exception {
        MockHttpServletResponse response = new MockHttpServletResponse();
        filter.doFilter(new MockHttpServletRequest(method, "/actuator/health/x"), response,
                chain);
        return response;
    }
}
