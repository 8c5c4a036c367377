package io.inkwell.query.cache;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.springframework.data.redis.cache.CacheStatistics;
import org.springframework.data.redis.cache.CacheStatisticsCollector;
import org.springframework.data.redis.cache.RedisCacheConfiguration;
import org.springframework.data.redis.cache.RedisCacheWriter;
import org.springframework.data.redis.serializer.JacksonJsonRedisSerializer;
import org.springframework.data.redis.serializer.RedisSerializationContext.SerializationPair;

/**
 * The read-through of the Redis cache on values without a version (slugs, tag counts), in memory. The store of a
 * versioned value compares versions inside Redis, in Lua: only a real Redis can judge it (NewestRedisCacheIT).
 */
class NewestRedisCacheTest {

    private final InMemoryWriter redis = new InMemoryWriter();
    // No connections: a value without a version is written through the cache writer, never by the script.
    private final NewestRedisCache cache = new NewestRedisCache("post-slugs", redis,
            RedisCacheConfiguration.defaultCacheConfig().disableCachingNullValues()
                    .serializeValuesWith(SerializationPair.fromSerializer(new JacksonJsonRedisSerializer<>(String.class))),
            null, Duration.ofMinutes(10));
    private final AtomicInteger loads = new AtomicInteger();

    @Test
    void aMissLoadsAndStoresWhatItFoundAndTheNextReadIsAHit() {
        assertThat(cache.get("slug-a", () -> load("post-a"))).isEqualTo("post-a");
        assertThat(cache.get("slug-a", () -> load("post-b"))).isEqualTo("post-a");

        assertThat(loads).hasValue(1);
        assertThat(redis.entries).hasSize(1);
    }

    @Test
    void aLoadThatFindsNothingStoresNothing() {
        assertThat(cache.get("slug-a", () -> load(null))).isNull();
        assertThat(cache.get("slug-a", () -> load("post-a"))).isEqualTo("post-a");

        assertThat(loads).hasValue(2);
    }

    @Test
    void aValueWithoutAVersionIsSimplyReplaced() {
        cache.put("slug-a", "post-a");
        cache.put("slug-a", "post-b");

        assertThat(cache.get("slug-a", String.class)).isEqualTo("post-b");
    }

    private String load(String value) {
        loads.incrementAndGet();
        return value;
    }

    /** Redis as a map, for the plain gets and sets that RedisCache sends. */
    private static final class InMemoryWriter implements RedisCacheWriter {

        final Map<String, byte[]> entries = new ConcurrentHashMap<>();

        @Override
        public byte[] get(String name, byte[] key) {
            return entries.get(keyOf(key));
        }

        @Override
        public byte[] get(String name, byte[] key, Duration ttl) {
            return get(name, key);
        }

        @Override
        public CompletableFuture<byte[]> retrieve(String name, byte[] key, Duration ttl) {
            return CompletableFuture.completedFuture(get(name, key));
        }

        @Override
        public void put(String name, byte[] key, byte[] value, Duration ttl) {
            entries.put(keyOf(key), value);
        }

        @Override
        public CompletableFuture<Void> store(String name, byte[] key, byte[] value, Duration ttl) {
            put(name, key, value, ttl);
            return CompletableFuture.completedFuture(null);
        }

        @Override
        public byte[] putIfAbsent(String name, byte[] key, byte[] value, Duration ttl) {
            return entries.putIfAbsent(keyOf(key), value);
        }

        @Override
        public void evict(String name, byte[] key) {
            entries.remove(keyOf(key));
        }

        @Override
        public void clear(String name, byte[] pattern) {
            entries.clear();
        }

        @Override
        public void clearStatistics(String name) {
        }

        @Override
        public RedisCacheWriter withStatisticsCollector(CacheStatisticsCollector collector) {
            return this;
        }

        @Override
        public CacheStatistics getCacheStatistics(String cacheName) {
            return CacheStatisticsCollector.none().getCacheStatistics(cacheName);
        }

        // The key RedisCache serialized names its cache already (post-slugs::slug-a).
        private static String keyOf(byte[] key) {
            return new String(key, StandardCharsets.UTF_8);
        }
    }
}
