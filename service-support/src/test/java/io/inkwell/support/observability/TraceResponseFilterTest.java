package io.inkwell.support.observability;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.core.Ordered;
import org.springframework.mock.web.MockFilterChain;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;

class TraceResponseFilterTest {

    private static final String TRACEPARENT = "00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01";

    @Test
    void answersWithTheTraceparentOfTheSpanThatServedTheRequest() throws Exception {
        MockHttpServletResponse response = serve(Map.of(TraceContext.TRACEPARENT, TRACEPARENT));

        assertThat(response.getHeader("traceparent")).isEqualTo(TRACEPARENT);
    }

    @Test
    void answersWithoutOneOutsideAnySpan() throws Exception {
        MockHttpServletResponse response = serve(Map.of());

        assertThat(response.containsHeader("traceparent")).isFalse();
    }

    @Test
    void runsInsideSpringsHttpObservationFilterAndBeforeSecurity() {
        int order = new TraceResponseFilter(context(Map.of())).getOrder();
        // ServerHttpObservationFilter runs at HIGHEST_PRECEDENCE + 1, Spring Security's chain at -100.
        assertThat(order).isGreaterThan(Ordered.HIGHEST_PRECEDENCE + 1).isLessThan(-100);
    }

    private static MockHttpServletResponse serve(Map<String, String> current) throws Exception {
        MockHttpServletResponse response = new MockHttpServletResponse();
        MockFilterChain chain = new MockFilterChain();
        new TraceResponseFilter(context(current)).doFilter(new MockHttpServletRequest("GET", "/api/v1/posts"), response, chain);
        assertThat(chain.getRequest()).as("the request went on").isNotNull();
        return response;
    }

    private static TraceContext context(Map<String, String> current) {
        return new TraceContext(null, null) {
            @Override
            public Map<String, String> current() {
                return current;
            }
        };
    }
}
