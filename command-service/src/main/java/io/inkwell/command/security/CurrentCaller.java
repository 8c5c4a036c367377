package io.inkwell.command.security;

import io.inkwell.support.security.TokenIdentity;
import java.util.Optional;
import org.springframework.stereotype.Component;
import org.springframework.web.context.request.RequestAttributes;
import org.springframework.web.context.request.RequestContextHolder;

/**
 * Who is calling: read from the validated access token, joined with the profile directory. The controller
 * and the command's metadata both ask within one request; the answer is kept on the request, so the
 * profile is looked up once per request rather than once per question.
 */
@Component
public class CurrentCaller {

    static final String REQUEST_ATTRIBUTE = CurrentCaller.class.getName();

    private final ProfileDirectory profiles;

    CurrentCaller(ProfileDirectory profiles) {
        this.profiles = profiles;
    }

    public Caller get() {
        return find().orElseThrow(() -> new IllegalStateException("no authenticated caller"));
    }

    public Optional<Caller> find() {
        Optional<TokenIdentity> identity = TokenIdentity.current();
        if (identity.isEmpty()) {
            return Optional.empty();
        }
        RequestAttributes request = RequestContextHolder.getRequestAttributes();
        // Kept only for the identity it was looked up for, in case the request's authentication changes.
        if (request != null && request.getAttribute(REQUEST_ATTRIBUTE, RequestAttributes.SCOPE_REQUEST) instanceof Caller known
                && known.issuer().equals(identity.get().issuer()) && known.subject().equals(identity.get().subject())) {
            return Optional.of(known);
        }
        Caller caller = lookUp(identity.get());
        if (request != null) {
            request.setAttribute(REQUEST_ATTRIBUTE, caller, RequestAttributes.SCOPE_REQUEST);
        }
        return Optional.of(caller);
    }

    private Caller lookUp(TokenIdentity identity) {
        return new Caller(identity.issuer(), identity.subject(), identity.roles(),
                profiles.profileOf(identity.issuer(), identity.subject()));
    }
}
