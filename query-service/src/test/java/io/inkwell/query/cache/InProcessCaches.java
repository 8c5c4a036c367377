package io.inkwell.query.cache;

import java.time.Duration;
import java.util.List;

/**
 * The read model caches as one instance has them (Caffeine, epochs in this process), for unit tests of the
 * features that read through them: built by {@link CacheConfig} as the service builds them.
 */
public final class InProcessCaches {

    private InProcessCaches() {
    }

    public static ReadModelCache of(CachedReadModel... readModels) {
        CacheConfig.Backend backend = new CacheConfig().cacheBackend(
                new CacheSettings(true, null, Duration.ofMinutes(10), 1_000), List.of(readModels));
        return new ReadModelCache(backend.caches(), backend.epochs(), List.of(readModels));
    }
}
