package io.inkwell.query.post;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;
import java.util.List;

/**
 * A post as the API shows it; the author's name comes from the users read model, not from post events.
 *
 * @param asOf for a post as it was (time travel), the time of the last event it shows; absent otherwise
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record PostResponse(String id, String slug, String title, String content, List<String> tags, String status,
                           Author author, long version, Instant createdAt, Instant updatedAt, Instant publishedAt,
                           Instant asOf) {

    /** A post as it is now. */
    public PostResponse(String id, String slug, String title, String content, List<String> tags, String status,
                        Author author, long version, Instant createdAt, Instant updatedAt, Instant publishedAt) {
        this(id, slug, title, content, tags, status, author, version, createdAt, updatedAt, publishedAt, null);
    }

    /** The post as it is now, by an author of this name (null for a deleted author). */
    public static PostResponse of(PostState post, String authorName) {
        return new PostResponse(post.id(), post.slug(), post.title(), post.content(), post.tags(),
                post.status().name().toLowerCase(), new Author(post.authorId(), authorName), post.version(),
                post.createdAt(), post.updatedAt(), post.publishedAt());
    }

    public record Author(String id, String name) {
    }
}
