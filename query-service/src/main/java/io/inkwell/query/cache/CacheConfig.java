package io.inkwell.query.cache;

import com.github.benmanes.caffeine.cache.Caffeine;
import java.util.List;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.cache.Cache;
import org.springframework.cache.CacheManager;
import org.springframework.cache.support.NoOpCacheManager;
import org.springframework.cache.support.SimpleCacheManager;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.data.redis.cache.CacheStatisticsCollector;
import org.springframework.data.redis.cache.RedisCacheConfiguration;
import org.springframework.data.redis.cache.RedisCacheWriter;
import org.springframework.data.redis.connection.lettuce.LettuceConnectionFactory;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.data.redis.serializer.JacksonJsonRedisSerializer;
import org.springframework.data.redis.serializer.RedisSerializationContext.SerializationPair;

/**
 * The caches the features declare ({@link CachedReadModel}): in Redis when {@code inkwell.cache.redis-uri} is
 * set, in this process otherwise, none when {@code inkwell.cache.enabled} is false. Each counts its hits and
 * misses, which Spring Boot publishes as {@code cache.gets}.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(CacheSettings.class)
class CacheConfig {

    @Bean
    Backend cacheBackend(CacheSettings settings, List<CachedReadModel> readModels) {
        List<CachedReadModel.Entry> entries = readModels.stream().flatMap(model -> model.caches().stream()).toList();
        if (!settings.enabled()) {
            return new Backend(new NoOpCacheManager(), new Epochs.Local(), null);
        }
        if (!settings.shared()) {
            return new Backend(managerOf(entries.stream().<Cache>map(entry -> new NewestCaffeineCache(entry.name(),
                    Caffeine.newBuilder().recordStats().maximumSize(settings.maximumSize())
                            .expireAfterWrite(settings.ttl()).build())).toList()), new Epochs.Local(), null);
        }
        LettuceConnectionFactory connections = new LettuceConnectionFactory(
                LettuceConnectionFactory.createRedisConfiguration(settings.redisUri()));
        connections.afterPropertiesSet();
        connections.start();
        RedisCacheWriter writer = RedisCacheWriter.nonLockingRedisCacheWriter(connections)
                .withStatisticsCollector(CacheStatisticsCollector.create());
        List<Cache> caches = entries.stream().<Cache>map(entry -> new NewestRedisCache(entry.name(), writer,
                RedisCacheConfiguration.defaultCacheConfig().entryTtl(settings.ttl()).disableCachingNullValues()
                        .serializeValuesWith(SerializationPair.fromSerializer(
                                new JacksonJsonRedisSerializer<>(entry.valueType()))),
                connections, settings.ttl())).toList();
        return new Backend(managerOf(caches), new Epochs.Shared(new StringRedisTemplate(connections)), connections);
    }

    @Bean
    CacheManager cacheManager(Backend backend) {
        return backend.caches();
    }

    @Bean
    Epochs cacheEpochs(Backend backend) {
        return backend.epochs();
    }

    private static CacheManager managerOf(List<Cache> caches) {
        SimpleCacheManager manager = new SimpleCacheManager();
        manager.setCaches(caches);
        manager.afterPropertiesSet();
        return manager;
    }

    /** The caches, their epochs and, for Redis, the connections that the context closes at shutdown. */
    record Backend(CacheManager caches, Epochs epochs, LettuceConnectionFactory connections) implements AutoCloseable {

        @Override
        public void close() {
            if (connections != null) {
                connections.destroy();
            }
        }
    }
}
