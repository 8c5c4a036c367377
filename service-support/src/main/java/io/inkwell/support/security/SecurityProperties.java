package io.inkwell.support.security;

import java.time.Duration;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * How Inkwell trusts tokens and callers: {@code inkwell.security.*}.
 *
 * @param issuers    the OpenID Connect issuers whose access tokens are accepted
 * @param algorithms the signature algorithms accepted; anything else (none, HS256, ...) is refused
 * @param clockSkew  tolerance on expiry and not-before for clocks that drift apart
 * @param cors       which browser origins may call the API
 */
@ConfigurationProperties("inkwell.security")
public record SecurityProperties(List<Issuer> issuers, List<String> algorithms, Duration clockSkew, Cors cors) {

    public SecurityProperties {
        issuers = issuers == null ? List.of() : List.copyOf(issuers);
        algorithms = algorithms == null || algorithms.isEmpty()
                ? List.of("RS256", "RS384", "RS512", "PS256", "PS384", "PS512", "ES256", "ES384", "ES512")
                : List.copyOf(algorithms);
        clockSkew = clockSkew == null ? Duration.ofSeconds(30) : clockSkew;
        cors = cors == null ? new Cors(List.of()) : cors;
    }

    /**
     * @param issuerUri the exact {@code iss} of its tokens
     * @param jwkSetUri where its signing keys are fetched (refetched when a token names an unknown key)
     * @param audiences one of which every token must name in {@code aud}
     */
    public record Issuer(String issuerUri, String jwkSetUri, List<String> audiences) {
        public Issuer {
            audiences = audiences == null || audiences.isEmpty() ? List.of("inkwell-api") : List.copyOf(audiences);
        }
    }

    /** @param allowedOrigins exact origins such as {@code https://app.inkwell.example}; none by default */
    public record Cors(List<String> allowedOrigins) {
        public Cors {
            allowedOrigins = allowedOrigins == null ? List.of() : List.copyOf(allowedOrigins);
        }
    }
}
