package io.inkwell.support.ratelimit;

import io.github.bucket4j.ConsumptionProbe;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.inkwell.support.web.Problem;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Spends one unit of the caller's budget per API request and tells how much is left in the RateLimit
 * headers; an exhausted budget answers 429 with {@code Retry-After}. Runs after authentication, so that
 * a token's subject, not its address, is what is counted.
 */
public class RateLimitFilter extends OncePerRequestFilter {

    private static final Logger log = LoggerFactory.getLogger(RateLimitFilter.class);

    private final RateLimitProperties properties;
    private final Buckets buckets;
    private final MeterRegistry meters;

    public RateLimitFilter(RateLimitProperties properties) {
        this(properties, new SimpleMeterRegistry());
    }

    /** Counts each refusal as {@code inkwell.rate.limit.refusals}, by endpoint group and kind of caller. */
    public RateLimitFilter(RateLimitProperties properties, MeterRegistry meters) {
        this.properties = properties;
        this.buckets = Buckets.of(properties);
        this.meters = meters;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return !properties.enabled() || !request.getRequestURI().startsWith("/api/");
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        RateLimitGroup group = RateLimitGroup.of(request);
        String caller = caller();
        boolean anonymous = caller == null;
        long capacity = anonymous ? properties.budget(group).anonymous() : properties.budget(group).authenticated();
        String key = group.key() + ":" + (anonymous ? "ip:" + request.getRemoteAddr() : "sub:" + caller);
        ConsumptionProbe probe = buckets.bucket(key, capacity).tryConsumeAndReturnRemaining(1);
        long resetSeconds = seconds(probe.getNanosToWaitForReset());
        response.setHeader("RateLimit-Limit", Long.toString(capacity));
        response.setHeader("RateLimit-Remaining", Long.toString(probe.getRemainingTokens()));
        response.setHeader("RateLimit-Reset", Long.toString(resetSeconds));
        response.setHeader("RateLimit-Policy", capacity + ";w=" + properties.period().toSeconds());
        if (probe.isConsumed()) {
            chain.doFilter(request, response);
            return;
        }
        long retryAfter = Math.max(1, seconds(probe.getNanosToWaitForRefill()));
        log.info("Rate limit reached for {} on {} {} (group {})", anonymous ? "address " + request.getRemoteAddr()
                : "subject " + caller, request.getMethod(), request.getRequestURI(), group.key());
        Counter.builder("inkwell.rate.limit.refusals").description("Requests refused with 429 rate-limited")
                .tag("group", group.key()).tag("caller", anonymous ? "anonymous" : "authenticated")
                .register(meters).increment();
        response.setHeader("Retry-After", Long.toString(retryAfter));
        Problem.RATE_LIMITED.write(response, "Too many requests; retry in " + retryAfter + " s");
    }

    @Override
    public void destroy() {
        buckets.close();
    }

    private static String caller() {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        if (authentication instanceof JwtAuthenticationToken token) {
            return token.getToken().getIssuer() + "|" + token.getToken().getSubject();
        }
        return null;
    }

    private static long seconds(long nanos) {
        return (long) Math.ceil(nanos / (double) TimeUnit.SECONDS.toNanos(1));
    }
}
