package io.inkwell.query.cache;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.benmanes.caffeine.cache.Caffeine;
import io.inkwell.query.projection.ReadModelReplaced;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.atomic.AtomicInteger;
import org.axonframework.messaging.unitofwork.DefaultUnitOfWork;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.junit.jupiter.api.Test;
import org.springframework.cache.Cache;
import org.springframework.cache.concurrent.ConcurrentMapCache;
import org.springframework.cache.support.AbstractValueAdaptingCache;
import org.springframework.cache.support.SimpleCacheManager;

/** Cache-aside on its own: what is loaded, what is stored, what an epoch retires, what a broken cache does. */
class ReadModelCacheTest {

    record Post(String id, long version) implements Versioned {
    }

    private final AtomicInteger loads = new AtomicInteger();

    @Test
    void aSecondReadIsAHitAndAnAbsentValueIsLoadedEveryTime() {
        ReadModelCache cache = cacheOf(new NewestCaffeineCache("posts", Caffeine.newBuilder().build()));
        assertThat(cache.read("posts", "a", () -> load(new Post("a", 1)))).contains(new Post("a", 1));
        assertThat(cache.read("posts", "a", () -> load(new Post("a", 2)))).contains(new Post("a", 1));
        assertThat(loads).hasValue(1);
        cache.read("posts", "b", () -> load(null));
        cache.read("posts", "b", () -> load(null));
        assertThat(loads).hasValue(3);
    }

    @Test
    void aStoreOutsideAUnitOfWorkHappensAtOnceAndNeverGoesBack() {
        ReadModelCache cache = cacheOf(new NewestCaffeineCache("posts", Caffeine.newBuilder().build()));
        cache.storeAfterCommit("posts", "a", new Post("a", 3));
        cache.store("posts", "a", new Post("a", 2));
        assertThat(cache.read("posts", "a", () -> load(new Post("a", 1)))).contains(new Post("a", 3));
        assertThat(loads).hasValue(0);
    }

    @Test
    void aReplacedReadModelRetiresEveryEntryOfItsCaches() {
        ReadModelCache cache = cacheOf(new NewestCaffeineCache("posts", Caffeine.newBuilder().build()));
        cache.read("posts", "a", () -> load(new Post("a", 7)));
        cache.on(new ReadModelReplaced("posts-model"));
        // The rebuilt read model may say something else at the same version: it is read again.
        assertThat(cache.read("posts", "a", () -> load(new Post("a", 7)))).contains(new Post("a", 7));
        assertThat(loads).hasValue(2);
    }

    @Test
    void anAdvancedEpochRetiresEntriesThatASlowReaderStoresLate() {
        ReadModelCache cache = cacheOf(new NewestCaffeineCache("posts", Caffeine.newBuilder().build()));
        cache.read("posts", "counts", () -> {
            // The projection commits and moves the epoch on while this reader still loads the old counts.
            cache.advanceAfterCommit("posts");
            return load(new Post("counts", 1));
        });
        cache.read("posts", "counts", () -> load(new Post("counts", 1)));
        assertThat(loads).hasValue(2);
    }

    @Test
    void aFailingLoadFailsTheReadAsItself() {
        ReadModelCache cache = cacheOf(new NewestCaffeineCache("posts", Caffeine.newBuilder().build()));
        IllegalStateException down = new IllegalStateException("PostgreSQL is down");
        assertThatThrownBy(() -> cache.read("posts", "a", () -> {
            throw down;
        })).isSameAs(down);
    }

    @Test
    void aBrokenCacheIsBypassed() {
        ReadModelCache cache = cacheOf(new Broken());
        assertThat(cache.read("posts", "a", () -> load(new Post("a", 1)))).contains(new Post("a", 1));
        cache.store("posts", "a", new Post("a", 2));
        cache.on(new ReadModelReplaced("posts-model"));
    }

