package io.inkwell.support.ratelimit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockFilterChain;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;

class RateLimitFilterTest {

    private final SimpleMeterRegistry meters = new SimpleMeterRegistry();
    private final RateLimitFilter filter = new RateLimitFilter(new RateLimitProperties(true, Duration.ofSeconds(2),
            Map.of("search", new RateLimitProperties.Budget(3, 5)), null), meters);

    @AfterEach
    void forgetTheCaller() {
        SecurityContextHolder.clearContext();
        filter.destroy();
    }

    @Test
    void answers429WithRetryAfterOnceTheBudgetIsSpentAndRecoversAsItRefills() throws Exception {
        for (int i = 0; i < 3; i++) {
            assertThat(search("10.0.0.1").getStatus()).isEqualTo(200);
        }
        MockHttpServletResponse refused = search("10.0.0.1");
        assertThat(refused.getStatus()).isEqualTo(429);
        assertThat(refused.getHeader("Retry-After")).isEqualTo("1");
        assertThat(refused.getHeader("RateLimit-Remaining")).isEqualTo("0");
        assertThat(refused.getContentType()).isEqualTo("application/problem+json");
        assertThat(refused.getContentAsString()).contains("rate-limited");
        await().atMost(Duration.ofSeconds(3)).until(() -> search("10.0.0.1").getStatus() == 200);
    }

    @Test
    void countsEachAddressOnItsOwn() throws Exception {
        for (int i = 0; i < 3; i++) {
            search("10.0.0.2");
        }
        assertThat(search("10.0.0.2").getStatus()).isEqualTo(429);
        assertThat(search("10.0.0.3").getStatus()).isEqualTo(200);
    }

    @Test
    void givesAnAuthenticatedCallerTheLargerBudgetOfTheirSubject() throws Exception {
        Jwt jwt = Jwt.withTokenValue("t").header("alg", "RS256").issuer("https://issuer.test").subject("reader-1").build();
        SecurityContextHolder.getContext().setAuthentication(new JwtAuthenticationToken(jwt));
        MockHttpServletResponse first = search("10.0.0.4");
        assertThat(first.getHeader("RateLimit-Limit")).isEqualTo("5");
        for (int i = 0; i < 4; i++) {
            assertThat(search("10.0.0.5").getStatus()).isEqualTo(200);
        }
        assertThat(search("10.0.0.6").getStatus()).isEqualTo(429);
    }

    @Test
    void countsEachRefusalByGroupAndKindOfCaller() throws Exception {
        for (int i = 0; i < 5; i++) {
            search("10.0.0.7");
        }
        assertThat(meters.get("inkwell.rate.limit.refusals").tag("group", "search").tag("caller", "anonymous")
                .counter().count()).isEqualTo(2);
    }

    @Test
    void leavesEverythingButTheApiAlone() throws Exception {
        MockHttpServletRequest health = new MockHttpServletRequest("GET", "/actuator/health");
        MockHttpServletResponse response = new MockHttpServletResponse();
        filter.doFilter(health, response, new MockFilterChain());
        assertThat(response.getHeader("RateLimit-Limit")).isNull();
    }

    private MockHttpServletResponse search(String address) throws Exception {
        MockHttpServletRequest request = new MockHttpServletRequest("GET", "/api/v1/search/posts");
        request.setRemoteAddr(address);
        MockHttpServletResponse response = new MockHttpServletResponse();
        filter.doFilter(request, response, new MockFilterChain());
        return response;
    }
}
