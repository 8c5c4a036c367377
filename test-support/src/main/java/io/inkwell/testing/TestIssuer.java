package io.inkwell.testing;

import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jose.util.Base64URL;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.PlainJWT;
import com.nimbusds.jwt.SignedJWT;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.UnaryOperator;

/**
 * A second trusted issuer for tests: its own RSA key, published as a JWK set on a loopback port, so that
 * tests can mint exactly the tokens they need, valid or forged in one precise way. Real Keycloak tokens
 * come from {@link TestKeycloak}.
 */
public final class TestIssuer {

    private static final TestIssuer INSTANCE = new TestIssuer();

    private final RSAKey key;
    private final HttpServer server;

    private TestIssuer() {
        try {
            key = new RSAKeyGenerator(2048).keyID("test-key").generate();
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
            byte[] jwks = new JWKSet(key.toPublicJWK()).toString().getBytes(StandardCharsets.UTF_8);
            server.createContext("/jwks", exchange -> {
                exchange.getResponseHeaders().add("Content-Type", "application/json");
                exchange.sendResponseHeaders(200, jwks.length);
                exchange.getResponseBody().write(jwks);
                exchange.close();
            });
            server.start();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    public static TestIssuer get() {
        return INSTANCE;
    }

    public String issuer() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/test-issuer";
    }

    public String jwkSetUri() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/jwks";
    }

    /** Claims of a valid access token for a new subject with the given realm roles. */
    public JWTClaimsSet.Builder claims(String... roles) {
        Instant now = Instant.now();
        return new JWTClaimsSet.Builder()
                .issuer(issuer())
                .subject(UUID.randomUUID().toString())
                .audience("inkwell-api")
                .issueTime(Date.from(now))
                .notBeforeTime(Date.from(now))
                .expirationTime(Date.from(now.plusSeconds(300)))
                .claim("realm_access", Map.of("roles", List.of(roles)));
    }

    /** A token signed with this issuer's key (RS256, type JWT), after {@code change} edits its claims. */
    public String token(UnaryOperator<JWTClaimsSet.Builder> change, String... roles) {
        return sign(change.apply(claims(roles)).build(), JOSEObjectType.JWT);
    }

    public String token(String... roles) {
        return token(UnaryOperator.identity(), roles);
    }

    public String sign(JWTClaimsSet claims, JOSEObjectType type) {
        try {
            SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(key.getKeyID()).type(type).build(), claims);
            jwt.sign(new RSASSASigner(key));
            return jwt.serialize();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** An unsigned token ({@code alg: none}). */
    public String unsigned(String... roles) {
        return new PlainJWT(claims(roles).build()).serialize();
    }

    /** The classic key-confusion forgery: HS256 with the public key's bytes as the shared secret. */
    public String hmacWithPublicKey(String... roles) {
        try {
            SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.HS256).keyID(key.getKeyID()).build(),
                    claims(roles).build());
            jwt.sign(new MACSigner(key.toPublicJWK().toRSAPublicKey().getEncoded()));
            return jwt.serialize();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** A valid token whose payload was changed after signing (here: an extra role). */
    public String tampered(String... roles) {
        String[] parts = token(roles).split("\\.");
        String payload = new String(Base64URL.from(parts[1]).decode(), StandardCharsets.UTF_8)
                .replace("\"roles\":[", "\"roles\":[\"admin\",");
        return parts[0] + "." + Base64URL.encode(payload.getBytes(StandardCharsets.UTF_8)) + "." + parts[2];
    }
}
