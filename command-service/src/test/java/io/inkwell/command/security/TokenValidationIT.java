package io.inkwell.command.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.startsWith;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jwt.JWTClaimsSet;
import io.inkwell.command.Api;
import io.inkwell.command.CommandServiceContext;
import io.inkwell.testing.TestIssuer;
import java.time.Instant;
import java.util.Date;
import java.util.Map;
import java.util.function.Supplier;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;

/** Only well-formed, correctly signed, current tokens from a trusted issuer for this API get in. */
@CommandServiceContext
class TokenValidationIT {

    private static final TestIssuer issuer = TestIssuer.get();

    @Autowired
    MockMvc mvc;

    @Test
    void acceptsAValidTokenFromASecondTrustedIssuer() throws Exception {
        register(issuer.token("user")).andExpect(status().isCreated());
    }

    @Test
    void acceptsAnAccessTokenTypedAtJwtAsRfc9068Describes() throws Exception {
        register(issuer.sign(issuer.claims("user").build(), new JOSEObjectType("at+jwt"))).andExpect(status().isCreated());
    }

    @Test
    void toleratesASmallClockSkew() throws Exception {
        register(issuer.token(claims -> issuedAgo(claims, 300).expirationTime(Date.from(Instant.now().minusSeconds(10))), "user"))
                .andExpect(status().isCreated());
    }

    static Map<String, Supplier<String>> forgeries() {
        return Map.ofEntries(
                Map.entry("expired", () -> issuer.token(c -> issuedAgo(c, 900).expirationTime(Date.from(Instant.now().minusSeconds(600))))),
                Map.entry("not yet valid", () -> issuer.token(c -> c.notBeforeTime(Date.from(Instant.now().plusSeconds(600))))),
                Map.entry("untrusted issuer", () -> issuer.token(c -> c.issuer("https://evil.example/realms/inkwell"))),
                Map.entry("wrong audience", () -> issuer.token(c -> c.audience("another-api"))),
                Map.entry("no audience", () -> issuer.token(c -> c.audience((String) null))),
                Map.entry("alg none", () -> issuer.unsigned("user")),
                Map.entry("HS256 signed with the public key", () -> issuer.hmacWithPublicKey("user")),
                Map.entry("tampered payload", () -> issuer.tampered("user")),
                Map.entry("unknown type", () -> issuer.sign(issuer.claims("user").build(), new JOSEObjectType("id+jwt"))),
                Map.entry("signed with a key the issuer never published", () -> issuer.signedWithUnpublishedKey("user")),
                Map.entry("not a JWT", () -> "not-a-token"));
    }

    static Iterable<String> forgeryNames() {
        return forgeries().keySet();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("forgeryNames")
    void refusesAForgedOrStaleToken(String forgery) throws Exception {
        register(forgeries().get(forgery).get())
                .andExpect(status().isUnauthorized())
                .andExpect(header().string("WWW-Authenticate", startsWith("Bearer error=\"invalid_token\"")))
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.type").value("https://inkwell.example/problems/unauthorized"));
    }

    /**
     * Each unknown key id makes the service look at the issuer's key set again, at most once per period; those
     * that come sooner are refused from the keys already known rather than by a server error.
     */
    @Test
    void refusesTokensNamingUnknownKeysInQuickSuccessionWithoutFetchingForEach() throws Exception {
        int fetchesBefore = issuer.keySetRequests();
        for (int attempt = 0; attempt < 5; attempt++) {
            register(issuer.signedWithUnpublishedKey("user"))
                    .andExpect(status().isUnauthorized())
                    .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                    .andExpect(jsonPath("$.type").value("https://inkwell.example/problems/unauthorized"));
        }
        assertThat(issuer.keySetRequests() - fetchesBefore).isLessThanOrEqualTo(2);
        register(issuer.token("user")).andExpect(status().isCreated());
    }

    @Test
    void refusesARequestWithoutAToken() throws Exception {
        mvc.perform(post("/api/v1/users").contentType(MediaType.APPLICATION_JSON).content("{}"))
                .andExpect(status().isUnauthorized())
                .andExpect(header().string("WWW-Authenticate", "Bearer"));
    }

    private static JWTClaimsSet.Builder issuedAgo(JWTClaimsSet.Builder claims, long seconds) {
        Date issued = Date.from(Instant.now().minusSeconds(seconds));
        return claims.issueTime(issued).notBeforeTime(issued);
    }

    private ResultActions register(String token) throws Exception {
        return mvc.perform(post("/api/v1/users").header("Authorization", "Bearer " + token)
                .contentType(MediaType.APPLICATION_JSON)
                .content("{\"name\": \"Token Tester\", \"email\": \"%s\"}".formatted(Api.uniqueEmail())));
    }
}
