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
        MockFilterChain chain = new MockFilterChain();
        filter.doFilter(health, response, chain);
        assertThat(chain.getRequest()).isNotNull();
        assertThat(response.getHeader("RateLimit-Limit")).isNull();
    }

    @Test
    void countsEachSignedInCallerOnTheirOwnWhateverTheirAddress() throws Exception {
        signIn("reader-a");
        for (int i = 0; i < 5; i++) {
            assertThat(search("10.0.1.1").getStatus()).isEqualTo(200);
        }
        assertThat(search("10.0.1.2").getStatus()).isEqualTo(429);

        signIn("reader-b");
        assertThat(search("10.0.1.1").getStatus()).isEqualTo(200);
        assertThat(search("10.0.1.1").getHeader("RateLimit-Remaining")).isEqualTo("3");
    }

    @Test
    void tellsThePolicyAndWhatIsLeftOnEveryAnswer() throws Exception {
        MockHttpServletResponse first = search("10.0.2.1");

        assertThat(first.getHeader("RateLimit-Limit")).isEqualTo("3");
        assertThat(first.getHeader("RateLimit-Remaining")).isEqualTo("2");
        assertThat(first.getHeader("RateLimit-Policy")).isEqualTo("3;w=2");
        assertThat(first.getHeader("RateLimit-Reset")).isEqualTo("1");
        assertThat(first.getHeader("Retry-After")).isNull();
    }

    @Test
    void givesEachGroupTheBudgetsTheReadmePromisesUnlessConfigured() throws Exception {
        RateLimitFilter defaults = new RateLimitFilter(new RateLimitProperties(null, null, null, null));
        try {
            assertThat(policy(defaults, "GET", "/api/v1/search/posts", false)).isEqualTo("60;w=60");
            assertThat(policy(defaults, "GET", "/api/v1/search/posts", true)).isEqualTo("300;w=60");
            assertThat(policy(defaults, "POST", "/api/v1/posts", false)).isEqualTo("30;w=60");
            assertThat(policy(defaults, "DELETE", "/api/v1/posts/p-1", true)).isEqualTo("120;w=60");
            assertThat(policy(defaults, "GET", "/api/v1/posts", false)).isEqualTo("300;w=60");
            assertThat(policy(defaults, "HEAD", "/api/v1/posts", true)).isEqualTo("1200;w=60");
            assertThat(policy(defaults, "OPTIONS", "/api/v1/users", true)).isEqualTo("1200;w=60");
            // Writing to a search path is a write, not a search.
            assertThat(policy(defaults, "POST", "/api/v1/search/posts", false)).isEqualTo("30;w=60");
        } finally {
            defaults.destroy();
        }
    }

    @Test
    void keepsTheBudgetsInThisProcessWhenNoRedisIsNamed() throws Exception {
        RateLimitFilter local = new RateLimitFilter(new RateLimitProperties(null, null, null, "  "));
        try {
            assertThat(policy(local, "GET", "/api/v1/posts", false)).isEqualTo("300;w=60");
        } finally {
            local.destroy();
        }
    }

    @Test
    void countsNothingWhenSwitchedOff() throws Exception {
        RateLimitFilter off = new RateLimitFilter(new RateLimitProperties(false, null, null, null));
        try {
            for (int i = 0; i < 70; i++) {
                MockHttpServletResponse response = new MockHttpServletResponse();
                MockFilterChain chain = new MockFilterChain();
                off.doFilter(request("GET", "/api/v1/search/posts", "10.0.3.1"), response, chain);
                assertThat(chain.getRequest()).isNotNull();
                assertThat(response.getHeader("RateLimit-Limit")).isNull();
            }
        } finally {
            off.destroy();
        }
    }

    private String policy(RateLimitFilter filter, String method, String path, boolean signedIn) throws Exception {
        if (signedIn) {
            signIn("policy-reader");
        } else {
            SecurityContextHolder.clearContext();
        }
        MockHttpServletResponse response = new MockHttpServletResponse();
        MockFilterChain chain = new MockFilterChain();
        filter.doFilter(request(method, path, "10.0.4.1"), response, chain);
        assertThat(chain.getRequest()).as("the request went on").isNotNull();
        assertThat(response.getHeader("RateLimit-Limit")).isEqualTo(response.getHeader("RateLimit-Policy").split(";")[0]);
        return response.getHeader("RateLimit-Policy");
    }

    private static void signIn(String subject) {
        Jwt jwt = Jwt.withTokenValue("t").header("alg", "RS256").issuer("https://issuer.test").subject(subject).build();
        SecurityContextHolder.getContext().setAuthentication(new JwtAuthenticationToken(jwt));
    }

    private static MockHttpServletRequest request(String method, String path, String address) {
        MockHttpServletRequest request = new MockHttpServletRequest(method, path);
        request.setRemoteAddr(address);
        return request;
    }

    /** Also checks that a request within its budget goes on to the endpoint and a refused one does not. */
    private MockHttpServletResponse search(String address) throws Exception {
        MockHttpServletResponse response = new MockHttpServletResponse();
        MockFilterChain chain = new MockFilterChain();
        filter.doFilter(request("GET", "/api/v1/search/posts", address), response, chain);
        if (response.getStatus() == 429) {
            assertThat(chain.getRequest()).as("a refused request must not reach the endpoint").isNull();
        } else {
            assertThat(chain.getRequest()).as("a request within its budget must reach the endpoint").isNotNull();
        }
        return response;
    }
}
