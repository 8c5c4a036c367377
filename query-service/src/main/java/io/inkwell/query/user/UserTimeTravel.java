package io.inkwell.query.user;

import io.inkwell.query.security.Viewer;
import io.inkwell.query.timetravel.PointInTime;
import io.inkwell.query.timetravel.TimeTravelAccess;
import io.inkwell.query.user.UserController.UserResponse;
import io.inkwell.query.web.NotFoundException;
import java.util.ArrayList;
import java.util.List;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.springframework.stereotype.Component;

/**
 * A profile as it was at a point of its history, folded from its events by {@link UserState}. A profile
 * deleted since shows no personal data from any point of its past: deletion erases it for good.
 */
@Component
class UserTimeTravel {

    private final EventStore events;
    private final UserViews users;

    UserTimeTravel(EventStore events, UserViews users) {
        this.events = events;
        this.users = users;
    }

    UserResponse at(String id, PointInTime point, Viewer viewer) {
        String what = "User " + id;
        TimeTravelAccess.requireSignedIn(viewer);
        List<DomainEventMessage<?>> history = new ArrayList<>();
        events.readEvents(id, 0).forEachRemaining(history::add);
        UserState today = UserState.fold(history);
        if (today == null) {
            throw new NotFoundException(what + " does not exist");
        }
        TimeTravelAccess.check(viewer, viewer.is(id),
                () -> users.findById(id).filter(UserView::isActive).isPresent(), what);
        List<DomainEventMessage<?>> folded = point.upTo(history);
        UserState then = UserState.fold(folded);
        if (then == null) {
            throw new NotFoundException(what + " did not exist yet at " + point);
        }
        boolean erased = !today.active();
        return new UserResponse(then.id(), erased ? null : then.name(),
                erased || !viewer.maySeeEmailOf(id) ? null : then.email(), then.version(), then.registeredAt(),
                then.updatedAt(), PointInTime.shownAt(folded));
    }
}
