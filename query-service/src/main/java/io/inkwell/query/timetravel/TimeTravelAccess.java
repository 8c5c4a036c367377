package io.inkwell.query.timetravel;

import io.inkwell.query.security.Viewer;
import io.inkwell.query.web.NotFoundException;
import io.inkwell.support.web.Problem;
import java.util.function.BooleanSupplier;
import org.springframework.http.HttpHeaders;
import org.springframework.web.ErrorResponseException;

/**
 * Who may see an aggregate as it was: analysts, admins and its owner. Anyone else is refused the way the
 * normal read would treat them: 403 if they may read the aggregate today, 404 if it is hidden from them.
 */
public final class TimeTravelAccess {

    private TimeTravelAccess() {
    }

    /** Anonymous callers get 401 before anything is looked up, so that they learn nothing of what exists. */
    public static void requireSignedIn(Viewer viewer) {
        if (viewer.isAnonymous()) {
            ErrorResponseException unauthorized = new ErrorResponseException(Problem.UNAUTHORIZED.status(),
                    Problem.UNAUTHORIZED.detail("Reading the past needs a bearer access token"), null);
            unauthorized.getHeaders().set(HttpHeaders.WWW_AUTHENTICATE, "Bearer");
            throw unauthorized;
        }
    }

    /**
     * @param owner         whether the viewer owns the aggregate (the post's author, the profile's person)
     * @param readableToday whether the normal read shows the viewer the aggregate today
     * @param what          the aggregate, as a 404 names it
     */
    public static void check(Viewer viewer, boolean owner, BooleanSupplier readableToday, String what) {
        requireSignedIn(viewer);
        if (owner || viewer.isAdmin() || viewer.roles().contains("analyst")) {
            return;
        }
        if (readableToday.getAsBoolean()) {
            throw new ErrorResponseException(Problem.FORBIDDEN.status(), Problem.FORBIDDEN.detail(
                    "The past of " + what + " is for analysts, admins and its owner"), null);
        }
        throw new NotFoundException(what + " does not exist");
    }
}
