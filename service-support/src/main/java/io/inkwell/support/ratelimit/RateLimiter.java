package io.inkwell.support.ratelimit;

import io.github.bucket4j.ConsumptionProbe;
import java.util.concurrent.TimeUnit;

/**
 * The callers' budgets, in this process or in Redis. The HTTP filter spends one unit per API request; GraphQL
 * spends what a query costs, once it is known, from the same caller's {@code graphql} budget.
 */
public final class RateLimiter implements AutoCloseable {

    private final RateLimitProperties properties;
    private final Buckets buckets;

    public RateLimiter(RateLimitProperties properties) {
        this.properties = properties;
        this.buckets = Buckets.of(properties);
    }

    boolean enabled() {
        return properties.enabled();
    }

    /** Spends {@code units} of the payer's budget for GraphQL: all of them, or none when too few are left. */
    public Spending spendOnGraphQl(Payer payer, long units) {
        return spend(RateLimitGroup.GRAPHQL, payer, units);
    }

    Spending spend(RateLimitGroup group, Payer payer, long units) {
        RateLimitProperties.Budget budget = properties.budget(group);
        long capacity = payer.anonymous() ? budget.anonymous() : budget.authenticated();
        ConsumptionProbe probe = buckets.bucket(group.key() + ":" + payer.key(), capacity).tryConsumeAndReturnRemaining(units);
        // A cost above the whole budget can never be paid: say when the budget is full again instead.
        long waitNanos = units > capacity ? probe.getNanosToWaitForReset() : probe.getNanosToWaitForRefill();
        return new Spending(probe.isConsumed(), units, capacity, probe.getRemainingTokens(),
                seconds(probe.getNanosToWaitForReset()), Math.max(1, seconds(waitNanos)), properties.period().toSeconds());
    }

    @Override
    public void close() {
        buckets.close();
    }

    private static long seconds(long nanos) {
        return (long) Math.ceil(nanos / (double) TimeUnit.SECONDS.toNanos(1));
    }
}
