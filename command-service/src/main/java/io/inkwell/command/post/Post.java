package io.inkwell.command.post;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;
import static org.axonframework.modelling.command.AggregateLifecycle.getVersion;

import io.inkwell.api.Actor;
import io.inkwell.api.post.CreatePostCommand;
import io.inkwell.api.post.DeletePostCommand;
import io.inkwell.api.post.EditPostCommand;
import io.inkwell.api.post.PostCreatedEvent;
import io.inkwell.api.post.PostDeletedEvent;
import io.inkwell.api.post.PostEditedEvent;
import io.inkwell.api.post.PostPublishedEvent;
import io.inkwell.api.post.PostRetaggedEvent;
import io.inkwell.api.post.PostUnpublishedEvent;
import io.inkwell.api.post.PublishPostCommand;
import io.inkwell.api.post.UnpublishPostCommand;
import io.inkwell.command.domain.Rejection;
import java.util.List;
import java.util.Objects;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateCreationPolicy;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.CreationPolicy;
import org.axonframework.spring.stereotype.Aggregate;

/**
 * A post: written as a draft by a user with a profile, then edited, tagged, published and unpublished by
 * its author or a moderator. A deleted post accepts nothing more. Repeating a state changes nothing.
 */
@Aggregate
class Post {

    @AggregateIdentifier
    private String postId;
    private String authorId;
    private String title;
    private String content;
    private List<String> tags;
    private boolean published;
    private boolean deleted;

    Post() {
        // for Axon
    }

    /** Answers the slug the post got, which the client learns from the create's response. */
    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.ALWAYS)
    String handle(CreatePostCommand command, SlugRegistry slugs) {
        Actor author = command.actor();
        if (author.userId() == null || !author.roles().contains(Actor.ROLE_USER)) {
            throw new Rejection("profile-required", "Writing posts needs the role 'user' and a registered profile");
        }
        String title = command.title().strip();
        String slug = command.slug() != null
                ? slugs.claim(command.slug(), command.postId())
                : slugs.claimDerivedFrom(title, command.postId());
        apply(new PostCreatedEvent(command.postId(), author.userId(), title, command.content(),
                Tags.normalize(command.tags()), slug));
        return slug;
    }

    @CommandHandler
    long handle(EditPostCommand command) {
        requireChangeableBy(command.actor());
        String newTitle = command.title() == null ? title : command.title().strip();
        String newContent = command.content() == null ? content : command.content();
        if (!newTitle.equals(title) || !newContent.equals(content)) {
            apply(new PostEditedEvent(postId, newTitle, newContent));
        }
        if (command.tags() != null && !Tags.normalize(command.tags()).equals(tags)) {
            apply(new PostRetaggedEvent(postId, Tags.normalize(command.tags())));
        }
        return getVersion();
    }

    @CommandHandler
    long handle(PublishPostCommand command) {
        requireChangeableBy(command.actor());
        if (!published) {
            apply(new PostPublishedEvent(postId));
        }
        return getVersion();
    }

    @CommandHandler
    long handle(UnpublishPostCommand command) {
        requireChangeableBy(command.actor());
        if (published) {
            apply(new PostUnpublishedEvent(postId));
        }
        return getVersion();
    }

    @CommandHandler
    long handle(DeletePostCommand command) {
        requireChangeableBy(command.actor());
        apply(new PostDeletedEvent(postId));
        return getVersion();
    }

    private void requireChangeableBy(Actor actor) {
        if (deleted) {
            throw new Rejection("post-deleted", "Post " + postId + " has been deleted");
        }
        if (!actor.is(authorId) && !actor.isModerator()) {
            throw new Rejection("not-post-author", "Only the author or a moderator may change this post");
        }
    }

    @EventSourcingHandler
    void on(PostCreatedEvent event) {
        postId = event.postId();
        authorId = event.authorId();
        title = event.title();
        content = event.content();
        tags = event.tags();
    }

    @EventSourcingHandler
    void on(PostEditedEvent event) {
        title = event.title();
        content = event.content();
    }

    @EventSourcingHandler
    void on(PostRetaggedEvent event) {
        tags = List.copyOf(Objects.requireNonNull(event.tags()));
    }

    @EventSourcingHandler
    void on(PostPublishedEvent event) {
        published = true;
    }

    @EventSourcingHandler
    void on(PostUnpublishedEvent event) {
        published = false;
    }

    @EventSourcingHandler
    void on(PostDeletedEvent event) {
        deleted = true;
    }
}