    @Test
    void aProjectionsStoresWaitForItsUnitOfWorkToCommitAndTheLastOfAKeyIsStored() {
        ReadModelCache cache = cacheOf(new NewestCaffeineCache("posts", Caffeine.newBuilder().build()));
        UnitOfWork<?> unitOfWork = DefaultUnitOfWork.startAndGet(null);
        cache.storeAfterCommit("posts", "a", new Post("a", 2));
        cache.storeAfterCommit("posts", "a", new Post("a", 3));
        cache.storeAfterCommit("posts", "b", new Post("b", 1));
        unitOfWork.commit();

        assertThat(cache.read("posts", "a", () -> load(new Post("a", 1)))).contains(new Post("a", 3));
        assertThat(cache.read("posts", "b", () -> load(new Post("b", 0)))).contains(new Post("b", 1));
        assertThat(loads).hasValue(0);
    }

    @Test
    void aRolledBackUnitOfWorkStoresNothingAndMovesNoEpoch() {
        ReadModelCache cache = cacheOf(new NewestCaffeineCache("posts", Caffeine.newBuilder().build()));
        cache.read("posts", "counts", () -> load(new Post("counts", 1)));
        UnitOfWork<?> unitOfWork = DefaultUnitOfWork.startAndGet(null);
        cache.storeAfterCommit("posts", "a", new Post("a", 2));
        cache.advanceAfterCommit("posts");
        unitOfWork.rollback();

        assertThat(cache.read("posts", "counts", () -> load(new Post("counts", 2)))).contains(new Post("counts", 1));
        assertThat(cache.read("posts", "a", () -> load(new Post("a", 1)))).contains(new Post("a", 1));
        assertThat(loads).hasValue(2);
    }

    @Test
    void aReplacedReadModelRetiresItsEntriesEvenWhenTheCacheCannotBeCleared() {
        ReadModelCache cache = cacheOf(new ClearFails());
        cache.read("posts", "a", () -> load(new Post("a", 7)));
        cache.on(new ReadModelReplaced("posts-model"));

        cache.read("posts", "a", () -> load(new Post("a", 7)));
        assertThat(loads).hasValue(2);
    }

    @Test
    void aReplacedReadModelRetiresItsEntriesEvenWhenTheEpochCannotMoveOn() {
        ReadModelCache cache = cacheOf(new NewestCaffeineCache("posts", Caffeine.newBuilder().build()),
                new EpochsOutOfReach(true, false));
        cache.read("posts", "a", () -> load(new Post("a", 7)));
        cache.on(new ReadModelReplaced("posts-model"));

        cache.read("posts", "a", () -> load(new Post("a", 7)));
        assertThat(loads).hasValue(2);
    }

    @Test
    void aReplacedReadModelRetiresTheCachesOfEveryFeatureThatDeclaresIt() {
        SimpleCacheManager manager = new SimpleCacheManager();
        manager.setCaches(List.of(new NewestCaffeineCache("posts", Caffeine.newBuilder().build()),
                new NewestCaffeineCache("post-summaries", Caffeine.newBuilder().build())));
        manager.afterPropertiesSet();
        ReadModelCache cache = new ReadModelCache(manager, new Epochs.Local(), List.of(
                new CachedReadModel("posts-model", List.of(new CachedReadModel.Entry("posts", Post.class))),
                new CachedReadModel("posts-model", List.of(new CachedReadModel.Entry("post-summaries", Post.class)))));
        cache.read("posts", "a", () -> load(new Post("a", 1)));
        cache.read("post-summaries", "a", () -> load(new Post("a", 1)));
        cache.on(new ReadModelReplaced("posts-model"));

        cache.read("posts", "a", () -> load(new Post("a", 1)));
        cache.read("post-summaries", "a", () -> load(new Post("a", 1)));
        assertThat(loads).hasValue(4);
    }

