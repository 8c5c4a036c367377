package io.inkwell.query.search;

import io.inkwell.api.post.PostCreatedEvent;
import io.inkwell.api.post.PostDeletedEvent;
import io.inkwell.api.post.PostEditedEvent;
import io.inkwell.api.post.PostPublishedEvent;
import io.inkwell.api.post.PostRetaggedEvent;
import io.inkwell.api.post.PostUnpublishedEvent;
import io.inkwell.query.post.PostState;
import io.inkwell.query.projection.DeferredWrites;
import java.util.Set;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

/**
 * The search index of posts. Each event folds onto the post as the index (or the batch so far) holds it,
 * through the one fold of a post's events, and the result is written with the post's version. A post's
 * history is read from the event store only where there is nothing to fold onto: a document of an older
 * definition that holds no whole post, or one that misses events (its write was refused and parked).
 */
@Component
@ProcessingGroup(PostSearchProjection.NAME)
class PostSearchProjection implements DeferredWrites {

    static final String NAME = "post-search";
    static final Set<Class<?>> EVENTS = Set.of(PostCreatedEvent.class, PostEditedEvent.class, PostRetaggedEvent.class,
            PostPublishedEvent.class, PostUnpublishedEvent.class, PostDeletedEvent.class);

    private final PostWrites writes;
    private final EventStore events;

    @Autowired
    PostSearchProjection(SearchReadModel readModel, EventStore events) {
        this(readModel.liveWrites(), events);
    }

    PostSearchProjection(PostWrites writes, EventStore events) {
        this.writes = writes;
        this.events = events;
    }

    /**
     * Never: documents go to Elasticsearch at the batch's commit, and a call writes nothing to PostgreSQL, so
     * a savepoint around it (two round trips per event, a fifth of a rebuild's time) would guard nothing. So a
     * failing event is dead-lettered at once, without the in-place retries of {@code IsolatedEventHandlers}
     * (a fold fails alike every time), and a failed read of a post's history fails the batch, which is retried.
     */
    @Override
    public boolean writesInHandlerCall() {
        return false;
    }

    @EventHandler
    void on(PostCreatedEvent event, DomainEventMessage<?> message) {
        // A post's first event needs nothing read; replayed over a newer document, its write is refused as stale.
        writes.stage(PostState.next(null, event, message.getSequenceNumber(), message.getTimestamp()));
    }

    @EventHandler
    void on(PostEditedEvent event, DomainEventMessage<?> message) {
        fold(message);
    }

    @EventHandler
    void on(PostRetaggedEvent event, DomainEventMessage<?> message) {
        fold(message);
    }

    @EventHandler
    void on(PostPublishedEvent event, DomainEventMessage<?> message) {
        fold(message);
    }

    @EventHandler
    void on(PostUnpublishedEvent event, DomainEventMessage<?> message) {
        fold(message);
    }

    @EventHandler
    void on(PostDeletedEvent event, DomainEventMessage<?> message) {
        fold(message);
    }

    private void fold(DomainEventMessage<?> message) {
        String postId = message.getAggregateIdentifier();
        long sequence = message.getSequenceNumber();
        PostState before = writes.before(postId, sequence);
        if (before == null || before.version() < sequence) {
            before = PostState.fold(events.readEvents(postId, 0).asStream()
                    .takeWhile(event -> event.getSequenceNumber() < sequence).toList());
        }
        writes.stage(PostState.next(before, message.getPayload(), sequence, message.getTimestamp()));
    }
}
