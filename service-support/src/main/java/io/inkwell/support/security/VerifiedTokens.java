package io.inkwell.support.security;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.time.Duration;
import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtException;
import org.springframework.security.oauth2.jwt.JwtValidationException;

/**
 * Remembers tokens that passed every check, so that a client sending the same token again costs a lookup and
 * the time checks rather than a signature verification (a tenth of a read's CPU under load). Only the exact
 * token text that was verified is found again; expiry and not-before are checked on every use. A remembered
 * token is forgotten after {@code keepFor}, no later than the issuer's keys are refetched, so that a key its
 * issuer withdraws stops being trusted as soon as it would have without this cache.
 */
final class VerifiedTokens implements JwtDecoder {

    private final JwtDecoder decoder;
    private final OAuth2TokenValidator<Jwt> timestamps;
    private final Cache<String, Jwt> verified;

    VerifiedTokens(JwtDecoder decoder, OAuth2TokenValidator<Jwt> timestamps, Duration keepFor, long maximumSize) {
        this.decoder = decoder;
        this.timestamps = timestamps;
        this.verified = Caffeine.newBuilder().expireAfterWrite(keepFor).maximumSize(maximumSize).build();
    }

    @Override
    public Jwt decode(String token) throws JwtException {
        Jwt known = verified.getIfPresent(token);
        if (known != null) {
            var result = timestamps.validate(known);
            if (!result.hasErrors()) {
                return known;
            }
            verified.invalidate(token);
            throw new JwtValidationException("The token has expired or is not valid yet", result.getErrors());
        }
        Jwt jwt = decoder.decode(token);
        verified.put(token, jwt);
        return jwt;
    }
}
