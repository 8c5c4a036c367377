package io.inkwell.support.security;

import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.ECDSASigner;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.ECKeyGenerator;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import com.sun.net.httpserver.HttpServer;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * An issuer with a key of every family the services accept (RSA for RS and PS, EC on each curve for ES),
 * published as a JWK set on a loopback port. Unlike test-support's TestIssuer it signs with any algorithm
 * and can rotate its keys, which only the unit tests of the token checks need.
 */
final class SigningIssuer implements AutoCloseable {

    private final HttpServer server;
    private final AtomicInteger keySetRequests = new AtomicInteger();
    private final List<JWK> published = new ArrayList<>();
    private RSAKey rsa;
    private final ECKey p256;
    private final ECKey p384;
    private final ECKey p521;

    SigningIssuer() {
        try {
            rsa = new RSAKeyGenerator(2048).keyID("rsa-1").generate();
            p256 = new ECKeyGenerator(Curve.P_256).keyID("ec-256").generate();
            p384 = new ECKeyGenerator(Curve.P_384).keyID("ec-384").generate();
            p521 = new ECKeyGenerator(Curve.P_521).keyID("ec-521").generate();
            published.addAll(List.of(rsa, p256, p384, p521));
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
            server.createContext("/jwks", exchange -> {
                keySetRequests.incrementAndGet();
                byte[] body = publicKeys().getBytes(StandardCharsets.UTF_8);
                exchange.getResponseHeaders().add("Content-Type", "application/json");
                exchange.sendResponseHeaders(200, body.length);
                exchange.getResponseBody().write(body);
                exchange.close();
            });
            server.start();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private synchronized String publicKeys() {
        return new JWKSet(published.stream().map(JWK::toPublicJWK).toList()).toString();
    }

    String issuer() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/signing-issuer";
    }

    String jwkSetUri() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/jwks";
    }

    int keySetRequests() {
        return keySetRequests.get();
    }

    /** Publishes a new RSA key in place of the old one, as an issuer does when it rotates its keys. */
    synchronized void rotateRsaKey() {
        try {
            published.remove(rsa);
            rsa = new RSAKeyGenerator(2048).keyID("rsa-" + System.nanoTime()).generate();
            published.add(rsa);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** Valid claims for {@code inkwell-api}, issued at {@code now}, with roles in {@code roles}. */
    JWTClaimsSet.Builder claims(Instant now, String... roles) {
        return new JWTClaimsSet.Builder()
                .issuer(issuer())
                .subject("subject-1")
                .audience("inkwell-api")
                .issueTime(Date.from(now))
                .notBeforeTime(Date.from(now))
                .expirationTime(Date.from(now.plusSeconds(300)))
                .claim("roles", List.of(roles));
    }

    String sign(JWSAlgorithm algorithm, JWTClaimsSet claims) {
        return sign(algorithm, JOSEObjectType.JWT, claims);
    }

    synchronized String sign(JWSAlgorithm algorithm, JOSEObjectType type, JWTClaimsSet claims) {
        try {
            String family = algorithm.getName().substring(0, 2);
            JWK key = switch (family) {
                case "RS", "PS" -> rsa;
                case "ES" -> Map.of("256", p256, "384", p384, "512", p521).get(algorithm.getName().substring(2));
                default -> null;
            };
            JWSHeader.Builder header = new JWSHeader.Builder(algorithm).type(type);
            if (key == null) {
                byte[] secret = new byte[64];
                new SecureRandom().nextBytes(secret);
                SignedJWT jwt = new SignedJWT(header.build(), claims);
                jwt.sign(new MACSigner(secret));
                return jwt.serialize();
            }
            SignedJWT jwt = new SignedJWT(header.keyID(key.getKeyID()).build(), claims);
            jwt.sign(key instanceof RSAKey rsaKey ? new RSASSASigner(rsaKey) : new ECDSASigner((ECKey) key));
            return jwt.serialize();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
