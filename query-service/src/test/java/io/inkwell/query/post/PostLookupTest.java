package io.inkwell.query.post;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import io.inkwell.query.cache.InProcessCaches;
import io.inkwell.query.cache.ReadModelCache;
import io.inkwell.query.post.PostView.Status;
import io.inkwell.query.projection.ReadModelReplaced;
import io.inkwell.query.projection.ReadModelUpdates;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.springframework.data.domain.PageImpl;
import org.springframework.data.domain.PageRequest;
import org.springframework.test.util.ReflectionTestUtils;

/**
 * Posts through the in-process cache, the read model (PostgreSQL) stubbed: what is read once, what a read at a
 * version may take from the cache and what it must wait for, and what a rebuild retires.
 */
class PostLookupTest {

    private static final Instant CREATED = Instant.parse("2026-01-02T10:00:00Z");
    private static final Instant PUBLISHED = Instant.parse("2026-01-03T10:00:00Z");

    private final PostViews readModel = mock(PostViews.class);
    private final ReadModelCache cache = InProcessCaches.of(PostLookup.postCaches());
    private final PostLookup posts = new PostLookup(readModel, cache, new ReadModelUpdates());

    @Test
    void readsAPostFromTheReadModelOnceAndThenFromTheCache() {
        when(readModel.findById("p1")).thenReturn(Optional.of(post("p1", 2)));

        PostState expected = new PostState("p1", "alice", "Title 2", "Content 2", "slug-p1", List.of("java", "cqrs"),
                Status.PUBLISHED, 2, CREATED, PUBLISHED, PUBLISHED);
        assertThat(posts.byId("p1")).contains(expected);
        assertThat(posts.byId("p1")).contains(expected);
        verify(readModel, times(1)).findById("p1");
    }

    @Test
    void aPostTheReadModelDoesNotHaveIsAskedForAgainNextTime() {
        when(readModel.findById("p1")).thenReturn(Optional.empty());

        assertThat(posts.byId("p1")).isEmpty();
        assertThat(posts.byId("p1")).isEmpty();
        verify(readModel, times(2)).findById("p1");
    }

    @Test
    void aReadAtAVersionTakesTheCachedPostWhenItIsThatVersion() {
        when(readModel.findById("p1")).thenReturn(Optional.of(post("p1", 2)));
        posts.byId("p1");

        assertThat(posts.byId("p1", 2, Duration.ZERO)).hasValueSatisfying(post -> assertThat(post.version()).isEqualTo(2));
        verify(readModel, times(1)).findById("p1");
    }

    @Test
    void aReadAtANewerVersionNeverTakesTheOlderCachedPostAndCachesWhatItFinds() {
        when(readModel.findById("p1")).thenReturn(Optional.of(post("p1", 1)), Optional.of(post("p1", 2)));
        assertThat(posts.byId("p1")).hasValueSatisfying(post -> assertThat(post.version()).isEqualTo(1));

        assertThat(posts.byId("p1", 2, Duration.ZERO)).hasValueSatisfying(post -> assertThat(post.version()).isEqualTo(2));
        // Later reads do not go back to version 1, and need no query.
        assertThat(posts.byId("p1")).hasValueSatisfying(post -> assertThat(post.version()).isEqualTo(2));
        verify(readModel, times(2)).findById("p1");
    }

    @Test
    void aReadAtAVersionTheReadModelDoesNotHaveInTimeIsEmpty() {
        when(readModel.findById("p1")).thenReturn(Optional.of(post("p1", 1)));

        assertThat(posts.byId("p1", 2, Duration.ZERO)).isEmpty();
        assertThat(posts.byId("p1")).hasValueSatisfying(post -> assertThat(post.version()).isEqualTo(1));
    }

    @Test
    void aReadAtAVersionWaitsForTheReadModelToCatchUp() {
        when(readModel.findById("p1")).thenReturn(Optional.of(post("p1", 1)), Optional.of(post("p1", 1)),
                Optional.of(post("p1", 2)));

        assertThat(posts.byId("p1", 2, Duration.ofSeconds(5)))
                .hasValueSatisfying(post -> assertThat(post.version()).isEqualTo(2));
    }

