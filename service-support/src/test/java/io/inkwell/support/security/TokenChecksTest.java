package io.inkwell.support.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.PlainJWT;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.oauth2.server.resource.authentication.BearerTokenAuthenticationToken;

/**
 * Every check a token passes through, one way of failing at a time, against a fixed clock so that the
 * clock skew is tested at its exact edge: tokens from a real (loopback) JWK set of every key family.
 */
class TokenChecksTest {

    private static final SigningIssuer issuer = new SigningIssuer();
    private static final Instant NOW = Instant.now().truncatedTo(ChronoUnit.SECONDS);
    private static final Duration SKEW = Duration.ofSeconds(30);

    private final TrustedIssuers issuers = trusting(List.of());

    @AfterAll
    static void stopIssuer() {
        issuer.close();
    }

    @ParameterizedTest
    @ValueSource(strings = {"RS256", "RS384", "RS512", "PS256", "PS384", "PS512", "ES256", "ES384", "ES512"})
    void acceptsEveryAsymmetricAlgorithmOfTheDefaultList(String algorithm) {
        Authentication caller = authenticate(issuers, issuer.sign(JWSAlgorithm.parse(algorithm), claims(c -> c)));

        assertThat(caller.getName()).isEqualTo("subject-1");
        assertThat(roles(caller)).containsExactly("ROLE_user");
    }

    @ParameterizedTest
    @ValueSource(strings = {"HS256", "HS384", "HS512"})
    void refusesSharedSecretSignatures(String algorithm) {
        assertRefused(issuers, issuer.sign(JWSAlgorithm.parse(algorithm), claims(c -> c)));
    }

    @Test
    void refusesAnUnsignedToken() {
        assertRefused(issuers, new PlainJWT(claims(c -> c)).serialize());
    }

    @Test
    void refusesAFamilyThatTheOperatorLeftOutOfTheList() {
        TrustedIssuers rsaOnly = trusting(List.of("RS256"));

        assertThat(authenticate(rsaOnly, issuer.sign(JWSAlgorithm.RS256, claims(c -> c))).getName()).isEqualTo("subject-1");
        assertRefused(rsaOnly, issuer.sign(JWSAlgorithm.PS256, claims(c -> c)));
        assertRefused(rsaOnly, issuer.sign(JWSAlgorithm.ES256, claims(c -> c)));
    }

    @Test
    void acceptsATokenThatExpiredExactlyTheClockSkewAgoAndNoSecondMore() {
        assertThat(authenticate(issuers, rs256(c -> issuedAnHourAgo(c).expirationTime(Date.from(NOW.minus(SKEW)))))).isNotNull();
        assertRefused(issuers, rs256(c -> issuedAnHourAgo(c).expirationTime(Date.from(NOW.minus(SKEW).minusSeconds(1)))));
    }

    @Test
    void acceptsATokenValidFromExactlyTheClockSkewAheadAndNoSecondMore() {
        assertThat(authenticate(issuers, rs256(c -> c.notBeforeTime(Date.from(NOW.plus(SKEW)))))).isNotNull();
        assertRefused(issuers, rs256(c -> c.notBeforeTime(Date.from(NOW.plus(SKEW).plusSeconds(1)))));
    }

    @Test
    void refusesATokenForAnotherAudienceOrForNone() {
        assertThat(authenticate(issuers, rs256(c -> c.audience(List.of("other-api", "inkwell-api"))))).isNotNull();
        assertRefused(issuers, rs256(c -> c.audience("other-api")));
        assertRefused(issuers, rs256(c -> c.audience((String) null)));
    }

    @Test
    void refusesATokenFromAnIssuerThatIsNotConfiguredWithoutFetchingAnyKey() {
        int fetches = issuer.keySetRequests();

        assertRefused(issuers, rs256(c -> c.issuer(issuer.issuer() + "-impostor")));
        assertThat(issuer.keySetRequests()).isEqualTo(fetches);
    }

    @Test
    void acceptsAccessTokenTypesAndNoTypeButRefusesOthers() {
        JWTClaimsSet claims = claims(c -> c);

        assertThat(authenticate(issuers, issuer.sign(JWSAlgorithm.RS256, new JOSEObjectType("at+jwt"), claims))).isNotNull();
        assertThat(authenticate(issuers, issuer.sign(JWSAlgorithm.RS256, null, claims))).isNotNull();
        assertRefused(issuers, issuer.sign(JWSAlgorithm.RS256, new JOSEObjectType("logout+jwt"), claims));
    }

    @Test
    void followsAKeyRotationThroughTheJwkSet() {
        assertThat(authenticate(issuers, rs256(c -> c))).isNotNull();

        issuer.rotateRsaKey();

        assertThat(authenticate(issuers, rs256(c -> c)).getName()).isEqualTo("subject-1");
    }

    @Test
    void namesTheOriginsOfTheIssuersOnceEach() {
        SecurityProperties properties = new SecurityProperties(Map.of(
                "a", new SecurityProperties.Issuer("https://login.example:8443/realms/a", "https://login.example:8443/a/keys", null, null),
                "b", new SecurityProperties.Issuer("https://login.example:8443/realms/b", "https://login.example:8443/b/keys", null, null),
                "c", new SecurityProperties.Issuer("http://127.0.0.1:8180/realms/c", "http://127.0.0.1:8180/c/keys", null, null)),
                null, null, null, null);

        assertThat(TrustedIssuers.origins(properties)).isEqualTo("https://login.example:8443 http://127.0.0.1:8180");
    }

    private static TrustedIssuers trusting(List<String> algorithms) {
        return new TrustedIssuers(new SecurityProperties(
                Map.of("signing", new SecurityProperties.Issuer(issuer.issuer(), issuer.jwkSetUri(), null, "roles")),
                algorithms, SKEW, null, null), Clock.fixed(NOW, ZoneOffset.UTC));
    }

    private static JWTClaimsSet.Builder issuedAnHourAgo(JWTClaimsSet.Builder claims) {
        return claims.issueTime(Date.from(NOW.minusSeconds(3600))).notBeforeTime(Date.from(NOW.minusSeconds(3600)));
    }

    private static JWTClaimsSet claims(UnaryOperator<JWTClaimsSet.Builder> change) {
        return change.apply(issuer.claims(NOW, "user")).build();
    }

    private static String rs256(UnaryOperator<JWTClaimsSet.Builder> change) {
        return issuer.sign(JWSAlgorithm.RS256, claims(change));
    }

    private static void assertRefused(TrustedIssuers issuers, String token) {
        assertThatThrownBy(() -> authenticate(issuers, token)).isInstanceOf(AuthenticationException.class);
    }

    private static Authentication authenticate(TrustedIssuers issuers, String token) {
        MockHttpServletRequest request = new MockHttpServletRequest();
        request.addHeader("Authorization", "Bearer " + token);
        return issuers.resolver().resolve(request).authenticate(new BearerTokenAuthenticationToken(token));
    }

    private static List<String> roles(Authentication authentication) {
        return authentication.getAuthorities().stream().map(GrantedAuthority::getAuthority).toList();
    }
}
