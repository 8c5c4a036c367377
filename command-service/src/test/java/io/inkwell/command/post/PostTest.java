package io.inkwell.command.post;

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
import java.util.Set;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.matchers.Matchers;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class PostTest {

    private static final String ID = "post-1";
    private static final Actor AUTHOR = new Actor("author-1", Set.of("user"));
    private static final Actor OTHER_USER = new Actor("user-2", Set.of("user"));
    private static final Actor MODERATOR = new Actor(null, Set.of("moderator"));
    private static final PostCreatedEvent CREATED =
            new PostCreatedEvent(ID, "author-1", "Hello World", "First words", List.of("java", "cqrs"), "hello-world");

    private AggregateTestFixture<Post> fixture;
    private InMemorySlugRegistry slugs;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(Post.class);
        slugs = new InMemorySlugRegistry();
        fixture.registerInjectableResource(slugs);
    }

    @Test
    void writesADraftWithNormalisedTagsAndASlugFromTheTitle() {
        fixture.givenNoPriorActivity()
                .when(new CreatePostCommand(ID, " Hello World ", "First words", List.of("Java", " CQRS", "java"), null, AUTHOR))
                .expectEvents(CREATED)
                .expectResultMessagePayload("hello-world");
    }

    @Test
    void derivesTheNextFreeSlugWhenTheTitlesSlugIsTaken() {
        slugs.slugs.put("hello-world", "another-post");
        fixture.givenNoPriorActivity()
                .when(new CreatePostCommand(ID, "Hello World", "x", null, null, AUTHOR))
                .expectEvents(new PostCreatedEvent(ID, "author-1", "Hello World", "x", List.of(), "hello-world-2"))
                .expectResultMessagePayload("hello-world-2");
    }

    @Test
    void rejectsASlugThatAnotherPostHas() {
        slugs.slugs.put("taken", "another-post");
        fixture.givenNoPriorActivity()
                .when(new CreatePostCommand(ID, "Title", "x", null, "taken", AUTHOR))
                .expectNoEvents()
                .expectException(Matchers.predicate(e -> e instanceof Rejection r && r.code().equals("slug-taken")));
    }

    @Test
    void rejectsAPostFromSomeoneWithoutAProfile() {
        fixture.givenNoPriorActivity()
                .when(new CreatePostCommand(ID, "Title", "x", null, null, new Actor(null, Set.of("user"))))
                .expectNoEvents()
                .expectException(Matchers.predicate(e -> e instanceof Rejection r && r.code().equals("profile-required")));
    }

    @Test
    void editsTitleAndContentAndRetagsInOneCommand() {
        fixture.given(CREATED)
                .when(new EditPostCommand(ID, "New title", "New words", List.of("Axon"), null, AUTHOR))
                .expectEvents(new PostEditedEvent(ID, "New title", "New words"), new PostRetaggedEvent(ID, List.of("axon")))
                .expectResultMessagePayload(2L);
    }

    @Test
    void keepsWhatAnEditLeavesOut() {
        fixture.given(CREATED)
                .when(new EditPostCommand(ID, null, "Only the content", null, null, AUTHOR))
                .expectEvents(new PostEditedEvent(ID, "Hello World", "Only the content"));
    }

    @Test
    void changesNothingWhenAnEditRepeatsTheCurrentState() {
        fixture.given(CREATED)
                .when(new EditPostCommand(ID, "Hello World", "First words", List.of("JAVA", "cqrs"), null, AUTHOR))
                .expectNoEvents();
    }

    @Test
    void rejectsAnEditBySomeoneWhoIsNeitherAuthorNorModerator() {
        fixture.given(CREATED)
                .when(new EditPostCommand(ID, "Hijacked", null, null, null, OTHER_USER))
                .expectNoEvents()
                .expectException(Matchers.predicate(e -> e instanceof Rejection r && r.code().equals("not-post-author")));
    }

    @Test
    void letsAModeratorEditAnyPost() {
        fixture.given(CREATED)
                .when(new EditPostCommand(ID, "Moderated", null, null, null, MODERATOR))
                .expectEvents(new PostEditedEvent(ID, "Moderated", "First words"));
    }

    @Test
    void publishesADraft() {
        fixture.given(CREATED)
                .when(new PublishPostCommand(ID, null, AUTHOR))
                .expectEvents(new PostPublishedEvent(ID))
                .expectResultMessagePayload(1L);
    }

    @Test
    void publishingTwiceIsANoOp() {
        fixture.given(CREATED, new PostPublishedEvent(ID))
                .when(new PublishPostCommand(ID, null, AUTHOR))
                .expectNoEvents()
                .expectResultMessagePayload(1L);
    }

    @Test
    void unpublishesAPublishedPostAndIgnoresADraft() {
        fixture.given(CREATED, new PostPublishedEvent(ID))
                .when(new UnpublishPostCommand(ID, null, MODERATOR))
                .expectEvents(new PostUnpublishedEvent(ID));
        fixture.given(CREATED)
                .when(new UnpublishPostCommand(ID, null, AUTHOR))
                .expectNoEvents();
    }

    @Test
    void deletesAPost() {
        fixture.given(CREATED)
                .when(new DeletePostCommand(ID, null, AUTHOR))
                .expectEvents(new PostDeletedEvent(ID))
                .expectResultMessagePayload(1L);
    }

    @Test
    void rejectsEveryChangeToADeletedPost() {
        for (Object command : List.of(new EditPostCommand(ID, "x", null, null, null, AUTHOR),
                new PublishPostCommand(ID, null, AUTHOR), new UnpublishPostCommand(ID, null, AUTHOR),
                new DeletePostCommand(ID, null, AUTHOR))) {
            fixture.given(CREATED, new PostDeletedEvent(ID))
                    .when(command)
                    .expectNoEvents()
                    .expectException(Matchers.predicate(e -> e instanceof Rejection r && r.code().equals("post-deleted")));
        }
    }

    @Test
    void republishesAPostThatWasUnpublished() {
        fixture.given(CREATED, new PostPublishedEvent(ID), new PostUnpublishedEvent(ID))
                .when(new PublishPostCommand(ID, null, AUTHOR))
                .expectEvents(new PostPublishedEvent(ID))
                .expectResultMessagePayload(3L);
    }

    @Test
    void unpublishingTwiceIsANoOp() {
        fixture.given(CREATED, new PostPublishedEvent(ID), new PostUnpublishedEvent(ID))
                .when(new UnpublishPostCommand(ID, null, AUTHOR))
                .expectNoEvents()
                .expectResultMessagePayload(2L);
    }

    @Test
    void comparesARepeatedEditWithTheLatestEditNotTheDraft() {
        fixture.given(CREATED, new PostEditedEvent(ID, "Second title", "Second words"),
                        new PostRetaggedEvent(ID, List.of("axon")))
                .when(new EditPostCommand(ID, "Second title", "Second words", List.of("Axon"), null, AUTHOR))
                .expectNoEvents()
                .expectResultMessagePayload(2L);
        fixture.given(CREATED, new PostEditedEvent(ID, "Second title", "Second words"),
                        new PostRetaggedEvent(ID, List.of("axon")))
                .when(new EditPostCommand(ID, "Hello World", "First words", List.of("java", "cqrs"), null, AUTHOR))
                .expectEvents(new PostEditedEvent(ID, "Hello World", "First words"),
                        new PostRetaggedEvent(ID, List.of("java", "cqrs")));
    }

    @Test
    void keepsTheLatestContentWhenAnEditChangesOnlyTheTitle() {
        fixture.given(CREATED, new PostEditedEvent(ID, "Second title", "Second words"))
                .when(new EditPostCommand(ID, "Third title", null, null, null, AUTHOR))
                .expectEvents(new PostEditedEvent(ID, "Third title", "Second words"));
    }

    @Test
    void retagsWithoutEditingWhenOnlyTheTagsChange() {
        fixture.given(CREATED)
                .when(new EditPostCommand(ID, null, null, List.of("Axon", "axon"), null, AUTHOR))
                .expectEvents(new PostRetaggedEvent(ID, List.of("axon")))
                .expectResultMessagePayload(1L);
    }

    @Test
    void rejectsAPostFromAProfileWithoutTheRoleUser() {
        for (Actor withoutUserRole : List.of(new Actor("analyst-1", Set.of("analyst")), new Actor("mod-1", Set.of("moderator")))) {
            fixture.givenNoPriorActivity()
                    .when(new CreatePostCommand(ID, "Title", "x", null, null, withoutUserRole))
                    .expectNoEvents()
                    .expectException(Matchers.predicate(e -> e instanceof Rejection r && r.code().equals("profile-required")));
        }
        org.assertj.core.api.Assertions.assertThat(slugs.slugs).isEmpty();
    }

    @Test
    void rejectsPublishingUnpublishingAndDeletingBySomeoneElse() {
        for (Object command : List.of(new PublishPostCommand(ID, null, OTHER_USER),
                new UnpublishPostCommand(ID, null, OTHER_USER), new DeletePostCommand(ID, null, OTHER_USER))) {
            fixture.given(CREATED, new PostPublishedEvent(ID), new PostUnpublishedEvent(ID), new PostPublishedEvent(ID))
                    .when(command)
                    .expectNoEvents()
                    .expectException(Matchers.predicate(e -> e instanceof Rejection r && r.code().equals("not-post-author")));
        }
    }
}
