package io.inkwell.command.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

class CurrentCallerTest {

    private final List<String> lookups = new ArrayList<>();
    private final CurrentCaller callers = new CurrentCaller((issuer, subject) -> {
        lookups.add(subject);
        return Optional.of("profile-of-" + subject);
    });

    @AfterEach
    void clear() {
        SecurityContextHolder.clearContext();
        RequestContextHolder.resetRequestAttributes();
    }

    @Test
    void looksTheProfileUpOncePerRequest() {
        signIn("alice");
        RequestContextHolder.setRequestAttributes(new ServletRequestAttributes(new MockHttpServletRequest()));

        Caller first = callers.get();
        Caller second = callers.find().orElseThrow();

        assertThat(second).isEqualTo(first);
        assertThat(first.userId()).contains("profile-of-alice");
        assertThat(lookups).containsExactly("alice");
    }

    @Test
    void eachRequestLooksTheProfileUpAgain() {
        signIn("alice");
        RequestContextHolder.setRequestAttributes(new ServletRequestAttributes(new MockHttpServletRequest()));
        callers.get();
        RequestContextHolder.setRequestAttributes(new ServletRequestAttributes(new MockHttpServletRequest()));
        callers.get();

        assertThat(lookups).containsExactly("alice", "alice");
    }

    @Test
    void anotherIdentityInTheSameRequestIsLookedUpForItself() {
        RequestContextHolder.setRequestAttributes(new ServletRequestAttributes(new MockHttpServletRequest()));
        signIn("alice");
        callers.get();
        signIn("bob");

        assertThat(callers.get().userId()).contains("profile-of-bob");
        assertThat(lookups).containsExactly("alice", "bob");
    }

    @Test
    void outsideARequestItStillAnswers() {
        signIn("alice");

        assertThat(callers.get().userId()).contains("profile-of-alice");
        assertThat(callers.get().userId()).contains("profile-of-alice");
    }

    @Test
    void withoutATokenThereIsNoCaller() {
        RequestContextHolder.setRequestAttributes(new ServletRequestAttributes(new MockHttpServletRequest()));

        assertThat(callers.find()).isEmpty();
        assertThat(lookups).isEmpty();
        // Endpoints that need a caller are behind authentication: asking without one is a bug, not a 4xx.
        org.assertj.core.api.Assertions.assertThatThrownBy(callers::get)
                .isInstanceOf(IllegalStateException.class).hasMessage("no authenticated caller");
    }

    private static void signIn(String subject) {
        Jwt jwt = Jwt.withTokenValue("token-of-" + subject).header("alg", "RS256")
                .issuer("https://issuer.example").subject(subject)
                .issuedAt(Instant.now()).expiresAt(Instant.now().plusSeconds(60)).build();
        SecurityContextHolder.getContext().setAuthentication(
                new JwtAuthenticationToken(jwt, List.of(new SimpleGrantedAuthority("ROLE_user"))));
    }
}
