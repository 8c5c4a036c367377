package io.inkwell.query.cache;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The read model caches.
 *
 * @param enabled     off, every read goes to PostgreSQL (to measure what the cache buys)
 * @param redisUri    when set (for example {@code redis://redis:6379}), the caches live in Redis and every
 *                    instance shares them; otherwise in this process (Caffeine), right only for one instance
 * @param ttl         a safety net only: entries are replaced or made unreachable by the events that change them
 * @param maximumSize per cache, in this process
 */
@ConfigurationProperties("inkwell.cache")
record CacheSettings(@DefaultValue("true") boolean enabled, String redisUri, @DefaultValue("10m") Duration ttl,
                     @DefaultValue("50000") long maximumSize) {

    boolean shared() {
        return redisUri != null && !redisUri.isBlank();
    }
}
