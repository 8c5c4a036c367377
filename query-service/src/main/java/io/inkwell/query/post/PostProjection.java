package io.inkwell.query.post;

import io.inkwell.api.post.PostCreatedEvent;
import io.inkwell.api.post.PostDeletedEvent;
import io.inkwell.api.post.PostEditedEvent;
import io.inkwell.api.post.PostPublishedEvent;
import io.inkwell.api.post.PostRetaggedEvent;
import io.inkwell.api.post.PostUnpublishedEvent;
import io.inkwell.query.cache.ReadModelCache;
import io.inkwell.query.projection.DeferredWrites;
import io.inkwell.query.projection.ReadModelReplaced;
import io.inkwell.query.projection.ReadModelUpdates;
import io.inkwell.query.readmodel.BatchedStates;
import java.time.Instant;
import java.util.Set;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ReplayStatus;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.axonframework.eventhandling.Timestamp;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The posts, tags and post_tags read models, kept by {@link PostState#next}: each event moves a post's row
 * to the version it names, and only forward, so an event seen twice changes nothing.
 * <p>
 * The live instance (this bean) writes each event inside its handler call, so that a row PostgreSQL refuses
 * fails that event alone and the dead-letter queue parks it. An instance filling a rebuilt generation writes
 * a batch at a time (see {@link BatchedStates}).
 */
@Component
@ProcessingGroup(PostProjection.NAME)
class PostProjection implements DeferredWrites {

    static final String NAME = "posts";

    private static final Set<Class<?>> EVENTS = Set.of(PostCreatedEvent.class, PostEditedEvent.class,
            PostRetaggedEvent.class, PostPublishedEvent.class, PostUnpublishedEvent.class, PostDeletedEvent.class);

    private final PostRows rows;
    private final BatchedStates<PostState> states;
    private final ReadModelUpdates updates;
    private final PostPublications publications;
    private final ReadModelCache cache;
    private final boolean batched;

    @Autowired
    PostProjection(JdbcTemplate jdbc, ReadModelUpdates updates, PostPublications publications, ReadModelCache cache) {
        this(new PostRows(jdbc, PostTables.LIVE), updates, publications, cache, false);
    }

    private PostProjection(PostRows rows, ReadModelUpdates updates, PostPublications publications, ReadModelCache cache,
                           boolean batched) {
        this.rows = rows;
        this.states = new BatchedStates<>(NAME, rows, EVENTS);
        this.updates = updates;
        this.publications = publications;
        this.cache = cache;
        this.batched = batched;
    }

    /**
     * An instance that fills these tables a batch at a time, for a rebuild; it signals no reader and touches
     * no cache (the switch to its tables empties the caches of the read model).
     */
    static PostProjection batched(JdbcTemplate jdbc, PostTables tables) {
        return new PostProjection(new PostRows(jdbc, tables), null, null, null, true);
    }

    @EventHandler
    void on(PostCreatedEvent event, @SequenceNumber long sequence, @Timestamp Instant at) {
        apply(event.postId(), event, sequence, at);
    }

    @EventHandler
    void on(PostEditedEvent event, @SequenceNumber long sequence, @Timestamp Instant at) {
        apply(event.postId(), event, sequence, at);
    }

    @EventHandler
    void on(PostRetaggedEvent event, @SequenceNumber long sequence, @Timestamp Instant at) {
        apply(event.postId(), event, sequence, at);
    }

    @EventHandler
    void on(PostPublishedEvent event, @SequenceNumber long sequence, @Timestamp Instant at, ReplayStatus replay) {
        // Live subscribers hear of a publication when the post moved forward, not when a replay repeats it.
        if (apply(event.postId(), event, sequence, at) && !replay.isReplay()) {
            publications.announce(event.postId());
        }
    }

    @EventHandler
    void on(PostUnpublishedEvent event, @SequenceNumber long sequence, @Timestamp Instant at) {
        apply(event.postId(), event, sequence, at);
    }

    @EventHandler
    void on(PostDeletedEvent event, @SequenceNumber long sequence, @Timestamp Instant at) {
        apply(event.postId(), event, sequence, at);
    }

    @Override
    public boolean writesInHandlerCall() {
        return !batched || states.writesInHandlerCall();
    }

    /** A replay rebuilds the read model from nothing. */
    @ResetHandler
    void reset() {
        rows.deleteAll();
        if (cache != null) {
            cache.on(new ReadModelReplaced(NAME));
        }
    }

    /** Whether the live read model changed now (a rebuild's batches write later, and tell no one). */
    private boolean apply(String postId, Object event, long sequence, Instant at) {
        if (batched) {
            states.apply(postId, post -> PostState.next(post, event, sequence, at));
            return false;
        }
        PostState written = states.applyNow(postId, post -> PostState.next(post, event, sequence, at));
        if (written == null) {
            return false;
        }
        updates.changed();
        cache.storeAfterCommit(PostLookup.POSTS, postId, written);
        if (changesTagCounts(event, written)) {
            cache.advanceAfterCommit(PostLookup.TAG_COUNTS);
        }
        return true;
    }

    /** Only published posts count: a publication, an unpublication, a deletion, or new tags on a published post. */
    private static boolean changesTagCounts(Object event, PostState written) {
        return event instanceof PostPublishedEvent || event instanceof PostUnpublishedEvent
                || event instanceof PostDeletedEvent || event instanceof PostRetaggedEvent && written.published();
    }
}
