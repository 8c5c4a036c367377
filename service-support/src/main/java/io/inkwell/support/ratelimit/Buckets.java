package io.inkwell.support.ratelimit;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.Bucket;
import io.github.bucket4j.BucketConfiguration;
import io.github.bucket4j.distributed.ExpirationAfterWriteStrategy;
import io.github.bucket4j.distributed.proxy.ProxyManager;
import io.github.bucket4j.redis.lettuce.Bucket4jLettuce;
import io.lettuce.core.RedisClient;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.codec.ByteArrayCodec;
import io.lettuce.core.codec.RedisCodec;
import io.lettuce.core.codec.StringCodec;
import java.time.Duration;

/**
 * Where budgets are kept: in this process (buckets in a bounded cache that forgets idle callers), or in
 * Redis so that every instance draws from the same budget.
 */
abstract sealed class Buckets implements AutoCloseable {

    abstract Bucket bucket(String key, long capacity);

    static Buckets of(RateLimitProperties properties) {
        return properties.redisUri() == null || properties.redisUri().isBlank()
                ? new Local(properties.period())
                : new Shared(properties.redisUri(), properties.period());
    }

    static BucketConfiguration configuration(long capacity, Duration period) {
        // Greedy refill: the budget comes back gradually, so a caller who paused is served again soon.
        return BucketConfiguration.builder()
                .addLimit(Bandwidth.builder().capacity(capacity).refillGreedy(capacity, period).build())
                .build();
    }

    @Override
    public void close() {
    }

    static final class Local extends Buckets {

        private final Duration period;
        private final Cache<String, Bucket> buckets;

        Local(Duration period) {
            this.period = period;
            this.buckets = Caffeine.newBuilder().expireAfterAccess(period.multipliedBy(2)).maximumSize(100_000).build();
        }

        @Override
        Bucket bucket(String key, long capacity) {
            return buckets.get(key, k -> Bucket.builder().addLimit(configuration(capacity, period).getBandwidths()[0]).build());
        }
    }

    static final class Shared extends Buckets {

        private final Duration period;
        private final RedisClient client;
        private final StatefulRedisConnection<String, byte[]> connection;
        private final ProxyManager<String> buckets;

        Shared(String redisUri, Duration period) {
            this.period = period;
            this.client = RedisClient.create(redisUri);
            this.connection = client.connect(RedisCodec.of(StringCodec.UTF8, ByteArrayCodec.INSTANCE));
            this.buckets = Bucket4jLettuce.casBasedBuilder(connection)
                    .expirationAfterWrite(ExpirationAfterWriteStrategy.basedOnTimeForRefillingBucketUpToMax(period))
                    .build();
        }

        @Override
        Bucket bucket(String key, long capacity) {
            return buckets.builder().build("inkwell:rate:" + key, () -> configuration(capacity, period));
        }

        @Override
        public void close() {
            connection.close();
            client.shutdown();
        }
    }
}
