package io.inkwell.query.cache;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import org.springframework.data.redis.core.StringRedisTemplate;

/**
 * Per cache, a number that moves on when all its entries go out of date at once (a rebuilt read model, a
 * change of the tag counts); it is part of every key, so an entry of an older epoch is never read again, even
 * one that a slow reader stores after the epoch moved on. Moving it on happens after the commit, so a reader
 * that sees the new epoch reads the new state.
 */
interface Epochs {

    long current(String cache);

    void advance(String cache);

    /** For one instance: the epochs live in this process. */
    final class Local implements Epochs {

        private final Map<String, AtomicLong> epochs = new ConcurrentHashMap<>();

        @Override
        public long current(String cache) {
            return epochs.computeIfAbsent(cache, name -> new AtomicLong()).get();
        }

        @Override
        public void advance(String cache) {
            epochs.computeIfAbsent(cache, name -> new AtomicLong()).incrementAndGet();
        }
    }

    /** For instances sharing Redis: the epochs live beside the entries. */
    final class Shared implements Epochs {

        private static final String PREFIX = "inkwell:cache-epoch:";

        private final StringRedisTemplate redis;

        Shared(StringRedisTemplate redis) {
            this.redis = redis;
        }

        @Override
        public long current(String cache) {
            String epoch = redis.opsForValue().get(PREFIX + cache);
            return epoch == null ? 0 : Long.parseLong(epoch);
        }

        @Override
        public void advance(String cache) {
            redis.opsForValue().increment(PREFIX + cache);
        }
    }
}
