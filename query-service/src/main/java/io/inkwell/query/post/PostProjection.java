package io.inkwell.query.post;

import io.inkwell.api.post.PostCreatedEvent;
import io.inkwell.api.post.PostDeletedEvent;
import io.inkwell.api.post.PostEditedEvent;
import io.inkwell.api.post.PostPublishedEvent;
import io.inkwell.api.post.PostRetaggedEvent;
import io.inkwell.api.post.PostUnpublishedEvent;
import io.inkwell.query.projection.PostgresText;
import io.inkwell.query.web.ReadModelUpdates;
import java.time.Instant;
import java.util.List;
import java.util.function.Consumer;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.axonframework.eventhandling.Timestamp;
import org.springframework.stereotype.Component;

/**
 * The posts, tags and post_tags read models. Each event moves a row to the version it names, and only
 * forward, so an event seen twice changes nothing.
 */
@Component
@ProcessingGroup(PostProjection.NAME)
class PostProjection {

    static final String NAME = "posts";

    private final PostViews posts;
    private final ReadModelUpdates updates;

    PostProjection(PostViews posts, ReadModelUpdates updates) {
        this.posts = posts;
        this.updates = updates;
    }

    @EventHandler
    void on(PostCreatedEvent event, @SequenceNumber long sequence, @Timestamp Instant at) {
        if (!posts.existsById(event.postId())) {
            addTags(event.tags());
            posts.save(new PostView(event.postId(), event.authorId(), event.title(), event.content(), event.slug(),
                    event.tags(), sequence + 1, at));
            updates.changed();
        }
    }

    @EventHandler
    void on(PostEditedEvent event, @SequenceNumber long sequence, @Timestamp Instant at) {
        apply(event.postId(), sequence, post -> post.edit(event.title(), event.content(), sequence + 1, at));
    }

    @EventHandler
    void on(PostRetaggedEvent event, @SequenceNumber long sequence, @Timestamp Instant at) {
        apply(event.postId(), sequence, post -> {
            addTags(event.tags());
            post.retag(event.tags(), sequence + 1, at);
        });
    }

    @EventHandler
    void on(PostPublishedEvent event, @SequenceNumber long sequence, @Timestamp Instant at) {
        apply(event.postId(), sequence, post -> post.publish(sequence + 1, at));
    }

    @EventHandler
    void on(PostUnpublishedEvent event, @SequenceNumber long sequence, @Timestamp Instant at) {
        apply(event.postId(), sequence, post -> post.unpublish(sequence + 1, at));
    }

    @EventHandler
    void on(PostDeletedEvent event, @SequenceNumber long sequence, @Timestamp Instant at) {
        apply(event.postId(), sequence, post -> post.delete(sequence + 1, at));
    }

    /** A replay rebuilds the read model from nothing. */
    @ResetHandler
    void reset() {
        posts.deleteAllInBatch();
    }

    private void apply(String postId, long sequence, Consumer<PostView> change) {
        posts.findById(postId).filter(post -> post.getVersion() <= sequence).ifPresent(post -> {
            change.accept(post);
            updates.changed();
        });
    }

    private void addTags(List<String> tags) {
        tags.stream().map(PostgresText::of).forEach(posts::addTag);
    }
}
