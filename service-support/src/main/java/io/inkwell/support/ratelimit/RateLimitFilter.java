package io.inkwell.support.ratelimit;

import io.inkwell.support.web.Problem;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Spends one unit of the caller's budget per API request and tells how much is left in the RateLimit
 * headers; an exhausted budget answers 429 with {@code Retry-After}. Runs after authentication, so that
 * a token's subject, not its address, is what is counted. A GraphQL request is not charged here: one
 * query may cost a hundred times another, so it pays its computed cost when it is about to run (see
 * {@code io.inkwell.support.graphql}); the filter only names the payer.
 */
public class RateLimitFilter extends OncePerRequestFilter {

    public static final String GRAPHQL_PATH = "/graphql";
    private static final Logger log = LoggerFactory.getLogger(RateLimitFilter.class);

    private final RateLimiter limiter;
    private final boolean ownsLimiter;
    private final MeterRegistry meters;

    /** Counts each refusal as {@code inkwell.rate.limit.refusals}, by endpoint group and kind of caller. */
    public RateLimitFilter(RateLimiter limiter, MeterRegistry meters) {
        this(limiter, false, meters);
    }

    public RateLimitFilter(RateLimiter limiter) {
        this(limiter, false, new SimpleMeterRegistry());
    }

    /** A filter with budgets of its own, closed with it. */
    public RateLimitFilter(RateLimitProperties properties, MeterRegistry meters) {
        this(new RateLimiter(properties), true, meters);
    }

    public RateLimitFilter(RateLimitProperties properties) {
        this(properties, new SimpleMeterRegistry());
    }

    private RateLimitFilter(RateLimiter limiter, boolean ownsLimiter, MeterRegistry meters) {
        this.limiter = limiter;
        this.ownsLimiter = ownsLimiter;
        this.meters = meters;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return !limiter.enabled()
                || !(request.getRequestURI().startsWith("/api/") || request.getRequestURI().equals(GRAPHQL_PATH));
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        Payer payer = Payer.of(request);
        if (request.getRequestURI().equals(GRAPHQL_PATH)) {
            request.setAttribute(Payer.ATTRIBUTE, payer);
            chain.doFilter(request, response);
            return;
        }
        RateLimitGroup group = RateLimitGroup.of(request);
        Spending spending = limiter.spend(group, payer, 1);
        spending.headers(response::setHeader);
        if (spending.allowed()) {
            chain.doFilter(request, response);
            return;
        }
        log.info("Rate limit reached for {} on {} {} (group {})", payer.key(), request.getMethod(),
                request.getRequestURI(), group.key());
        Counter.builder("inkwell.rate.limit.refusals").description("Requests refused with 429 rate-limited")
                .tag("group", group.key()).tag("caller", payer.anonymous() ? "anonymous" : "authenticated")
                .register(meters).increment();
        Problem.RATE_LIMITED.write(response, "Too many requests; retry in " + spending.retryAfterSeconds() + " s");
    }

    @Override
    public void destroy() {
        if (ownsLimiter) {
            limiter.close();
        }
    }
}
