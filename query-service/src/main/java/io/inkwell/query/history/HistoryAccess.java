package io.inkwell.query.history;

import io.inkwell.api.post.PostCreatedEvent;
import io.inkwell.api.post.PostDeletedEvent;
import io.inkwell.api.post.PostPublishedEvent;
import io.inkwell.api.post.PostUnpublishedEvent;
import io.inkwell.api.user.UserDeletedEvent;
import io.inkwell.api.user.UserRegisteredEvent;
import io.inkwell.query.security.Viewer;
import io.inkwell.query.web.NotFoundException;
import io.inkwell.support.web.Problem;
import java.util.List;
import java.util.Objects;
import org.axonframework.eventhandling.DomainEventMessage;
import org.springframework.web.ErrorResponseException;

/**
 * Who may read an aggregate's history: analysts and admins every one; a user their own profile's and their
 * own posts'. Anyone else learns no more than the REST API tells them: a post or profile they may read is
 * 403, one they may not even see (someone else's draft, a deleted one) is 404 like one that never existed.
 * Decided from the aggregate's own events, so a read model that lags changes nothing.
 */
final class HistoryAccess {

    static final String ANALYST = "analyst";

    private HistoryAccess() {
    }

    static boolean mayReadEverything(Viewer viewer) {
        return viewer.roles().contains(ANALYST) || viewer.isAdmin();
    }

    static void checkPost(Viewer viewer, String id, List<? extends DomainEventMessage<?>> events) {
        if (events.isEmpty() || !"Post".equals(events.getFirst().getType())) {
            throw new NotFoundException("Post " + id + " does not exist");
        }
        String author = events.getFirst().getPayload() instanceof PostCreatedEvent created ? created.authorId() : null;
        if (mayReadEverything(viewer) || author != null && viewer.is(author)) {
            return;
        }
        boolean visible = switch (lastStatusChange(events)) {
            case PostPublishedEvent published -> true;
            case PostDeletedEvent deleted -> false;
            case null, default -> viewer.maySeeDraftOf(author);
        };
        if (!visible) {
            throw new NotFoundException("Post " + id + " does not exist");
        }
        throw forbidden("Only the author, analysts and admins may read this post's history");
    }

    static void checkUser(Viewer viewer, String id, List<? extends DomainEventMessage<?>> events) {
        if (events.isEmpty() || !"User".equals(events.getFirst().getType())) {
            throw new NotFoundException("User " + id + " does not exist");
        }
        boolean own = viewer.is(id) || events.getFirst().getPayload() instanceof UserRegisteredEvent registered
                && Objects.equals(registered.issuer(), viewer.issuer()) && Objects.equals(registered.subject(), viewer.subject());
        if (mayReadEverything(viewer) || own) {
            return;
        }
        if (events.stream().anyMatch(event -> event.getPayloadType() == UserDeletedEvent.class)) {
            throw new NotFoundException("User " + id + " does not exist");
        }
        throw forbidden("Only the user themself, analysts and admins may read this profile's history");
    }

    private static Object lastStatusChange(List<? extends DomainEventMessage<?>> events) {
        Object last = null;
        for (DomainEventMessage<?> event : events) {
            Class<?> type = event.getPayloadType();
            if (type == PostPublishedEvent.class || type == PostUnpublishedEvent.class || type == PostDeletedEvent.class) {
                last = event.getPayload();
            }
        }
        return last;
    }

    private static ErrorResponseException forbidden(String detail) {
        return new ErrorResponseException(Problem.FORBIDDEN.status(), Problem.FORBIDDEN.detail(detail), null);
    }
}
