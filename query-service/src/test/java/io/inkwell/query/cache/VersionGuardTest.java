package io.inkwell.query.cache;

import static org.assertj.core.api.Assertions.assertThat;

import com.github.benmanes.caffeine.cache.Caffeine;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** A cache never goes back to an older version, whoever stores it and in whichever order. */
class VersionGuardTest {

    record Post(String id, long version) implements Versioned {
    }

    private final NewestCaffeineCache cache = new NewestCaffeineCache("posts", Caffeine.newBuilder().build());

    @Test
    void theNewerOfTwoVersionsIsKeptAndATieKeepsWhatIsCached() {
        Post two = new Post("a", 2);
        Post three = new Post("a", 3);
        assertThat(Versioned.newer(two, three)).isSameAs(three);
        assertThat(Versioned.newer(three, two)).isSameAs(three);
        Post otherTwo = new Post("a", 2);
        assertThat(Versioned.newer(two, otherTwo)).isSameAs(two);
    }

    @Test
    void aValueWithoutVersionIsSimplyReplaced() {
        assertThat(Versioned.newer("old", "new")).isEqualTo("new");
    }

    @Test
    void aStoreOfAnOlderVersionLeavesTheNewerOne() {
        cache.put("a", new Post("a", 3));
        cache.put("a", new Post("a", 2));
        assertThat(cache.get("a", Post.class)).isEqualTo(new Post("a", 3));
        cache.put("a", new Post("a", 4));
        assertThat(cache.get("a", Post.class)).isEqualTo(new Post("a", 4));
    }

    @Test
    void aLoadThatFindsNothingStoresNothing() {
        assertThat(cache.get("missing", () -> (Post) null)).isNull();
        assertThat(cache.get("missing")).isNull();
    }

    @Test
    void aLoadHitsOnceStored() {
        cache.get("a", () -> new Post("a", 1));
        assertThat(cache.get("a", () -> new Post("a", 99))).isEqualTo(new Post("a", 1));
    }

    /**
     * The read-through race: a reader loads version 1 from the read model; the projection commits version 2 and
     * stores it while the load is still under way. The reader's version 1 must not be what stays.
     */
    @Test
    void aStoreOfANewerVersionDuringALoadWinsOverWhatTheLoadFound() throws Exception {
        CountDownLatch loading = new CountDownLatch(1);
        CountDownLatch committed = new CountDownLatch(1);
        CompletableFuture<Post> reader = CompletableFuture.supplyAsync(() -> cache.get("a", () -> {
            loading.countDown();
            committed.await(5, TimeUnit.SECONDS);
            return new Post("a", 1);
        }));
        loading.await(5, TimeUnit.SECONDS);
        CompletableFuture<Void> projection = CompletableFuture.runAsync(() -> cache.put("a", new Post("a", 2)));
        committed.countDown();
        assertThat(reader.get(5, TimeUnit.SECONDS)).isEqualTo(new Post("a", 1));
        projection.get(5, TimeUnit.SECONDS);
        assertThat(cache.get("a", Post.class)).isEqualTo(new Post("a", 2));
    }

    @Test
    void aStoreOfAnOlderVersionAfterALoadOfANewerOneChangesNothing() {
        cache.get("a", () -> new Post("a", 5));
        cache.put("a", new Post("a", 4));
        assertThat(cache.get("a", Post.class)).isEqualTo(new Post("a", 5));
    }
}
