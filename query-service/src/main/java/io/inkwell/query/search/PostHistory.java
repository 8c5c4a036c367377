package io.inkwell.query.search;

import io.inkwell.api.post.PostCreatedEvent;
import io.inkwell.api.post.PostDeletedEvent;
import io.inkwell.api.post.PostEditedEvent;
import io.inkwell.api.post.PostPublishedEvent;
import io.inkwell.api.post.PostRetaggedEvent;
import io.inkwell.api.post.PostUnpublishedEvent;
import java.time.Instant;
import java.util.List;
import org.axonframework.eventhandling.DomainEventMessage;

/** Folds a post's events, up to a version, into what the search index shows of it. */
final class PostHistory {

    private String id;
    private String title;
    private String content;
    private List<String> tags = List.of();
    private String authorId;
    private String slug;
    private boolean published;
    private boolean deleted;
    private Instant publishedAt;
    private Instant updatedAt;

    static PostDocument fold(String postId, Iterable<? extends DomainEventMessage<?>> events) {
        PostHistory post = new PostHistory();
        post.id = postId;
        for (DomainEventMessage<?> event : events) {
            post.apply(event.getPayload(), event.getTimestamp());
        }
        return post.document();
    }

    private void apply(Object event, Instant at) {
        updatedAt = at;
        switch (event) {
            case PostCreatedEvent e -> {
                title = e.title();
                content = e.content();
                tags = e.tags();
                authorId = e.authorId();
                slug = e.slug();
            }
            case PostEditedEvent e -> {
                title = e.title();
                content = e.content();
            }
            case PostRetaggedEvent e -> tags = e.tags();
            case PostPublishedEvent e -> {
                published = true;
                publishedAt = at;
            }
            case PostUnpublishedEvent e -> {
                published = false;
                publishedAt = null;
            }
            case PostDeletedEvent e -> deleted = true;
            default -> {
                // events this index does not show
            }
        }
    }

    private PostDocument document() {
        if (!published || deleted || title == null) {
            return PostDocument.hidden(id);
        }
        return new PostDocument(id, PostDocument.PUBLISHED, title, content, tags, authorId, slug, publishedAt, updatedAt);
    }
}
