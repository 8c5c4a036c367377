package io.inkwell.query.history;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.inkwell.api.post.PostCreatedEvent;
import io.inkwell.api.post.PostDeletedEvent;
import io.inkwell.api.post.PostEditedEvent;
import io.inkwell.api.post.PostPublishedEvent;
import io.inkwell.api.post.PostUnpublishedEvent;
import io.inkwell.api.user.UserDeletedEvent;
import io.inkwell.api.user.UserRegisteredEvent;
import io.inkwell.query.security.Viewer;
import io.inkwell.query.web.NotFoundException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.junit.jupiter.api.Test;
import org.springframework.web.ErrorResponseException;

/** Who may read which history, decided from the aggregate's own events; 403 where the REST API shows it, 404 where not. */
class HistoryAccessTest {

    private static final Viewer AUTHOR = viewer("iss", "sub-a", "author-1", "user");
    private static final Viewer OTHER = viewer("iss", "sub-o", "other-1", "user");
    private static final Viewer MODERATOR = viewer("iss", "sub-m", null, "moderator");
    private static final Viewer ANALYST = viewer("iss", "sub-n", null, "analyst");
    private static final Viewer ADMIN = viewer("iss", "sub-d", null, "admin");

    @Test
    void letsAnalystsAdminsAndTheAuthorReadAnyPostsHistory() {
        List<DomainEventMessage<?>> deletedDraft = post(new PostDeletedEvent("p-1"));
        for (Viewer viewer : List.of(AUTHOR, ANALYST, ADMIN)) {
            assertThatCode(() -> HistoryAccess.checkPost(viewer, "p-1", deletedDraft)).doesNotThrowAnyException();
        }
    }

    @Test
    void forbidsOthersAPublishedPostsHistoryAndHidesDraftsAndDeletedPosts() {
        assertForbidden(() -> HistoryAccess.checkPost(OTHER, "p-1", post(new PostPublishedEvent("p-1"))));
        assertNotFound(() -> HistoryAccess.checkPost(OTHER, "p-1", post()));
        assertNotFound(() -> HistoryAccess.checkPost(OTHER, "p-1",
                post(new PostPublishedEvent("p-1"), new PostUnpublishedEvent("p-1"))));
        assertNotFound(() -> HistoryAccess.checkPost(OTHER, "p-1", post(new PostPublishedEvent("p-1"), new PostDeletedEvent("p-1"))));
        // A moderator may see the draft today, so its history is refused rather than hidden.
        assertForbidden(() -> HistoryAccess.checkPost(MODERATOR, "p-1", post()));
        assertNotFound(() -> HistoryAccess.checkPost(MODERATOR, "p-1", post(new PostDeletedEvent("p-1"))));
    }

    @Test
    void judgesAPostByItsLastChangeOfStatusNotByItsLastEvent() {
        assertForbidden(() -> HistoryAccess.checkPost(OTHER, "p-1",
                post(new PostPublishedEvent("p-1"), new PostEditedEvent("p-1", "New title", "x"))));
        assertNotFound(() -> HistoryAccess.checkPost(OTHER, "p-1",
                post(new PostPublishedEvent("p-1"), new PostUnpublishedEvent("p-1"), new PostEditedEvent("p-1", "t", "x"))));
        assertNotFound(() -> HistoryAccess.checkPost(MODERATOR, "p-1",
                post(new PostPublishedEvent("p-1"), new PostDeletedEvent("p-1"), new PostEditedEvent("p-1", "t", "x"))));
        assertForbidden(() -> HistoryAccess.checkPost(OTHER, "p-1",
                post(new PostPublishedEvent("p-1"), new PostUnpublishedEvent("p-1"), new PostPublishedEvent("p-1"))));
    }

    @Test
    void answersNotFoundForNoEventsOrAnotherKindOfAggregate() {
        assertNotFound(() -> HistoryAccess.checkPost(ADMIN, "p-1", List.of()));
        assertNotFound(() -> HistoryAccess.checkPost(ADMIN, "u-1", user()));
        assertNotFound(() -> HistoryAccess.checkUser(ADMIN, "u-1", List.of()));
        assertNotFound(() -> HistoryAccess.checkUser(ADMIN, "p-1", post()));
    }

    @Test
    void letsAUserReadTheirOwnProfilesHistoryByIdOrByIdentity() {
        assertThatCode(() -> HistoryAccess.checkUser(viewer("iss", "sub-x", "u-1", "user"), "u-1", user())).doesNotThrowAnyException();
        // Before the read model links the identity to the profile, the registration itself names it.
        assertThatCode(() -> HistoryAccess.checkUser(viewer("iss", "sub-u", null, "user"), "u-1", user())).doesNotThrowAnyException();
        assertThatCode(() -> HistoryAccess.checkUser(ANALYST, "u-1", user())).doesNotThrowAnyException();
    }

    @Test
    void forbidsOthersAProfilesHistoryAndHidesADeletedOne() {
        assertForbidden(() -> HistoryAccess.checkUser(viewer("other-iss", "sub-u", null, "user"), "u-1", user()));
        assertForbidden(() -> HistoryAccess.checkUser(OTHER, "u-1", user()));
        assertNotFound(() -> HistoryAccess.checkUser(OTHER, "u-1", user(new UserDeletedEvent("u-1"))));
        assertThatCode(() -> HistoryAccess.checkUser(ADMIN, "u-1", user(new UserDeletedEvent("u-1")))).doesNotThrowAnyException();
    }

    private static void assertForbidden(org.assertj.core.api.ThrowableAssert.ThrowingCallable check) {
        assertThatThrownBy(check).isInstanceOfSatisfying(ErrorResponseException.class,
                e -> org.assertj.core.api.Assertions.assertThat(e.getStatusCode().value()).isEqualTo(403));
    }

    private static void assertNotFound(org.assertj.core.api.ThrowableAssert.ThrowingCallable check) {
        assertThatThrownBy(check).isInstanceOf(NotFoundException.class).hasMessageEndingWith("does not exist");
    }

    private static List<DomainEventMessage<?>> post(Object... later) {
        List<DomainEventMessage<?>> events = new ArrayList<>();
        events.add(new GenericDomainEventMessage<>("Post", "p-1", 0,
                new PostCreatedEvent("p-1", "author-1", "Title", "x", List.of(), "title")));
        for (Object event : later) {
            events.add(new GenericDomainEventMessage<>("Post", "p-1", events.size(), event));
        }
        return events;
    }

    private static List<DomainEventMessage<?>> user(Object... later) {
        List<DomainEventMessage<?>> events = new ArrayList<>();
        events.add(new GenericDomainEventMessage<>("User", "u-1", 0,
                new UserRegisteredEvent("u-1", "Una", "una@inkwell.test", "iss", "sub-u")));
        for (Object event : later) {
            events.add(new GenericDomainEventMessage<>("User", "u-1", events.size(), event));
        }
        return events;
    }

    private static Viewer viewer(String issuer, String subject, String userId, String role) {
        return new Viewer(issuer, subject, Set.of(role), Optional.ofNullable(userId));
    }
}
