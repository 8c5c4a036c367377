package io.inkwell.query.user;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.inkwell.query.security.CurrentViewer;
import io.inkwell.query.security.Viewer;
import io.inkwell.query.timetravel.PointInTime;
import io.inkwell.query.web.NotCaughtUpException;
import io.inkwell.query.web.NotFoundException;
import io.inkwell.query.web.CachedAnswers;
import io.inkwell.query.web.PageResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Size;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Sort;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@Tag(name = "Users", description = "Read profiles")
@RequestMapping("/api/v1/users")
class UserController {

    /**
     * A profile; the email only for the user themself and admins.
     *
     * @param asOf for a profile as it was (time travel), the time of the last event it shows; absent otherwise
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    record UserResponse(String id, String name, String email, long version, Instant registeredAt, Instant updatedAt,
                        Instant asOf) {
    }

    private final UserViews users;
    private final CurrentViewer viewers;
    private final UserLookup lookup;
    private final UserTimeTravel timeTravel;
    private final Duration maxWait;

    UserController(UserViews users, CurrentViewer viewers, UserLookup lookup, UserTimeTravel timeTravel,
                   @Value("${inkwell.read-your-writes.max-wait:3s}") Duration maxWait) {
        this.users = users;
        this.timeTravel = timeTravel;
        this.viewers = viewers;
        this.lookup = lookup;
        this.maxWait = maxWait;
    }

    /** Lists active profiles by name; {@code search} matches names, and emails too for admins. */
    @GetMapping
    PageResponse<UserResponse> list(@RequestParam(defaultValue = "1") @Min(1) @Max(100_000) int page,
                                    @RequestParam(defaultValue = "10") @Min(1) @Max(100) int limit,
                                    @RequestParam(required = false) @Size(min = 1, max = 100) String search) {
        Viewer viewer = viewers.get();
        PageRequest request = PageRequest.of(page - 1, limit, Sort.by("name", "id"));
        Page<UserView> found = search == null || search.isBlank()
                ? users.findByActiveTrue(request)
                : users.search(search.strip(), viewer.isAdmin(), request);
        return PageResponse.of(found, user -> response(user, viewer));
    }

    /**
     * The profile as it is, or with {@code asOf} or {@code atVersion} as it was then (analysts, admins, its owner).
     * The profile as it is carries an ETag of its version, marked when the answer shows the email.
     */
    @GetMapping("/{id}")
    ResponseEntity<UserResponse> byId(@PathVariable String id, @RequestParam(required = false) @Min(1) Long minVersion,
                                      @RequestParam(required = false) @Size(max = 64) String asOf,
                                      @RequestParam(required = false) Long atVersion) {
        Viewer viewer = viewers.get();
        Optional<PointInTime> point = PointInTime.of(asOf, atVersion);
        if (point.isPresent()) {
            return ResponseEntity.ok(timeTravel.at(id, point.get(), viewer));
        }
        UserState user = minVersion == null
                ? lookup.byId(id).orElseThrow(() -> new NotFoundException("User " + id + " does not exist"))
                : lookup.byId(id, minVersion, maxWait).orElseThrow(() -> new NotCaughtUpException("User " + id, minVersion));
        if (!user.active()) {
            throw new NotFoundException("User " + id + " does not exist");
        }
        boolean withEmail = viewer.maySeeEmailOf(user.id());
        UserResponse response = new UserResponse(user.id(), user.name(), withEmail ? user.email() : null,
                user.version(), user.registeredAt(), user.updatedAt(), null);
        // The two forms of a profile are two representations: a tag must never stand for both.
        return CachedAnswers.ok(response, viewer.isAnonymous(), withEmail ? user.version() + "+email" : user.version());
    }

    private static UserResponse response(UserView user, Viewer viewer) {
        return new UserResponse(user.getId(), user.getName(), viewer.maySeeEmailOf(user.getId()) ? user.getEmail() : null,
                user.getVersion(), user.getRegisteredAt(), user.getUpdatedAt(), null);
    }
}
