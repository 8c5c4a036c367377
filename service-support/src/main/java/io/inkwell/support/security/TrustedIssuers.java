package io.inkwell.support.security;

import com.nimbusds.jose.KeySourceException;
import com.nimbusds.jose.jwk.source.RateLimitReachedException;
import jakarta.servlet.http.HttpServletRequest;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.springframework.security.authentication.AuthenticationManager;
import org.springframework.security.authentication.AuthenticationManagerResolver;
import org.springframework.security.authentication.AuthenticationServiceException;
import org.springframework.security.oauth2.core.DelegatingOAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2TokenValidatorResult;
import org.springframework.security.oauth2.jose.jws.SignatureAlgorithm;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtClaimNames;
import org.springframework.security.oauth2.jwt.JwtIssuerValidator;
import org.springframework.security.oauth2.jwt.JwtTimestampValidator;
import org.springframework.security.oauth2.jwt.JwtTypeValidator;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;
import org.springframework.security.oauth2.server.resource.InvalidBearerTokenException;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationProvider;
import org.springframework.security.oauth2.server.resource.authentication.JwtIssuerAuthenticationManagerResolver;

/**
 * Access tokens from any configured issuer, each checked in full: signature by the issuer's published
 * keys with an allowed algorithm, type {@code JWT} or {@code at+jwt} (RFC 9068), the exact issuer, an
 * expected audience, expiry and not-before within the allowed clock skew; roles from the issuer's own
 * roles claim. A token from an issuer that is not configured is refused before any key is fetched. A token
 * naming a key its issuer does not publish is a 401; one whose keys cannot be fetched at all is a 503.
 */
public final class TrustedIssuers {

    /** Tokens remembered after their signature was verified (about 3 KB each): a minute of a busy API's callers. */
    private static final Duration VERIFIED_TOKENS_KEPT = Duration.ofMinutes(1);
    private static final long VERIFIED_TOKENS = 10_000;

    private final Map<String, IssuerKeys> keys = new LinkedHashMap<>();
    private final Map<String, AuthenticationManager> managers = new LinkedHashMap<>();

    TrustedIssuers(SecurityProperties properties, Clock clock) {
        properties.issuers().forEach((name, issuer) -> {
            IssuerKeys issuerKeys = new IssuerKeys(issuer.jwkSetUri(), properties.keys(), clock);
            keys.put(name, issuerKeys);
            AuthenticationManager previous = managers.put(issuer.issuerUri(),
                    manager(name, issuer, issuerKeys, properties, clock));
            if (previous != null) {
                // Two names for one issuer would silently replace each other's keys and roles claim.
                throw new IllegalArgumentException("Trusted issuer '" + name + "' has the same issuer-uri as another: "
                        + issuer.issuerUri());
            }
        });
    }

    AuthenticationManagerResolver<HttpServletRequest> resolver() {
        return new JwtIssuerAuthenticationManagerResolver(managers::get);
    }

    /** Each issuer's key status, by the issuer's configured name. */
    Map<String, IssuerKeys> keys() {
        return keys;
    }

    private static AuthenticationManager manager(String name, SecurityProperties.Issuer issuer, IssuerKeys keys,
                                                 SecurityProperties properties, Clock clock) {
        NimbusJwtDecoder decoder = NimbusJwtDecoder.withJwkSource(keys.source())
                .jwsAlgorithms(algorithms -> {
                    algorithms.clear();
                    properties.algorithms().stream().map(SignatureAlgorithm::from).forEach(algorithms::add);
                })
                .build();
        JwtTypeValidator type = new JwtTypeValidator("JWT", "at+jwt");
        type.setAllowEmpty(true);
        // The same clock as the keys', so that a test can put a token exactly at the edge of the skew.
        JwtTimestampValidator timestamps = new JwtTimestampValidator(properties.clockSkew());
        timestamps.setClock(clock);
        decoder.setJwtValidator(new DelegatingOAuth2TokenValidator<>(List.of(
                timestamps,
                new JwtIssuerValidator(issuer.issuerUri()),
                audience(issuer.audiences()),
                type)));
        Duration keepVerified = properties.keys().cacheFor().compareTo(VERIFIED_TOKENS_KEPT) < 0
                ? properties.keys().cacheFor() : VERIFIED_TOKENS_KEPT;
        JwtAuthenticationProvider provider = new JwtAuthenticationProvider(
                new VerifiedTokens(decoder, timestamps, keepVerified, VERIFIED_TOKENS));
        provider.setJwtAuthenticationConverter(new RolesClaimConverter(issuer.rolesClaim()));
        return authentication -> {
            try {
                return provider.authenticate(authentication);
            } catch (AuthenticationServiceException e) {
                throw keyFailure(name, keys, e);
            }
        };
    }

    /**
     * The decoder reports trouble with keys as a server error, which would end as a 500. Sort it out: a refetch
     * refused by the rate limit while the cached keys are good means the token names a key the issuer did not
     * publish moments ago (401); no usable keys at all means the issuer is unreachable (503).
     */
    private static RuntimeException keyFailure(String name, IssuerKeys keys, AuthenticationServiceException failure) {
        KeySourceException keySource = cause(failure, KeySourceException.class);
        if (keySource == null) {
            return new InvalidBearerTokenException("The token cannot be verified", failure);
        }
        if (keySource instanceof RateLimitReachedException && keys.hasUsableKeys()) {
            return new InvalidBearerTokenException("The token names a signing key that its issuer does not publish", failure);
        }
        return new IssuerUnavailableException("The signing keys of issuer '" + name + "' cannot be fetched",
                keys.retryAfter(), failure);
    }

    private static <T extends Throwable> T cause(Throwable failure, Class<T> type) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (type.isInstance(cause)) {
                return type.cast(cause);
            }
        }
        return null;
    }

    private static OAuth2TokenValidator<Jwt> audience(List<String> expected) {
        OAuth2Error wrongAudience = new OAuth2Error("invalid_token", "The token is not meant for this API", null);
        return jwt -> {
            List<String> audience = jwt.getClaimAsStringList(JwtClaimNames.AUD);
            return audience != null && audience.stream().anyMatch(expected::contains)
                    ? OAuth2TokenValidatorResult.success()
                    : OAuth2TokenValidatorResult.failure(wrongAudience);
        };
    }

    /** Issuer URIs for the Content-Security-Policy: the origins that Swagger UI signs in at. */
    static String origins(SecurityProperties properties) {
        return properties.issuers().values().stream()
                .map(issuer -> URI.create(issuer.issuerUri()))
                .map(uri -> uri.getScheme() + "://" + uri.getAuthority())
                .distinct().collect(Collectors.joining(" "));
    }
}
