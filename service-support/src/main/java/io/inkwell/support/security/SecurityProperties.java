package io.inkwell.support.security;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * How Inkwell trusts tokens and callers: {@code inkwell.security.*}.
 *
 * @param issuers    the OpenID Connect issuers whose access tokens are accepted, by a name of the operator's
 *                   choosing. A map, not a list: Spring merges map entries from every property source, so an
 *                   issuer added by environment variables alone ({@code INKWELL_SECURITY_ISSUERS_<NAME>_ISSUERURI})
 *                   joins the one that application.yml names, where a list would be replaced whole or left
 *                   with unbound elements
 * @param algorithms the signature algorithms accepted; anything else (none, HS256, ...) is refused
 * @param clockSkew  tolerance on expiry and not-before for clocks that drift apart
 * @param keys       how signing keys are fetched and kept
 * @param cors       which browser origins may call the API
 */
@ConfigurationProperties("inkwell.security")
public record SecurityProperties(Map<String, Issuer> issuers, List<String> algorithms, Duration clockSkew, Keys keys,
                                 Cors cors) {

    public SecurityProperties {
        issuers = issuers == null ? Map.of() : new TreeMap<>(issuers);
        issuers.forEach((name, issuer) -> {
            if (issuer.issuerUri() == null || issuer.issuerUri().isBlank()
                    || issuer.jwkSetUri() == null || issuer.jwkSetUri().isBlank()) {
                throw new IllegalArgumentException("Trusted issuer '" + name + "' needs both issuer-uri and jwk-set-uri"
                        + " (INKWELL_SECURITY_ISSUERS_" + name.toUpperCase() + "_ISSUERURI and ..._JWKSETURI)");
            }
        });
        algorithms = algorithms == null || algorithms.isEmpty()
                ? List.of("RS256", "RS384", "RS512", "PS256", "PS384", "PS512", "ES256", "ES384", "ES512")
                : List.copyOf(algorithms);
        clockSkew = clockSkew == null ? Duration.ofSeconds(30) : clockSkew;
        keys = keys == null ? new Keys(null, null, null, null) : keys;
        cors = cors == null ? new Cors(List.of()) : cors;
    }

    /**
     * @param issuerUri  the exact {@code iss} of its tokens
     * @param jwkSetUri  where its signing keys are fetched (refetched when a token names an unknown key)
     * @param audiences  one of which every token must name in {@code aud}
     * @param rolesClaim where its tokens carry roles: a claim name, or a dotted path into nested claims;
     *                   Keycloak's {@code realm_access.roles} unless set ({@code roles}, {@code scope}, {@code scp}, ...)
     */
    public record Issuer(String issuerUri, String jwkSetUri, List<String> audiences, String rolesClaim) {
        public Issuer {
            audiences = audiences == null || audiences.isEmpty() ? List.of("inkwell-api") : List.copyOf(audiences);
            rolesClaim = rolesClaim == null || rolesClaim.isBlank() ? "realm_access.roles" : rolesClaim;
        }
    }

    /**
     * @param cacheFor         how long fetched keys are used before they are fetched again
     * @param outageTolerance  how long the last keys stay in use while the issuer cannot be reached; tokens that
     *                         were issued before an outage keep working until they expire
     * @param minRefetchPeriod the least time between two fetches, so that tokens naming unknown keys cannot make
     *                         the service hammer the issuer
     * @param timeout          connect and read timeout of one fetch
     */
    public record Keys(Duration cacheFor, Duration outageTolerance, Duration minRefetchPeriod, Duration timeout) {
        public Keys {
            cacheFor = cacheFor == null ? Duration.ofMinutes(5) : cacheFor;
            outageTolerance = outageTolerance == null ? Duration.ofHours(1) : outageTolerance;
            minRefetchPeriod = minRefetchPeriod == null ? Duration.ofSeconds(10) : minRefetchPeriod;
            timeout = timeout == null ? Duration.ofSeconds(2) : timeout;
        }
    }

    /** @param allowedOrigins exact origins such as {@code https://app.inkwell.example}; none by default */
    public record Cors(List<String> allowedOrigins) {
        public Cors {
            allowedOrigins = allowedOrigins == null ? List.of() : List.copyOf(allowedOrigins);
        }
    }
}
