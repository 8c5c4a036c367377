package io.inkwell.support.security;

import jakarta.servlet.http.HttpServletRequest;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.springframework.core.convert.converter.Converter;
import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.authentication.AuthenticationManager;
import org.springframework.security.authentication.AuthenticationManagerResolver;
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
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationProvider;
import org.springframework.security.oauth2.server.resource.authentication.JwtIssuerAuthenticationManagerResolver;

/**
 * Access tokens from any configured issuer, each checked in full: signature by the issuer's published
 * keys with an allowed algorithm, type {@code JWT} or {@code at+jwt} (RFC 9068), the exact issuer, an
 * expected audience, expiry and not-before within the allowed clock skew. A token from an issuer that is
 * not configured is refused before any key is fetched.
 */
public final class TrustedIssuers {

    private TrustedIssuers() {
    }

    public static AuthenticationManagerResolver<HttpServletRequest> resolver(SecurityProperties properties,
            Converter<Jwt, ? extends AbstractAuthenticationToken> authorities) {
        Map<String, AuthenticationManager> managers = properties.issuers().stream().collect(Collectors.toUnmodifiableMap(
                SecurityProperties.Issuer::issuerUri, issuer -> manager(issuer, properties, authorities)));
        return new JwtIssuerAuthenticationManagerResolver(managers::get);
    }

    private static AuthenticationManager manager(SecurityProperties.Issuer issuer, SecurityProperties properties,
            Converter<Jwt, ? extends AbstractAuthenticationToken> authorities) {
        NimbusJwtDecoder decoder = NimbusJwtDecoder.withJwkSetUri(issuer.jwkSetUri())
                .jwsAlgorithms(algorithms -> {
                    algorithms.clear();
                    properties.algorithms().stream().map(SignatureAlgorithm::from).forEach(algorithms::add);
                })
                .validateType(false)
                .build();
        JwtTypeValidator type = new JwtTypeValidator("JWT", "at+jwt");
        type.setAllowEmpty(true);
        decoder.setJwtValidator(new DelegatingOAuth2TokenValidator<>(List.of(
                new JwtTimestampValidator(properties.clockSkew()),
                new JwtIssuerValidator(issuer.issuerUri()),
                audience(issuer.audiences()),
                type)));
        JwtAuthenticationProvider provider = new JwtAuthenticationProvider(decoder);
        provider.setJwtAuthenticationConverter(authorities);
        return provider::authenticate;
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
}
