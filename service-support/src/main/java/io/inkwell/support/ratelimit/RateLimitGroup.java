package io.inkwell.support.ratelimit;

import jakarta.servlet.http.HttpServletRequest;
import java.util.Set;

/**
 * Endpoint groups with budgets of their own: search costs most, writes more than reads. GraphQL's budget is
 * in units of query cost (a field is 1, a page multiplies what it holds), not in requests.
 */
enum RateLimitGroup {

    SEARCH("search", new RateLimitProperties.Budget(60, 300)),
    WRITE("write", new RateLimitProperties.Budget(30, 120)),
    READ("read", new RateLimitProperties.Budget(300, 1200)),
    GRAPHQL("graphql", new RateLimitProperties.Budget(3000, 12000));

    private static final Set<String> READING = Set.of("GET", "HEAD", "OPTIONS");

    private final String key;
    private final RateLimitProperties.Budget defaults;

    RateLimitGroup(String key, RateLimitProperties.Budget defaults) {
        this.key = key;
        this.defaults = defaults;
    }

    String key() {
        return key;
    }

    RateLimitProperties.Budget defaults() {
        return defaults;
    }

    static RateLimitGroup of(HttpServletRequest request) {
        if (!READING.contains(request.getMethod())) {
            return WRITE;
        }
        return request.getRequestURI().startsWith("/api/v1/search/") ? SEARCH : READ;
    }
}
