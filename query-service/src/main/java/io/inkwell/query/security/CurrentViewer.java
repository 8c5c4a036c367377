package io.inkwell.query.security;

import io.inkwell.query.user.UserViews;
import java.util.stream.Collectors;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;
import org.springframework.stereotype.Component;

/** The viewer behind the current request, from its validated token and the users read model. */
@Component
public class CurrentViewer {

    private final UserViews users;

    CurrentViewer(UserViews users) {
        this.users = users;
    }

    public Viewer get() {
        if (!(SecurityContextHolder.getContext().getAuthentication() instanceof JwtAuthenticationToken token)) {
            return Viewer.ANONYMOUS;
        }
        String issuer = String.valueOf(token.getToken().getIssuer());
        String subject = token.getToken().getSubject();
        var roles = token.getAuthorities().stream()
                .map(GrantedAuthority::getAuthority)
                .filter(authority -> authority.startsWith("ROLE_"))
                .map(authority -> authority.substring("ROLE_".length()))
                .collect(Collectors.toUnmodifiableSet());
        return new Viewer(issuer, subject, roles, users.findIdByIdentity(issuer, subject));
    }
}
