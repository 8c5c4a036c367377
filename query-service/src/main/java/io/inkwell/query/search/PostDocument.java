package io.inkwell.query.search;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.inkwell.query.post.PostState;
import io.inkwell.query.post.PostView.Status;
import java.time.Instant;
import java.util.List;
import java.util.Locale;

/**
 * A post in the search index: its whole state, drafts and deleted posts included, so that the next event of
 * the post folds onto the document instead of onto a re-read of its history. Only published posts are ever
 * shown (every query filters on {@code status}); the others stay as documents whose version keeps a late,
 * older event from bringing them back.
 * <p>
 * Documents written before definition version 2 lack {@code version} and {@code createdAt}, and those of
 * posts that were not published hold nothing but their status ({@code hidden}): they cannot be folded onto.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record PostDocument(String id, String status, String title, String content, List<String> tags,
                           String authorId, String slug, Instant publishedAt, Instant updatedAt, Instant createdAt,
                           Long version) {

    static final String PUBLISHED = "published";

    static PostDocument of(PostState post) {
        return new PostDocument(post.id(), post.status().name().toLowerCase(Locale.ROOT), post.title(), post.content(),
                post.tags(), post.authorId(), post.slug(), post.publishedAt(), post.updatedAt(), post.createdAt(),
                post.version());
    }

    /** The post this document holds; null for a document that does not hold a whole post. */
    PostState state() {
        if (version == null || createdAt == null || title == null) {
            return null;
        }
        return new PostState(id, authorId, title, content, slug, tags == null ? List.of() : tags,
                Status.valueOf(status.toUpperCase(Locale.ROOT)), version, createdAt, updatedAt, publishedAt);
    }
}
