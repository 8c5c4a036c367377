package io.inkwell.support.security;

import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;

/** The identity a validated access token names: its issuer, its subject and its realm roles. */
public record TokenIdentity(String issuer, String subject, Set<String> roles) {

    /** The identity behind the current request, if it sent a valid token. */
    public static Optional<TokenIdentity> current() {
        if (!(SecurityContextHolder.getContext().getAuthentication() instanceof JwtAuthenticationToken token)) {
            return Optional.empty();
        }
        Set<String> roles = token.getAuthorities().stream()
                .map(GrantedAuthority::getAuthority)
                .filter(authority -> authority.startsWith("ROLE_"))
                .map(authority -> authority.substring("ROLE_".length()))
                .collect(Collectors.toUnmodifiableSet());
        return Optional.of(new TokenIdentity(String.valueOf(token.getToken().getIssuer()), token.getToken().getSubject(), roles));
    }
}
