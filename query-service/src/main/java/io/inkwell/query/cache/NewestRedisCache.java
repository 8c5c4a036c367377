package io.inkwell.query.cache;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.Callable;
import org.springframework.data.redis.cache.RedisCache;
import org.springframework.data.redis.cache.RedisCacheConfiguration;
import org.springframework.data.redis.cache.RedisCacheWriter;
import org.springframework.data.redis.connection.RedisConnection;
import org.springframework.data.redis.connection.RedisConnectionFactory;
import org.springframework.data.redis.connection.ReturnType;

/**
 * A cache in Redis, shared by every instance, that never replaces a version with an older one: the store
 * compares versions inside Redis, in one script, so a reader on one instance that loaded version n cannot
 * overwrite version n+1 that the projection on another instance stored after its commit.
 */
final class NewestRedisCache extends RedisCache {

    // Stores ARGV[1] unless the entry holds a version at least as new as ARGV[2]; the entry expires after ARGV[3] ms.
    private static final byte[] KEEP_NEWEST = """
            local cached = redis.call('GET', KEYS[1])
            if cached then
              local ok, value = pcall(cjson.decode, cached)
              if ok and type(value) == 'table' and tonumber(value['version']) and
                 tonumber(value['version']) >= tonumber(ARGV[2]) then
                return 0
              end
            end
            redis.call('SET', KEYS[1], ARGV[1], 'PX', ARGV[3])
            return 1""".getBytes(StandardCharsets.UTF_8);

    private final RedisConnectionFactory connections;
    private final Duration ttl;

    NewestRedisCache(String name, RedisCacheWriter writer, RedisCacheConfiguration configuration,
                     RedisConnectionFactory connections, Duration ttl) {
        super(name, writer, configuration);
        this.connections = connections;
        this.ttl = ttl;
    }

    @Override
    public void put(Object key, Object value) {
        if (!(value instanceof Versioned versioned)) {
            super.put(key, value);
            return;
        }
        byte[] cacheKey = serializeCacheKey(createCacheKey(key));
        byte[] cacheValue = serializeCacheValue(value);
        try (RedisConnection connection = connections.getConnection()) {
            connection.scriptingCommands().eval(KEEP_NEWEST, ReturnType.INTEGER, 1, cacheKey, cacheValue,
                    ascii(versioned.version()), ascii(ttl.toMillis()));
        }
    }

    /** Loads on a miss and stores what it loaded unless a newer version is there by then; null is not stored. */
    @Override
    @SuppressWarnings("unchecked")
    public <T> T get(Object key, Callable<T> valueLoader) {
        ValueWrapper hit = get(key);
        if (hit != null) {
            return (T) hit.get();
        }
        T value = Loads.call(key, valueLoader);
        if (value != null) {
            put(key, value);
        }
        return value;
    }

    private static byte[] ascii(long number) {
        return Long.toString(number).getBytes(StandardCharsets.US_ASCII);
    }
}
