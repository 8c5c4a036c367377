package io.inkwell.query.post;

import io.inkwell.query.security.Viewer;
import io.inkwell.query.timetravel.PointInTime;
import io.inkwell.query.timetravel.TimeTravelAccess;
import io.inkwell.query.web.NotFoundException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.springframework.stereotype.Component;

/**
 * A post as it was at a point of its history, folded from its events by {@link PostState}, with its
 * author's name as the users read model has it today.
 */
@Component
class PostTimeTravel {

    private final EventStore events;
    private final PostViews posts;
    private final Authors authors;

    PostTimeTravel(EventStore events, PostViews posts, Authors authors) {
        this.events = events;
        this.posts = posts;
        this.authors = authors;
    }

    PostResponse at(String id, PointInTime point, Viewer viewer) {
        String what = "Post " + id;
        TimeTravelAccess.requireSignedIn(viewer);
        List<DomainEventMessage<?>> history = new ArrayList<>();
        events.readEvents(id, 0).forEachRemaining(history::add);
        PostState today = PostState.fold(history);
        if (today == null) {
            throw new NotFoundException(what + " does not exist");
        }
        TimeTravelAccess.check(viewer, viewer.is(today.authorId()),
                () -> posts.findById(id).filter(post -> PostFilters.mayRead(viewer, post)).isPresent(), what);
        List<DomainEventMessage<?>> folded = point.upTo(history);
        PostState then = PostState.fold(folded);
        if (then == null) {
            throw new NotFoundException(what + " did not exist yet at " + point);
        }
        Map<String, String> names = authors.namesOf(List.of(then.authorId()));
        return new PostResponse(then.id(), then.slug(), then.title(), then.content(), then.tags(),
                then.status().name().toLowerCase(Locale.ROOT), authors.author(then.authorId(), names), then.version(),
                then.createdAt(), then.updatedAt(), then.publishedAt(), PointInTime.shownAt(folded));
    }
}
