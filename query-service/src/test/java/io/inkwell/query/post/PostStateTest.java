package io.inkwell.query.post;

import static org.assertj.core.api.Assertions.assertThat;

import io.inkwell.api.post.PostCreatedEvent;
import io.inkwell.api.post.PostDeletedEvent;
import io.inkwell.api.post.PostEditedEvent;
import io.inkwell.api.post.PostPublishedEvent;
import io.inkwell.api.post.PostRetaggedEvent;
import io.inkwell.api.post.PostUnpublishedEvent;
import io.inkwell.api.user.UserRenamedEvent;
import io.inkwell.query.post.PostView.Status;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.messaging.MetaData;
import org.junit.jupiter.api.Test;

/** The one fold of a post's events, without any server. */
class PostStateTest {

    private static final String ID = "post-1";
    private static final Instant T0 = Instant.parse("2026-01-01T10:00:00Z");

    private static Instant at(int minutes) {
        return T0.plusSeconds(60L * minutes);
    }

    private static PostState created() {
        return PostState.next(null, new PostCreatedEvent(ID, "author-1", "Title", "Words", List.of("a", "b"), "the-slug"),
                0, at(0));
    }

    @Test
    void creationMakesADraftWithEverythingTheEventSays() {
        assertThat(created()).isEqualTo(new PostState(ID, "author-1", "Title", "Words", "the-slug", List.of("a", "b"),
                Status.DRAFT, 1, at(0), at(0), null));
    }

    @Test
    void anEditReplacesTitleAndContentAndKeepsTheRest() {
        PostState edited = PostState.next(created(), new PostEditedEvent(ID, "New", "Other words"), 1, at(1));
        assertThat(edited).isEqualTo(new PostState(ID, "author-1", "New", "Other words", "the-slug", List.of("a", "b"),
                Status.DRAFT, 2, at(0), at(1), null));
    }

    @Test
    void repeatedEditsKeepTheLastAndCountEachOne() {
        PostState post = created();
        for (int i = 1; i <= 5; i++) {
            post = PostState.next(post, new PostEditedEvent(ID, "Title " + i, "Words " + i), i, at(i));
        }
        assertThat(post.title()).isEqualTo("Title 5");
        assertThat(post.content()).isEqualTo("Words 5");
        assertThat(post.version()).isEqualTo(6);
        assertThat(post.updatedAt()).isEqualTo(at(5));
        assertThat(post.createdAt()).isEqualTo(at(0));
    }

    @Test
    void aRetagReplacesTheTagsInTheirNewOrder() {
        PostState retagged = PostState.next(created(), new PostRetaggedEvent(ID, List.of("c", "a")), 1, at(1));
        assertThat(retagged.tags()).containsExactly("c", "a");
        assertThat(retagged.title()).isEqualTo("Title");
        assertThat(retagged.version()).isEqualTo(2);
        assertThat(retagged.updatedAt()).isEqualTo(at(1));
    }

    @Test
    void publishingSetsThePublicationTimeAndUnpublishingTakesItBack() {
        PostState published = PostState.next(created(), new PostPublishedEvent(ID), 1, at(1));
        assertThat(published.status()).isEqualTo(Status.PUBLISHED);
        assertThat(published.published()).isTrue();
        assertThat(published.publishedAt()).isEqualTo(at(1));
        PostState unpublished = PostState.next(published, new PostUnpublishedEvent(ID), 2, at(2));
        assertThat(unpublished.status()).isEqualTo(Status.DRAFT);
        assertThat(unpublished.published()).isFalse();
        assertThat(unpublished.publishedAt()).isNull();
        assertThat(unpublished.version()).isEqualTo(3);
    }

    @Test
    void republishingAfterAnUnpublishTakesTheNewTime() {
        PostState post = PostState.next(created(), new PostPublishedEvent(ID), 1, at(1));
        post = PostState.next(post, new PostUnpublishedEvent(ID), 2, at(2));
        post = PostState.next(post, new PostPublishedEvent(ID), 3, at(3));
        assertThat(post.status()).isEqualTo(Status.PUBLISHED);
        assertThat(post.publishedAt()).isEqualTo(at(3));
        assertThat(post.version()).isEqualTo(4);
    }

    @Test
    void deletionKeepsTheSlugAndDropsTheTags() {
        PostState published = PostState.next(created(), new PostPublishedEvent(ID), 1, at(1));
        PostState deleted = PostState.next(published, new PostDeletedEvent(ID), 2, at(2));
        assertThat(deleted.status()).isEqualTo(Status.DELETED);
        assertThat(deleted.slug()).isEqualTo("the-slug");
        assertThat(deleted.tags()).isEmpty();
        assertThat(deleted.version()).isEqualTo(3);
        assertThat(deleted.updatedAt()).isEqualTo(at(2));
    }

    @Test
    void anEventSeenAlreadyChangesNothing() {
        PostState edited = PostState.next(created(), new PostEditedEvent(ID, "New", "Other"), 1, at(1));
        // The same event again (a replay), and an older one arriving late.
        assertThat(PostState.next(edited, new PostEditedEvent(ID, "New", "Other"), 1, at(1))).isSameAs(edited);
        assertThat(PostState.next(edited, new PostRetaggedEvent(ID, List.of("late")), 0, at(0))).isSameAs(edited);
        assertThat(PostState.next(edited,
                new PostCreatedEvent(ID, "someone-else", "Again", "x", List.of(), "other-slug"), 0, at(5))).isSameAs(edited);
    }

    @Test
    void anEventItDoesNotKnowChangesNothing() {
        PostState post = created();
        assertThat(PostState.next(post, new UserRenamedEvent("user-1", "Name"), 1, at(1))).isSameAs(post);
        assertThat(PostState.next(post, "some text", 1, at(1))).isSameAs(post);
    }

    @Test
    void eventsBeforeTheCreationMakeNoPost() {
        assertThat(PostState.next(null, new PostEditedEvent(ID, "Orphan", "x"), 1, at(1))).isNull();
        assertThat(PostState.next(null, new PostPublishedEvent(ID), 0, at(1))).isNull();
        assertThat(PostState.next(null, new PostDeletedEvent(ID), 0, at(1))).isNull();
    }

    @Test
    void foldAppliesAStreamInOrderAndAnEmptyStreamIsNoPost() {
        List<DomainEventMessage<?>> events = new ArrayList<>();
        events.add(message(0, new PostCreatedEvent(ID, "author-1", "Title", "Words", List.of("a"), "the-slug")));
        events.add(message(1, new PostEditedEvent(ID, "Edited", "More words")));
        events.add(message(2, new PostPublishedEvent(ID)));
        events.add(message(3, new PostRetaggedEvent(ID, List.of("x", "y"))));
        PostState post = PostState.fold(events);
        assertThat(post.title()).isEqualTo("Edited");
        assertThat(post.tags()).containsExactly("x", "y");
        assertThat(post.status()).isEqualTo(Status.PUBLISHED);
        assertThat(post.version()).isEqualTo(4);
        assertThat(PostState.fold(List.of())).isNull();
    }

    @Test
    void theTagsCannotBeChangedFromOutside() {
        List<String> tags = new ArrayList<>(List.of("a"));
        PostState post = PostState.next(null, new PostCreatedEvent(ID, "author-1", "T", "C", tags, "s"), 0, at(0));
        tags.add("b");
        assertThat(post.tags()).containsExactly("a");
    }

    private static DomainEventMessage<?> message(long sequence, Object payload) {
        return new GenericDomainEventMessage<>("Post", ID, sequence, payload, MetaData.emptyInstance(),
                UUID.randomUUID().toString(), at((int) sequence));
    }
}
