package io.inkwell.support.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.inkwell.testing.TestIssuer;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.health.contributor.Status;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.oauth2.server.resource.InvalidBearerTokenException;
import org.springframework.security.oauth2.server.resource.authentication.BearerTokenAuthenticationToken;

/**
 * Token checks against an issuer whose key set goes off the network and back (a real loopback HTTP server),
 * and what health says about it at each step. The test issuer starts offline.
 */
class TrustedIssuersTest {

    private static final TestIssuer issuer = TestIssuer.unreliable();

    private final TrustedIssuers issuers = new TrustedIssuers(new SecurityProperties(
            Map.of("unreliable", new SecurityProperties.Issuer(issuer.issuer(), issuer.jwkSetUri(), null, "scope")),
            null, null, null, null), Clock.systemUTC());
    private final IssuersHealthIndicator health = new IssuersHealthIndicator(issuers);

    @AfterEach
    void issuerBack() {
        issuer.goOnline();
    }

    @Test
    void tellsAnUnreachableIssuerFromABadTokenAndKeepsCachedKeysThroughAnOutage() {
        issuer.goOffline();
        assertThat(health.health().getStatus()).isEqualTo(Status.UP);
        assertThat(health.health().getDetails()).extractingByKey("unreliable").asString().contains("keys=not-fetched-yet");

        assertThatThrownBy(() -> authenticate(issuer.token("user")))
                .isInstanceOfSatisfying(IssuerUnavailableException.class,
                        unavailable -> assertThat(unavailable.retryAfter()).isEqualTo(Duration.ofSeconds(10)));
        assertThat(health.health().getStatus()).isEqualTo(Status.DOWN);
        assertThat(health.health().getDetails()).extractingByKey("unreliable").asString()
                .contains("keys=unavailable", "unreachableSince");

        issuer.goOnline();
        // The first failed fetch opened a rate-limit window that still allows one more fetch.
        assertThat(roles(authenticate(issuer.token("user", "moderator")))).containsExactly("ROLE_user", "ROLE_moderator");
        assertThat(health.health().getStatus()).isEqualTo(Status.UP);
        assertThat(health.health().getDetails()).extractingByKey("unreliable").asString().contains("keys=fetched", "keyCount=1");

        issuer.goOffline();
        assertThat(roles(authenticate(issuer.token("user")))).containsExactly("ROLE_user");
        assertThatThrownBy(() -> authenticate(issuer.signedWithUnpublishedKey("user")))
                .isInstanceOf(InvalidBearerTokenException.class);
        assertThatThrownBy(() -> authenticate(issuer.signedWithUnpublishedKey("user")))
                .isInstanceOf(InvalidBearerTokenException.class);
        assertThat(health.health().getStatus()).isEqualTo(Status.UP);
    }

    @Test
    void refusesTwoNamesForOneIssuerRatherThanLetOneReplaceTheOther() {
        SecurityProperties.Issuer same = new SecurityProperties.Issuer(issuer.issuer(), issuer.jwkSetUri(), null, null);
        Map<String, SecurityProperties.Issuer> twice = new java.util.LinkedHashMap<>();
        twice.put("first", same);
        twice.put("second", same);

        assertThatThrownBy(() -> new TrustedIssuers(new SecurityProperties(twice, null, null, null, null), Clock.systemUTC()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("same issuer-uri");
    }

    private Authentication authenticate(String token) {
        MockHttpServletRequest request = new MockHttpServletRequest();
        request.addHeader("Authorization", "Bearer " + token);
        return issuers.resolver().resolve(request).authenticate(new BearerTokenAuthenticationToken(token));
    }

    private static List<String> roles(Authentication authentication) {
        return authentication.getAuthorities().stream().map(GrantedAuthority::getAuthority).toList();
    }
}
