package io.inkwell.query.cache;

import static org.assertj.core.api.Assertions.assertThat;

import io.inkwell.testing.TestRedis;
import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.data.redis.cache.CacheStatisticsCollector;
import org.springframework.data.redis.cache.RedisCacheConfiguration;
import org.springframework.data.redis.cache.RedisCacheWriter;
import org.springframework.data.redis.connection.lettuce.LettuceConnectionFactory;
import org.springframework.data.redis.serializer.JacksonJsonRedisSerializer;
import org.springframework.data.redis.serializer.RedisSerializationContext.SerializationPair;

/** The version guard inside real Redis: what one instance stores never goes back, whatever another stores later. */
class NewestRedisCacheIT {

    record Post(String id, String title, long version) implements Versioned {
    }

    private final LettuceConnectionFactory connections = connect();
    private final NewestRedisCache cache = new NewestRedisCache("guard-" + UUID.randomUUID(),
            RedisCacheWriter.nonLockingRedisCacheWriter(connections).withStatisticsCollector(CacheStatisticsCollector.create()),
            RedisCacheConfiguration.defaultCacheConfig().entryTtl(Duration.ofMinutes(1)).disableCachingNullValues()
                    .serializeValuesWith(SerializationPair.fromSerializer(new JacksonJsonRedisSerializer<>(Post.class))),
            connections, Duration.ofMinutes(1));

    @AfterEach
    void disconnect() {
        connections.destroy();
    }

    @Test
    void aStoreOfAnOlderVersionLeavesTheNewerOne() {
        cache.put("a", new Post("a", "three", 3));
        cache.put("a", new Post("a", "two", 2));
        assertThat(cache.get("a", Post.class)).isEqualTo(new Post("a", "three", 3));
        cache.put("a", new Post("a", "four", 4));
        assertThat(cache.get("a", Post.class)).isEqualTo(new Post("a", "four", 4));
    }

    /** The read-through race across instances: the projection stores version 2 while a reader still loads 1. */
    @Test
    void aReaderThatLoadedAnOlderVersionCannotReplaceTheNewerOneStoredMeanwhile() {
        Post loaded = cache.get("a", () -> {
            cache.put("a", new Post("a", "committed meanwhile", 2));
            return new Post("a", "loaded before", 1);
        });
        assertThat(loaded.version()).isEqualTo(1);
        assertThat(cache.get("a", Post.class)).isEqualTo(new Post("a", "committed meanwhile", 2));
    }

    @Test
    void aLoadThatFindsNothingStoresNothingAndTheNextReadLoadsAgain() {
        assertThat(cache.get("missing", () -> (Post) null)).isNull();
        assertThat(cache.get("missing")).isNull();
        assertThat(cache.get("missing", () -> new Post("missing", "now", 1))).isEqualTo(new Post("missing", "now", 1));
        assertThat(cache.get("missing", Post.class)).isEqualTo(new Post("missing", "now", 1));
    }

    @Test
    void entriesExpireAsASafetyNet() {
        cache.put("a", new Post("a", "x", 1));
        try (var connection = connections.getConnection()) {
            assertThat(connection.keyCommands().pTtl("%s::a".formatted(cache.getName()).getBytes()))
                    .isBetween(1L, Duration.ofMinutes(1).toMillis());
        }
    }

    private static LettuceConnectionFactory connect() {
        LettuceConnectionFactory factory = new LettuceConnectionFactory(
                LettuceConnectionFactory.createRedisConfiguration(TestRedis.get().uri()));
        factory.afterPropertiesSet();
        factory.start();
        return factory;
    }
}
