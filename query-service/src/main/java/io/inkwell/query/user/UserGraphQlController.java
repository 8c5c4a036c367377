package io.inkwell.query.user;

import io.inkwell.query.graphql.Arguments;
import io.inkwell.query.graphql.Connection;
import io.inkwell.query.graphql.PageArgs;
import io.inkwell.query.security.CurrentViewer;
import io.inkwell.query.security.Viewer;
import io.inkwell.query.web.InvalidParameterException;
import io.inkwell.query.web.NotCaughtUpException;
import io.inkwell.query.web.NotFoundException;
import java.time.Duration;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.domain.Sort;
import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.security.authentication.AuthenticationCredentialsNotFoundException;
import org.springframework.stereotype.Controller;

/** {@code user} and {@code users}: profiles for signed-in readers, under the rules of {@code GET /api/v1/users}. */
@Controller
class UserGraphQlController {

    private final UserViews users;
    private final CurrentViewer viewers;
    private final UserLookup lookup;
    private final Duration maxWait;

    UserGraphQlController(UserViews users, CurrentViewer viewers, UserLookup lookup,
                          @Value("${inkwell.read-your-writes.max-wait:3s}") Duration maxWait) {
        this.users = users;
        this.viewers = viewers;
        this.lookup = lookup;
        this.maxWait = maxWait;
    }

    @QueryMapping
    UserNode user(@Argument String id, @Argument Integer minVersion) {
        Viewer viewer = signedIn();
        Long version = Arguments.minVersion(minVersion);
        // Through the profile cache, as REST's GET /users/{id}.
        UserState user = version == null
                ? lookup.byId(id).orElseThrow(() -> new NotFoundException("User " + id + " does not exist"))
                : lookup.byId(id, version, maxWait).orElseThrow(() -> new NotCaughtUpException("User " + id, version));
        if (!user.active()) {
            throw new NotFoundException("User " + id + " does not exist");
        }
        return UserNode.of(user, viewer);
    }

    @QueryMapping
    Connection<UserNode> users(@Argument Integer first, @Argument String after, @Argument String search) {
        Viewer viewer = signedIn();
        String text = Arguments.atMost("search", search, 100);
        if (text != null && text.isEmpty()) {
            throw new InvalidParameterException("search", "size must be between 1 and 100");
        }
        Pageable page = PageArgs.of(first, after).pageable(Sort.by("name", "id"));
        Page<UserView> found = text == null || text.isBlank()
                ? users.findByActiveTrue(page)
                : users.search(text.strip(), viewer.isAdmin(), page);
        return Connection.of(found, user -> UserNode.of(user, viewer));
    }

    /** Profiles need a token, as in REST (where the filter chain says 401). */
    private Viewer signedIn() {
        Viewer viewer = viewers.get();
        if (viewer.isAnonymous()) {
            throw new AuthenticationCredentialsNotFoundException("A token is needed to read profiles");
        }
        return viewer;
    }
}
