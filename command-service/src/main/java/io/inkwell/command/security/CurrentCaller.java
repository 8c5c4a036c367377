package io.inkwell.command.security;

import java.util.Optional;
import java.util.stream.Collectors;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;
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
        if (!(SecurityContextHolder.getContext().getAuthentication() instanceof JwtAuthenticationToken token)) {
            return Optional.empty();
        }
        String issuer = String.valueOf(token.getToken().getIssuer());
        String subject = token.getToken().getSubject();
        var roles = token.getAuthorities().stream()
                .map(GrantedAuthority::getAuthority)
                .filter(authority -> authority.startsWith("ROLE_"))
                .map(authority -> authority.substring("ROLE_".length()))
                .collect(Collectors.toUnmodifiableSet());
        return Optional.of(new Caller(issuer, subject, roles, profiles.profileOf(issuer, subject)));
    }
}
