package io.inkwell.query.post;

import io.inkwell.query.cache.CachedReadModel;
import io.inkwell.query.cache.ReadModelCache;
import io.inkwell.query.projection.ReadModelUpdates;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.springframework.context.annotation.Bean;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageRequest;
import org.springframework.stereotype.Component;

/**
 * Posts by id and by slug, and the tag counts, as the read model has them, through the cache. Who may see a
 * post is the caller's to decide, after the lookup ({@link PostFilters#mayRead}): the cache holds the read model,
 * never one viewer's answer. {@link PostProjection} keeps the cached posts and tag counts up to date.
 */
@Component
public class PostLookup {

    static final String POSTS = "posts";
    // A post's slug never changes, not even when it is deleted, so slug to id holds for good.
    static final String SLUGS = "post-slugs";
    static final String TAG_COUNTS = "tag-counts";

    private final PostViews posts;
    private final ReadModelCache cache;
    private final ReadModelUpdates updates;

    PostLookup(PostViews posts, ReadModelCache cache, ReadModelUpdates updates) {
        this.posts = posts;
        this.cache = cache;
        this.updates = updates;
    }

    @Bean
    static CachedReadModel postCaches() {
        return new CachedReadModel(PostProjection.NAME, List.of(new CachedReadModel.Entry(POSTS, PostState.class),
                new CachedReadModel.Entry(SLUGS, String.class), new CachedReadModel.Entry(TAG_COUNTS, TagCounts.class)));
    }

    /** The post as the read model has it (a deleted one too, as {@code DELETED}); empty if it has none. */
    public Optional<PostState> byId(String id) {
        return cache.read(POSTS, id, () -> load(id));
    }

    /**
     * The post at version {@code minVersion} or later, waiting up to {@code maxWait} for the read model to
     * have it; never an older version from the cache. What it finds is cached, so later reads do not go back.
     *
     * @return empty if the read model has no such version in time
     */
    public Optional<PostState> byId(String id, long minVersion, Duration maxWait) {
        Optional<PostState> cached = byId(id).filter(post -> post.version() >= minVersion);
        if (cached.isPresent()) {
            return cached;
        }
        Optional<PostState> fresh = updates.await(() -> load(id).filter(post -> post.version() >= minVersion), maxWait);
        fresh.ifPresent(post -> cache.store(POSTS, id, post));
        return fresh;
    }

    public Optional<PostState> bySlug(String slug) {
        return idOfSlug(slug).flatMap(this::byId);
    }

    /** As {@link #byId(String, long, Duration)}, by slug: waits for the post to exist, then for the version. */
    public Optional<PostState> bySlug(String slug, long minVersion, Duration maxWait) {
        return updates.await(() -> idOfSlug(slug), maxWait).flatMap(id -> byId(id, minVersion, maxWait));
    }

    /** A page of tags with the number of published posts that carry them, most used first. */
    public TagCounts tagCounts(int page, int limit) {
        return cache.read(TAG_COUNTS, page + ":" + limit, () -> {
            Page<PostViews.TagCount> found = posts.countPublishedByTag(PageRequest.of(page - 1, limit));
            return Optional.of(new TagCounts(found.getContent().stream()
                    .map(tag -> new TagCounts.Tag(tag.getName(), tag.getCount())).toList(), found.getTotalElements()));
        }).orElseThrow();
    }

    private Optional<String> idOfSlug(String slug) {
        return cache.read(SLUGS, slug, () -> posts.findIdBySlug(slug));
    }

    private Optional<PostState> load(String id) {
        return posts.findById(id).map(post -> new PostState(post.getId(), post.getAuthorId(), post.getTitle(),
                post.getContent(), post.getSlug(), post.getTags(), post.getStatus(), post.getVersion(),
                post.getCreatedAt(), post.getUpdatedAt(), post.getPublishedAt()));
    }

    /** A page of tag counts, as cached. */
    public record TagCounts(List<Tag> tags, long total) {

        public TagCounts {
            tags = List.copyOf(tags);
        }

        public record Tag(String name, long count) {
        }
    }
}
