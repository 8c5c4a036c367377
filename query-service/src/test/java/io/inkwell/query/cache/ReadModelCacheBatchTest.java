package io.inkwell.query.cache;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.benmanes.caffeine.cache.Caffeine;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.springframework.cache.Cache;
import org.springframework.cache.concurrent.ConcurrentMapCache;
import org.springframework.cache.support.SimpleCacheManager;

/** Reading many keys at once, as a page of posts reads its authors: hits from the cache, all misses in one load. */
class ReadModelCacheBatchTest {

    record Profile(String id, long version) implements Versioned {
    }

    private final List<List<String>> loads = new ArrayList<>();

    @Test
    void onlyTheMissesAreLoadedAndTheyAreLoadedTogether() {
        ReadModelCache cache = cacheOf(new NewestCaffeineCache("profiles", Caffeine.newBuilder().build()));
        cache.store("profiles", "a", new Profile("a", 4));

        Map<String, Profile> found = cache.readAll("profiles", List.of("a", "b", "c", "gone"), Profile.class,
                from(new Profile("a", 1), new Profile("b", 1), new Profile("c", 2)));

        assertThat(found).containsOnly(Map.entry("a", new Profile("a", 4)), Map.entry("b", new Profile("b", 1)),
                Map.entry("c", new Profile("c", 2)));
        assertThat(loads).containsExactly(List.of("b", "c", "gone"));
    }

    @Test
    void whatWasLoadedIsCachedButAbsentKeysAreAskedForAgain() {
        ReadModelCache cache = cacheOf(new NewestCaffeineCache("profiles", Caffeine.newBuilder().build()));
        Function<Collection<String>, Map<String, Profile>> store = from(new Profile("b", 1));
        cache.readAll("profiles", List.of("b", "gone"), Profile.class, store);

        assertThat(cache.readAll("profiles", List.of("b", "gone"), Profile.class, store))
                .containsOnly(Map.entry("b", new Profile("b", 1)));
        assertThat(loads).containsExactly(List.of("b", "gone"), List.of("gone"));
    }

    @Test
    void aLoadedVersionNeverReplacesANewerOneAProjectionStoredMeanwhile() {
        ReadModelCache cache = cacheOf(new NewestCaffeineCache("profiles", Caffeine.newBuilder().build()));
        // The reader loads version 1; before it stores it, the projection commits version 2 and stores that.
        cache.readAll("profiles", List.of("a"), Profile.class, missing -> {
            cache.store("profiles", "a", new Profile("a", 2));
            return Map.of("a", new Profile("a", 1));
        });

        assertThat(cache.readAll("profiles", List.of("a"), Profile.class, from()))
                .containsOnly(Map.entry("a", new Profile("a", 2)));
    }

    @Test
    void nothingIsLoadedWhenEveryKeyIsCached() {
        ReadModelCache cache = cacheOf(new NewestCaffeineCache("profiles", Caffeine.newBuilder().build()));
        cache.store("profiles", "a", new Profile("a", 1));

        assertThat(cache.readAll("profiles", List.of("a"), Profile.class, from())).hasSize(1);
        assertThat(loads).isEmpty();
    }

    @Test
    void aBrokenCacheSendsEveryKeyToTheReadModel() {
        ReadModelCache cache = cacheOf(new ConcurrentMapCache("profiles") {
            @Override
            protected Object lookup(Object key) {
                throw new IllegalStateException("Redis is out of reach");
            }
        });

        assertThat(cache.readAll("profiles", List.of("a", "b"), Profile.class, from(new Profile("a", 1))))
                .containsOnly(Map.entry("a", new Profile("a", 1)));
        assertThat(loads).containsExactly(List.of("a", "b"));
    }

    @Test
    void aFailingLoadFailsTheRead() {
        ReadModelCache cache = cacheOf(new NewestCaffeineCache("profiles", Caffeine.newBuilder().build()));
        IllegalStateException down = new IllegalStateException("PostgreSQL is down");

        assertThatThrownBy(() -> cache.readAll("profiles", List.of("a"), Profile.class, missing -> {
            throw down;
        })).isSameAs(down);
    }

    /** A read model holding {@code profiles}; records each call's keys. */
    private Function<Collection<String>, Map<String, Profile>> from(Profile... profiles) {
        return keys -> {
            loads.add(List.copyOf(keys));
            return java.util.Arrays.stream(profiles).filter(profile -> keys.contains(profile.id()))
                    .collect(Collectors.toMap(Profile::id, Function.identity()));
        };
    }

    private static ReadModelCache cacheOf(Cache cache) {
        SimpleCacheManager manager = new SimpleCacheManager();
        manager.setCaches(List.of(cache));
        manager.afterPropertiesSet();
        return new ReadModelCache(manager, new Epochs.Local(), List.of(new CachedReadModel("profiles-model",
                List.of(new CachedReadModel.Entry("profiles", Profile.class)))));
    }
}
