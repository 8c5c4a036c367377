package io.inkwell.support.ratelimit;

import static org.assertj.core.api.Assertions.assertThat;

import io.inkwell.testing.TestRedis;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockFilterChain;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;

/** With Redis configured, two instances of a service draw from one budget per caller. */
class SharedBudgetsIT {

    @Test
    void twoInstancesShareOneBudgetThroughRedis() throws Exception {
        RateLimitProperties properties = new RateLimitProperties(true, Duration.ofMinutes(1),
                Map.of("write", new RateLimitProperties.Budget(4, 4)), TestRedis.get().uri());
        RateLimitFilter first = new RateLimitFilter(properties);
        RateLimitFilter second = new RateLimitFilter(properties);
        try {
            String address = "10.9.8." + (int) (Math.random() * 250);
            assertThat(write(first, address).getStatus()).isEqualTo(200);
            assertThat(write(second, address).getStatus()).isEqualTo(200);
            assertThat(write(first, address).getStatus()).isEqualTo(200);
            assertThat(write(second, address).getHeader("RateLimit-Remaining")).isEqualTo("0");
            MockHttpServletResponse refused = write(first, address);
            assertThat(refused.getStatus()).isEqualTo(429);
            assertThat(refused.getHeader("Retry-After")).isNotBlank();
        } finally {
            first.destroy();
            second.destroy();
        }
    }

    @Test
    void twoInstancesShareOneGraphQlCostBudgetThroughRedis() {
        RateLimitProperties properties = new RateLimitProperties(true, Duration.ofMinutes(1),
                Map.of("graphql", new RateLimitProperties.Budget(100, 100)), TestRedis.get().uri());
        try (RateLimiter first = new RateLimiter(properties); RateLimiter second = new RateLimiter(properties)) {
            Payer payer = new Payer("sub:shared|" + System.nanoTime(), false);
            assertThat(first.spendOnGraphQl(payer, 60).remaining()).isEqualTo(40);
            Spending refused = second.spendOnGraphQl(payer, 60);
            assertThat(refused.allowed()).isFalse();
            assertThat(refused.retryAfterSeconds()).isPositive();
            assertThat(second.spendOnGraphQl(payer, 40).allowed()).as("all or nothing: the refused 60 were not spent").isTrue();
        }
    }

    private static MockHttpServletResponse write(RateLimitFilter filter, String address) throws Exception {
        MockHttpServletRequest request = new MockHttpServletRequest("POST", "/api/v1/posts");
        request.setRemoteAddr(address);
        MockHttpServletResponse response = new MockHttpServletResponse();
        filter.doFilter(request, response, new MockFilterChain());
        return response;
    }
}
