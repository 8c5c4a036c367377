package io.inkwell.query.security;

import io.inkwell.support.security.TokenIdentity;
import org.springframework.stereotype.Component;

/** The viewer behind the current request, from its validated token and the users read model. */
@Component
public class CurrentViewer {

    private final Profiles users;

    CurrentViewer(Profiles users) {
        this.users = users;
    }

    public Viewer get() {
        return TokenIdentity.current()
                .map(identity -> new Viewer(identity.issuer(), identity.subject(), identity.roles(),
                        () -> users.findIdByIdentity(identity.issuer(), identity.subject())))
                .orElse(Viewer.ANONYMOUS);
    }
}
