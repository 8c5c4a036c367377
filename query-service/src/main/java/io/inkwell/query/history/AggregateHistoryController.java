package io.inkwell.query.history;

import io.inkwell.query.security.CurrentViewer;
import io.inkwell.query.security.Viewer;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import java.util.function.Predicate;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
@Tag(name = "History", description = "The complete event history, for analysts and for owners of their own")
@RequestMapping("/api/v1")
class AggregateHistoryController {

    /** An aggregate's events, oldest first. */
    record AggregateHistory(List<HistoryEvent> data) {
    }

    private final EventStore events;
    private final HistoryEvents views;
    private final DeletedUsers deletedUsers;
    private final CurrentViewer viewers;

    AggregateHistoryController(EventStore events, HistoryEvents views, DeletedUsers deletedUsers, CurrentViewer viewers) {
        this.events = events;
        this.views = views;
        this.deletedUsers = deletedUsers;
        this.viewers = viewers;
    }

    // by-slug/history is the post with the slug "history" (GET /posts/by-slug/{slug}), not a history.
    @GetMapping("/posts/{id:(?!by-slug$).+}/history")
    @Operation(summary = "A post's events, oldest first",
            description = "Analysts and admins, and the post's author. Events here carry no position (the store"
                    + " does not tell it when reading one aggregate).")
    AggregateHistory post(@PathVariable String id) {
        Viewer viewer = viewers.get();
        List<? extends DomainEventMessage<?>> history = read(id);
        HistoryAccess.checkPost(viewer, id, history);
        return show(history, viewer);
    }

    @GetMapping("/users/{id}/history")
    @Operation(summary = "A profile's events, oldest first",
            description = "Analysts and admins, and the user themself. Personal data shows as the profile API shows"
                    + " it: the email only to the user and admins, nothing of a deleted user.")
    AggregateHistory user(@PathVariable String id) {
        Viewer viewer = viewers.get();
        List<? extends DomainEventMessage<?>> history = read(id);
        HistoryAccess.checkUser(viewer, id, history);
        return show(history, viewer);
    }

    private List<? extends DomainEventMessage<?>> read(String id) {
        return events.readEvents(id, 0).asStream().toList();
    }

    private AggregateHistory show(List<? extends DomainEventMessage<?>> history, Viewer viewer) {
        Predicate<String> deleted = deletedUsers.lookup();
        return new AggregateHistory(history.stream().map(event -> views.view(event, viewer, deleted)).toList());
    }
}
