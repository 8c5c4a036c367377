package io.inkwell.query.search;

import io.inkwell.api.post.PostCreatedEvent;
import io.inkwell.api.post.PostDeletedEvent;
import io.inkwell.api.post.PostEditedEvent;
import io.inkwell.api.post.PostPublishedEvent;
import io.inkwell.api.post.PostRetaggedEvent;
import io.inkwell.api.post.PostUnpublishedEvent;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.springframework.stereotype.Component;

/**
 * The search index of published posts. Whatever a post's event says, the document is rebuilt from the
 * post's own history up to that event and written with that version: the result does not depend on the
 * order in which events arrive, nor on how often.
 */
@Component
@ProcessingGroup(PostSearchProjection.NAME)
class PostSearchProjection {

    static final String NAME = "post-search";

    private final EventStore events;
    private final PostIndex index;

    PostSearchProjection(EventStore events, PostIndex index) {
        this.events = events;
        this.index = index;
    }

    @EventHandler
    void on(PostCreatedEvent event, @SequenceNumber long sequence) {
        reindex(event.postId(), sequence);
    }

    @EventHandler
    void on(PostEditedEvent event, @SequenceNumber long sequence) {
        reindex(event.postId(), sequence);
    }

    @EventHandler
    void on(PostRetaggedEvent event, @SequenceNumber long sequence) {
        reindex(event.postId(), sequence);
    }

    @EventHandler
    void on(PostPublishedEvent event, @SequenceNumber long sequence) {
        reindex(event.postId(), sequence);
    }

    @EventHandler
    void on(PostUnpublishedEvent event, @SequenceNumber long sequence) {
        reindex(event.postId(), sequence);
    }

    @EventHandler
    void on(PostDeletedEvent event, @SequenceNumber long sequence) {
        reindex(event.postId(), sequence);
    }

    private void reindex(String postId, long sequence) {
        var history = events.readEvents(postId).asStream()
                .takeWhile(event -> event.getSequenceNumber() <= sequence)
                .toList();
        index.stage(PostHistory.fold(postId, history), sequence + 1);
    }
}