    @Test
    void epochsOutOfReachSendEveryReadToTheReadModel() {
        ReadModelCache cache = cacheOf(new NewestCaffeineCache("posts", Caffeine.newBuilder().build()),
                new EpochsOutOfReach(true, true));
        assertThat(cache.read("posts", "a", () -> load(new Post("a", 1)))).contains(new Post("a", 1));
        assertThat(cache.read("posts", "a", () -> load(new Post("a", 2)))).contains(new Post("a", 2));
        cache.store("posts", "a", new Post("a", 3));
        assertThat(loads).hasValue(2);
    }

    @Test
    void aFailingLoadThatTheCacheWrapsFailsTheReadAsItselfWithoutASecondQuery() {
        // Spring's own caches wrap what a loader throws in a ValueRetrievalException.
        ReadModelCache cache = cacheOf(new ConcurrentMapCache("posts"));
        IllegalStateException down = new IllegalStateException("PostgreSQL is down");
        assertThatThrownBy(() -> cache.read("posts", "a", () -> {
            loads.incrementAndGet();
            throw down;
        })).isSameAs(down);
        assertThat(loads).hasValue(1);
    }

    @Test
    void aCacheThatCannotRetrieveAValueIsBypassed() {
        ReadModelCache cache = cacheOf(new ConcurrentMapCache("posts") {
            @Override
            public <T> T get(Object key, Callable<T> valueLoader) {
                throw new ValueRetrievalException(key, valueLoader, new IllegalStateException("unreadable entry"));
            }
        });
        assertThat(cache.read("posts", "a", () -> load(new Post("a", 1)))).contains(new Post("a", 1));
    }

    private Optional<Post> load(Post post) {
        loads.incrementAndGet();
        return Optional.ofNullable(post);
    }

    private static ReadModelCache cacheOf(Cache cache) {
        return cacheOf(cache, new Epochs.Local());
    }

    private static ReadModelCache cacheOf(Cache cache, Epochs epochs) {
        SimpleCacheManager manager = new SimpleCacheManager();
        manager.setCaches(List.of(cache));
        manager.afterPropertiesSet();
        return new ReadModelCache(manager, epochs, List.of(new CachedReadModel("posts-model",
                List.of(new CachedReadModel.Entry("posts", Post.class)))));
    }

    /** A cache whose server is out of reach. */
    private static final class Broken extends AbstractValueAdaptingCache {

        Broken() {
            super(false);
        }

        @Override
        protected Object lookup(Object key) {
            throw new IllegalStateException("Redis is out of reach");
        }

        @Override
        public String getName() {
            return "posts";
        }

        @Override
        public Object getNativeCache() {
            return this;
        }

        @Override
        public <T> T get(Object key, Callable<T> valueLoader) {
            throw new IllegalStateException("Redis is out of reach");
        }

        @Override
        public void put(Object key, Object value) {
            throw new IllegalStateException("Redis is out of reach");
        }

        @Override
        public void evict(Object key) {
            throw new IllegalStateException("Redis is out of reach");
        }

        @Override
        public void clear() {
            throw new IllegalStateException("Redis is out of reach");
        }
    }

    /** A cache in this process whose clear fails, as Redis's would when out of reach. */
    private static final class ClearFails extends ConcurrentMapCache {

        ClearFails() {
            super("posts");
        }

        @Override
        public void clear() {
            throw new IllegalStateException("Redis is out of reach");
        }
    }

    /** Epochs kept in a Redis that is out of reach, for moving on, for reading, or both. */
    private static final class EpochsOutOfReach implements Epochs {

        private final boolean advanceFails;
        private final boolean currentFails;

        EpochsOutOfReach(boolean advanceFails, boolean currentFails) {
            this.advanceFails = advanceFails;
            this.currentFails = currentFails;
        }

        @Override
        public long current(String cache) {
            if (currentFails) {
                throw new IllegalStateException("Redis is out of reach");
            }
            return 0;
        }

        @Override
        public void advance(String cache) {
            if (advanceFails) {
                throw new IllegalStateException("Redis is out of reach");
            }
        }
    }
}
