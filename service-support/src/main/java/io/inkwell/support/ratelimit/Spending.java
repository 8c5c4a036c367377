package io.inkwell.support.ratelimit;

import java.util.function.BiConsumer;

/**
 * The outcome of spending from a budget, and the RateLimit headers that tell the caller about it.
 *
 * @param allowed           whether the units were spent (otherwise nothing was)
 * @param units             how many units were asked for
 * @param retryAfterSeconds when asking again may succeed (only meaningful when not allowed)
 */
public record Spending(boolean allowed, long units, long limit, long remaining, long resetSeconds,
                       long retryAfterSeconds, long periodSeconds) {

    public void headers(BiConsumer<String, String> header) {
        header.accept("RateLimit-Limit", Long.toString(limit));
        header.accept("RateLimit-Remaining", Long.toString(remaining));
        header.accept("RateLimit-Reset", Long.toString(resetSeconds));
        header.accept("RateLimit-Policy", limit + ";w=" + periodSeconds);
        if (!allowed) {
            header.accept("Retry-After", Long.toString(retryAfterSeconds));
        }
    }
}
