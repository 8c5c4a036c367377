package io.inkwell.query.cache;

import com.github.benmanes.caffeine.cache.Cache;
import java.util.concurrent.Callable;
import org.springframework.cache.caffeine.CaffeineCache;

/**
 * A cache in this process that never replaces a version with an older one. A miss loads inside Caffeine's
 * atomic computation of the key, so a projection's store of a newer version waits for that load and then
 * replaces what it loaded: a reader that loaded version n just before n+1 was committed cannot leave n behind.
 */
final class NewestCaffeineCache extends CaffeineCache {

    NewestCaffeineCache(String name, Cache<Object, Object> cache) {
        super(name, cache, false);
    }

    @Override
    public void put(Object key, Object value) {
        getNativeCache().asMap().merge(key, value, Versioned::newer);
    }

    /** Loads on a miss; nothing is stored for a load that finds nothing (null). */
    @Override
    @SuppressWarnings("unchecked")
    public <T> T get(Object key, Callable<T> valueLoader) {
        return (T) getNativeCache().get(key, k -> Loads.call(k, valueLoader));
    }
}
