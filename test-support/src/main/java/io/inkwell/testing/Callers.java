package io.inkwell.testing;

import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.jwt;

import java.util.Arrays;
import java.util.UUID;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.JwtRequestPostProcessor;

/**
 * Callers for fast HTTP tests: a validated token as Spring Security would see it, for a fresh identity
 * with the given realm roles. Each call is a new person, so tests never step on each other's profiles.
 */
public final class Callers {

    private Callers() {
    }

    public static JwtRequestPostProcessor newIdentity(String... roles) {
        return identity(UUID.randomUUID().toString(), roles);
    }

    public static JwtRequestPostProcessor identity(String subject, String... roles) {
        return jwt().jwt(token -> token.subject(subject).claim("iss", TestKeycloak.get().issuer()))
                .authorities(Arrays.stream(roles).map(role -> (GrantedAuthority) new SimpleGrantedAuthority("ROLE_" + role)).toList());
    }
}
