package io.inkwell.query.cache;

import io.inkwell.query.projection.ReadModelReplaced;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.cache.Cache;
import org.springframework.cache.CacheManager;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Cache-aside for the read models, kept right by the projections rather than by time: after a projection's
 * transaction commits, it stores the states it wrote (an entry is never replaced by an older version, see
 * {@link Versioned}), and moves on the epoch of a cache whose entries all went out of date at once. Readers
 * load on a miss and store what they loaded, which can then only lose against a newer version.
 * <p>
 * It caches read models, never an answer for one viewer: who may see a draft or an email is decided after.
 * When the cache itself fails (Redis out of reach), reads go to PostgreSQL.
 */
@Component
public class ReadModelCache {

    private static final Logger log = LoggerFactory.getLogger(ReadModelCache.class);
    private static final String PENDING = ReadModelCache.class.getName() + "/pending";

    private final CacheManager caches;
    private final Epochs epochs;
    private final Map<String, List<String>> cachesByReadModel;

    ReadModelCache(CacheManager caches, Epochs epochs, List<CachedReadModel> readModels) {
        this.caches = caches;
        this.epochs = epochs;
        // Two features may cache the same read model: a rebuild retires the caches of both.
        this.cachesByReadModel = readModels.stream().collect(Collectors.toMap(CachedReadModel::readModel,
                model -> model.caches().stream().map(CachedReadModel.Entry::name).toList(),
                (some, more) -> Stream.concat(some.stream(), more.stream()).toList()));
    }

    /** The cached value, or what {@code load} finds, which is then cached; empty is not cached. */
    public <T> Optional<T> read(String cacheName, String key, Supplier<Optional<T>> load) {
        Cache cache = caches.getCache(cacheName);
        String cacheKey;
        try {
            cacheKey = epochs.current(cacheName) + ":" + key;
        } catch (RuntimeException e) {
            return unavailable(cacheName, e, load);
        }
        try {
            return Optional.ofNullable(cache.get(cacheKey, () -> {
                try {
                    return load.get().orElse(null);
                } catch (RuntimeException failed) {
                    throw new LoadFailed(failed);
                }
            }));
        } catch (LoadFailed e) {
            throw e.failure;
        } catch (Cache.ValueRetrievalException e) {
            if (e.getCause() instanceof LoadFailed failed) {
                throw failed.failure;
            }
            return unavailable(cacheName, e, load);
        } catch (RuntimeException e) {
            return unavailable(cacheName, e, load);
        }
    }

    /**
     * The values of {@code keys} that the cache or the read model has: the cached ones, and all the others from one
     * call of {@code loadMissing}, which are then cached (under the epoch they were read in, and never over a newer
     * version). A page of posts finds its authors this way: hits cost nothing, misses one query together.
     */
    public <T extends Versioned> Map<String, T> readAll(String cacheName, Collection<String> keys, Class<T> type,
                                                        Function<Collection<String>, Map<String, T>> loadMissing) {
        Cache cache = caches.getCache(cacheName);
        long epoch;
        Map<String, T> found = new HashMap<>();
        List<String> missing = new ArrayList<>();
        try {
            epoch = epochs.current(cacheName);
            for (String key : keys) {
                T cached = cache.get(epoch + ":" + key, type);
                if (cached == null) {
                    missing.add(key);
                } else {
                    found.put(key, cached);
                }
            }
        } catch (RuntimeException e) {
            log.warn("Cache {} failed, reading the read model: {}", cacheName, e.toString());
            return loadMissing.apply(keys);
        }
        if (!missing.isEmpty()) {
            Map<String, T> loaded = loadMissing.apply(missing);
            found.putAll(loaded);
            try {
                loaded.forEach((key, value) -> cache.put(epoch + ":" + key, value));
            } catch (RuntimeException e) {
                log.warn("Could not store in cache {}: {}", cacheName, e.toString());
            }
        }
        return found;
    }

    /** Stores a state the caller read from the read model, unless the cache has a newer version. */
    public void store(String cacheName, String key, Versioned value) {
        try {
            caches.getCache(cacheName).put(epochs.current(cacheName) + ":" + key, value);
        } catch (RuntimeException e) {
            log.warn("Could not store in cache {}: {}", cacheName, e.toString());
        }
    }

    /** Stores a state a projection wrote, once its unit of work commits (at once outside one). */
    public void storeAfterCommit(String cacheName, String key, Versioned value) {
        afterCommit(cacheName + "\n" + key, () -> store(cacheName, key, value));
    }

    /** Makes every entry of a cache unreachable once the current unit of work commits (at once outside one). */
    public void advanceAfterCommit(String cacheName) {
        afterCommit(cacheName, () -> advance(cacheName));
    }

    /** A rebuild was switched in, or a replay started: nothing cached from the read model before holds. */
    @EventListener
    public void on(ReadModelReplaced replaced) {
        for (String cacheName : cachesByReadModel.getOrDefault(replaced.readModel(), List.of())) {
            advance(cacheName);
            try {
                caches.getCache(cacheName).clear();
            } catch (RuntimeException e) {
                log.warn("Could not clear cache {} (its entries are unreachable already): {}", cacheName, e.toString());
            }
        }
    }

    private void advance(String cacheName) {
        try {
            epochs.advance(cacheName);
        } catch (RuntimeException e) {
            log.warn("Could not move on the epoch of cache {}; its entries expire by their time to live: {}",
                    cacheName, e.toString());
        }
    }

    // One action per key and unit of work, the last one registered: a batch that changed a post twice stores it once.
    private static void afterCommit(String key, Runnable action) {
        if (!CurrentUnitOfWork.isStarted()) {
            action.run();
            return;
        }
        UnitOfWork<?> root = CurrentUnitOfWork.get().root();
        Map<String, Runnable> pending = root.getOrComputeResource(PENDING, name -> {
            Map<String, Runnable> actions = new LinkedHashMap<>();
            root.afterCommit(unitOfWork -> actions.values().forEach(Runnable::run));
            return actions;
        });
        pending.put(key, action);
    }

    private <T> Optional<T> unavailable(String cacheName, RuntimeException e, Supplier<Optional<T>> load) {
        log.warn("Cache {} failed, reading the read model: {}", cacheName, e.toString());
        return load.get();
    }

    private static final class LoadFailed extends RuntimeException {

        final RuntimeException failure;

        LoadFailed(RuntimeException failure) {
            super(failure.getMessage(), failure, false, false);
            this.failure = failure;
        }
    }
}