    @Test
    void aSlugIsResolvedOnceForGood() {
        when(readModel.findIdBySlug("slug-p1")).thenReturn(Optional.of("p1"));
        when(readModel.findById("p1")).thenReturn(Optional.of(post("p1", 2)));

        assertThat(posts.bySlug("slug-p1")).hasValueSatisfying(post -> assertThat(post.id()).isEqualTo("p1"));
        assertThat(posts.bySlug("slug-p1")).hasValueSatisfying(post -> assertThat(post.id()).isEqualTo("p1"));
        assertThat(posts.bySlug("no-such-slug")).isEmpty();
        verify(readModel, times(1)).findIdBySlug("slug-p1");
    }

    @Test
    void aReadBySlugAtAVersionWaitsForThePostToExistAndThenForTheVersion() {
        when(readModel.findIdBySlug("slug-p1")).thenReturn(Optional.empty(), Optional.of("p1"));
        when(readModel.findById("p1")).thenReturn(Optional.of(post("p1", 1)), Optional.of(post("p1", 2)));

        assertThat(posts.bySlug("slug-p1", 2, Duration.ofSeconds(5)))
                .hasValueSatisfying(post -> assertThat(post.version()).isEqualTo(2));
    }

    @Test
    void aReadBySlugOfAPostThatDoesNotComeInTimeIsEmpty() {
        when(readModel.findIdBySlug("slug-p1")).thenReturn(Optional.empty());

        assertThat(posts.bySlug("slug-p1", 1, Duration.ZERO)).isEmpty();
    }

    @Test
    void tagCountsAreReadByPageFromOneAndCachedPerPageAndLimit() {
        when(readModel.countPublishedByTag(PageRequest.of(1, 2))).thenReturn(new PageImpl<>(
                List.of(new Count("java", 7), new Count("cqrs", 5)), PageRequest.of(1, 2), 9));
        when(readModel.countPublishedByTag(PageRequest.of(1, 3))).thenReturn(new PageImpl<>(
                List.of(new Count("cqrs", 5)), PageRequest.of(1, 3), 4));

        PostLookup.TagCounts second = new PostLookup.TagCounts(
                List.of(new PostLookup.TagCounts.Tag("java", 7), new PostLookup.TagCounts.Tag("cqrs", 5)), 9);
        assertThat(posts.tagCounts(2, 2)).isEqualTo(second);
        assertThat(posts.tagCounts(2, 2)).isEqualTo(second);
        assertThat(posts.tagCounts(2, 3).tags()).extracting(PostLookup.TagCounts.Tag::name).containsExactly("cqrs");
        verify(readModel, times(1)).countPublishedByTag(PageRequest.of(1, 2));
    }

    @Test
    void aRebuiltPostsReadModelIsReadAgainForPostsSlugsAndTagCounts() {
        when(readModel.findIdBySlug("slug-p1")).thenReturn(Optional.of("p1"));
        when(readModel.findById("p1")).thenReturn(Optional.of(post("p1", 2)));
        when(readModel.countPublishedByTag(PageRequest.of(0, 10))).thenReturn(new PageImpl<>(List.of()));
        posts.bySlug("slug-p1");
        posts.tagCounts(1, 10);

        cache.on(new ReadModelReplaced(PostProjection.NAME));
        posts.bySlug("slug-p1");
        posts.tagCounts(1, 10);

        verify(readModel, times(2)).findIdBySlug("slug-p1");
        verify(readModel, times(2)).findById("p1");
        verify(readModel, times(2)).countPublishedByTag(PageRequest.of(0, 10));
    }

    record Count(String name, long count) implements PostViews.TagCount {

        @Override
        public String getName() {
            return name;
        }

        @Override
        public long getCount() {
            return count;
        }
    }

    private static PostView post(String id, long version) {
        PostView post = new PostView();
        ReflectionTestUtils.setField(post, "id", id);
        ReflectionTestUtils.setField(post, "authorId", "alice");
        ReflectionTestUtils.setField(post, "title", "Title " + version);
        ReflectionTestUtils.setField(post, "content", "Content " + version);
        ReflectionTestUtils.setField(post, "slug", "slug-" + id);
        ReflectionTestUtils.setField(post, "tags", List.of("java", "cqrs"));
        ReflectionTestUtils.setField(post, "status", Status.PUBLISHED);
        ReflectionTestUtils.setField(post, "version", version);
        ReflectionTestUtils.setField(post, "createdAt", CREATED);
        ReflectionTestUtils.setField(post, "updatedAt", PUBLISHED);
        ReflectionTestUtils.setField(post, "publishedAt", PUBLISHED);
        return post;
    }
}
