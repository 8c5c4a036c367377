package io.inkwell.support.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.security.oauth2.jwt.BadJwtException;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtTimestampValidator;
import org.springframework.security.oauth2.jwt.JwtValidationException;

class VerifiedTokensTest {

    private static final Instant ISSUED = Instant.parse("2026-11-27T00:00:00Z");

    private final List<String> verifications = new ArrayList<>();
    private final JwtTimestampValidator timestamps = new JwtTimestampValidator(Duration.ofSeconds(30));

    /** Verifies "good-*" tokens (valid for five minutes from ISSUED) and refuses everything else. */
    private final JwtDecoder signatures = token -> {
        verifications.add(token);
        if (!token.startsWith("good-")) {
            throw new BadJwtException("bad signature");
        }
        return Jwt.withTokenValue(token).header("alg", "RS256").subject(token)
                .issuedAt(ISSUED).expiresAt(ISSUED.plus(Duration.ofMinutes(5))).build();
    };

    private final VerifiedTokens tokens = new VerifiedTokens(signatures, timestamps, Duration.ofMinutes(1), 100);

    @Test
    void verifiesEachTokenOnceAndAnswersAgainFromMemory() {
        at(ISSUED.plusSeconds(1));

        Jwt first = tokens.decode("good-a");
        Jwt again = tokens.decode("good-a");
        tokens.decode("good-b");

        assertThat(again).isSameAs(first);
        assertThat(verifications).containsExactly("good-a", "good-b");
    }

    @Test
    void neverRemembersATokenThatFailedVerification() {
        at(ISSUED.plusSeconds(1));

        assertThatThrownBy(() -> tokens.decode("forged")).isInstanceOf(BadJwtException.class);
        assertThatThrownBy(() -> tokens.decode("forged")).isInstanceOf(BadJwtException.class);

        assertThat(verifications).containsExactly("forged", "forged");
    }

    @Test
    void refusesARememberedTokenOnceItHasExpiredBeyondTheSkew() {
        at(ISSUED.plusSeconds(1));
        tokens.decode("good-a");

        at(ISSUED.plus(Duration.ofMinutes(5)).plusSeconds(29));
        assertThat(tokens.decode("good-a").getSubject()).isEqualTo("good-a");

        at(ISSUED.plus(Duration.ofMinutes(5)).plusSeconds(31));
        assertThatThrownBy(() -> tokens.decode("good-a")).isInstanceOf(JwtValidationException.class);
        assertThat(verifications).containsExactly("good-a");
    }

    private void at(Instant now) {
        timestamps.setClock(Clock.fixed(now, ZoneOffset.UTC));
    }
}
