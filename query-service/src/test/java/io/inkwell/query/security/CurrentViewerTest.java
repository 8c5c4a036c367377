package io.inkwell.query.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;

class CurrentViewerTest {

    private final CurrentViewer viewers = new CurrentViewer((issuer, subject) ->
            subject.equals("registered") ? Optional.of("profile-of-" + issuer) : Optional.empty());

    @AfterEach
    void signOut() {
        SecurityContextHolder.clearContext();
    }

    @Test
    void readsWithoutATokenAsAnonymous() {
        assertThat(viewers.get()).isSameAs(Viewer.ANONYMOUS);
    }

    @Test
    void joinsTheTokensIdentityAndRolesWithItsProfile() {
        signIn("registered");
        Viewer viewer = viewers.get();

        assertThat(viewer.issuer()).isEqualTo("https://issuer.test");
        assertThat(viewer.subject()).isEqualTo("registered");
        assertThat(viewer.roles()).containsExactly("moderator");
        assertThat(viewer.userId()).contains("profile-of-https://issuer.test");

        signIn("newcomer");
        assertThat(viewers.get().userId()).isEmpty();
        assertThat(viewers.get().isAnonymous()).isFalse();
    }

    private static void signIn(String subject) {
        Jwt jwt = Jwt.withTokenValue("t").header("alg", "RS256").issuer("https://issuer.test").subject(subject).build();
        SecurityContextHolder.getContext().setAuthentication(
                new JwtAuthenticationToken(jwt, List.of(new SimpleGrantedAuthority("ROLE_moderator"))));
    }
}
