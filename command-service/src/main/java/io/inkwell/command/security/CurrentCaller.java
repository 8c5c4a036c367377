package io.inkwell.command.security;

import io.inkwell.support.security.TokenIdentity;
import java.util.Optional;
import org.springframework.stereotype.Component;

/** Who is calling: read from the validated access token, joined with the profile directory. */
@Component
public class CurrentCaller {

    private final ProfileDirectory profiles;

    CurrentCaller(ProfileDirectory profiles) {
        this.profiles = profiles;
    }

    public Caller get() {
        return find().orElseThrow(() -> new IllegalStateException("no authenticated caller"));
    }

    public Optional<Caller> find() {
        return TokenIdentity.current().map(identity -> new Caller(identity.issuer(), identity.subject(), identity.roles(),
                profiles.profileOf(identity.issuer(), identity.subject())));
    }
}
