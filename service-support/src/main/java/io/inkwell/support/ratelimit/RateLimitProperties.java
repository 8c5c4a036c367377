package io.inkwell.support.ratelimit;

import java.time.Duration;
import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Request budgets per caller: {@code inkwell.rate-limit.*}. Authenticated callers are counted by token
 * subject, anonymous ones by address; each endpoint group has its own budgets per {@code period}.
 *
 * @param redisUri when set (for example {@code redis://redis:6379}), budgets are shared by all instances
 */
@ConfigurationProperties("inkwell.rate-limit")
public record RateLimitProperties(Boolean enabled, Duration period, Map<String, Budget> groups, String redisUri) {

    public RateLimitProperties {
        enabled = enabled == null || enabled;
        period = period == null ? Duration.ofMinutes(1) : period;
        groups = groups == null ? Map.of() : Map.copyOf(groups);
    }

    /** Requests per period for anonymous and for authenticated callers. */
    public record Budget(long anonymous, long authenticated) {
    }

    Budget budget(RateLimitGroup group) {
        return groups.getOrDefault(group.key(), group.defaults());
    }
}
