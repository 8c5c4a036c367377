package io.inkwell.query.post;

import io.inkwell.api.post.PostCreatedEvent;
import io.inkwell.api.post.PostDeletedEvent;
import io.inkwell.api.post.PostEditedEvent;
import io.inkwell.api.post.PostPublishedEvent;
import io.inkwell.api.post.PostRetaggedEvent;
import io.inkwell.api.post.PostUnpublishedEvent;
import io.inkwell.query.cache.Versioned;
import io.inkwell.query.post.PostView.Status;
import java.time.Instant;
import java.util.List;
import org.axonframework.eventhandling.DomainEventMessage;

/**
 * A post as its events made it: the one fold of a post's events. The posts read model, the search index and
 * time travel all apply events through {@link #next}, so they cannot disagree about what an event means.
 *
 * @param version the number of the post's events folded in (the sequence number of the last one, plus one)
 */
public record PostState(String id, String authorId, String title, String content, String slug, List<String> tags,
                        Status status, long version, Instant createdAt, Instant updatedAt, Instant publishedAt)
        implements Versioned {

    public PostState {
        tags = List.copyOf(tags);
    }

    /**
     * The post after one more of its events.
     *
     * @param before   the post before the event, or null before its first event
     * @param event    the event's payload
     * @param sequence the event's sequence number in the post's stream
     * @param at       when the event happened
     * @return the post after the event; {@code before} itself for an event it has seen already (a replay, a
     *         duplicate) or one it does not know; null while the post does not exist
     */
    public static PostState next(PostState before, Object event, long sequence, Instant at) {
        if (before == null) {
            return event instanceof PostCreatedEvent e
                    ? new PostState(e.postId(), e.authorId(), e.title(), e.content(), e.slug(), e.tags(), Status.DRAFT,
                            sequence + 1, at, at, null)
                    : null;
        }
        if (sequence < before.version) {
            return before;
        }
        long version = sequence + 1;
        return switch (event) {
            case PostEditedEvent e -> new PostState(before.id, before.authorId, e.title(), e.content(), before.slug,
                    before.tags, before.status, version, before.createdAt, at, before.publishedAt);
            case PostRetaggedEvent e -> new PostState(before.id, before.authorId, before.title, before.content,
                    before.slug, e.tags(), before.status, version, before.createdAt, at, before.publishedAt);
            case PostPublishedEvent e -> before.moved(Status.PUBLISHED, version, at, at);
            case PostUnpublishedEvent e -> before.moved(Status.DRAFT, version, at, null);
            // A deleted post keeps its slug (nobody else may take it) but shows no tags.
            case PostDeletedEvent e -> new PostState(before.id, before.authorId, before.title, before.content,
                    before.slug, List.of(), Status.DELETED, version, before.createdAt, at, before.publishedAt);
            default -> before;
        };
    }

    /** Folds a post's events, oldest first; null if they do not create a post. */
    public static PostState fold(Iterable<? extends DomainEventMessage<?>> events) {
        PostState post = null;
        for (DomainEventMessage<?> event : events) {
            post = next(post, event.getPayload(), event.getSequenceNumber(), event.getTimestamp());
        }
        return post;
    }

    public boolean published() {
        return status == Status.PUBLISHED;
    }

    private PostState moved(Status status, long version, Instant at, Instant publishedAt) {
        return new PostState(id, authorId, title, content, slug, tags, status, version, createdAt, at, publishedAt);
    }
}
