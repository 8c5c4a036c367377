package io.inkwell.support.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.oauth2.jwt.Jwt;

class RolesClaimConverterTest {

    @Test
    void readsKeycloakRealmRolesByDefault() {
        assertThat(roles("realm_access.roles", claims -> claims.put("realm_access", Map.of("roles", List.of("user", "moderator")))))
                .containsExactly("ROLE_user", "ROLE_moderator");
    }

    @Test
    void readsAPlainArrayClaim() {
        assertThat(roles("roles", claims -> claims.put("roles", List.of("admin")))).containsExactly("ROLE_admin");
    }

    @Test
    void splitsASpaceSeparatedScopeString() {
        assertThat(roles("scope", claims -> claims.put("scope", " user  analyst ")))
                .containsExactly("ROLE_user", "ROLE_analyst");
    }

    @Test
    void grantsNothingForAScopeOfOnlySpace() {
        assertThat(roles("scope", claims -> claims.put("scope", "   "))).isEmpty();
    }

    @Test
    void readsScpAsAnArrayToo() {
        assertThat(roles("scp", claims -> claims.put("scp", List.of("user")))).containsExactly("ROLE_user");
    }

    @Test
    void readsAClaimNamedByUrlWhoseNameContainsDots() {
        assertThat(roles("https://inkwell.example/roles", claims -> claims.put("https://inkwell.example/roles", List.of("user"))))
                .containsExactly("ROLE_user");
    }

    @Test
    void grantsNothingWhenTheClaimIsMissing() {
        assertThat(roles("roles", claims -> claims.put("realm_access", Map.of("roles", List.of("admin"))))).isEmpty();
    }

    @Test
    void grantsNothingWhenThePathEndsInSomethingElse() {
        assertThat(roles("realm_access.roles", claims -> claims.put("realm_access", "admin"))).isEmpty();
        assertThat(roles("realm_access.roles", claims -> claims.put("realm_access", Map.of("roles", Map.of("admin", true))))).isEmpty();
    }

    @Test
    void ignoresEntriesThatAreNotNames() {
        assertThat(roles("roles", claims -> claims.put("roles", List.of("user", 7, "", Map.of("admin", true)))))
                .containsExactly("ROLE_user");
    }

    @Test
    void keepsTheSubjectAsTheName() {
        Jwt jwt = jwt(claims -> claims.put("roles", List.of("user")));
        assertThat(new RolesClaimConverter("roles").convert(jwt).getName()).isEqualTo("subject-1");
    }

    private static List<String> roles(String claim, Consumer<Map<String, Object>> claims) {
        return new RolesClaimConverter(claim).authorities(jwt(claims)).stream().map(GrantedAuthority::getAuthority).toList();
    }

    private static Jwt jwt(Consumer<Map<String, Object>> claims) {
        return Jwt.withTokenValue("token").header("alg", "RS256").subject("subject-1")
                .issuedAt(Instant.now()).expiresAt(Instant.now().plusSeconds(60))
                .claims(claims).build();
    }
}
