package io.inkwell.support.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;

class TokenIdentityTest {

    @AfterEach
    void signOut() {
        SecurityContextHolder.clearContext();
    }

    @Test
    void namesTheIssuerSubjectAndRealmRolesOfAValidatedToken() {
        Jwt jwt = Jwt.withTokenValue("t").header("alg", "RS256").issuer("https://issuer.test").subject("sub-1").build();
        SecurityContextHolder.getContext().setAuthentication(new JwtAuthenticationToken(jwt, List.of(
                new SimpleGrantedAuthority("ROLE_user"), new SimpleGrantedAuthority("ROLE_admin"),
                new SimpleGrantedAuthority("SCOPE_profile"))));

        TokenIdentity identity = TokenIdentity.current().orElseThrow();

        assertThat(identity.issuer()).isEqualTo("https://issuer.test");
        assertThat(identity.subject()).isEqualTo("sub-1");
        assertThat(identity.roles()).containsExactlyInAnyOrder("user", "admin");
    }

    @Test
    void isNobodyWithoutAToken() {
        assertThat(TokenIdentity.current()).isEmpty();
        SecurityContextHolder.getContext().setAuthentication(
                UsernamePasswordAuthenticationToken.authenticated("basic", "secret", List.of(new SimpleGrantedAuthority("ROLE_admin"))));
        assertThat(TokenIdentity.current()).isEmpty();
    }
}
