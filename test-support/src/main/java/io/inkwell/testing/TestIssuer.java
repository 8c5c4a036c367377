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
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.UnaryOperator;

/**
 * Trusted issuers for tests: each with its own RSA key, published as a JWK set on a loopback port, so that
 * tests can mint exactly the tokens they need, valid or forged in one precise way. {@link #get()} is always
 * reachable and puts roles where Keycloak does; {@link #unreliable()} can be taken off the network and back,
 * and puts roles into {@code scope} as many other providers do. Real Keycloak tokens come from
 * {@link TestKeycloak}.
 */
public final class TestIssuer {

    private static final TestIssuer INSTANCE = new TestIssuer("test-issuer", "realm_access.roles", true);
    private static final TestIssuer UNRELIABLE = new TestIssuer("unreliable-issuer", "scope", false);

    private final String name;
    private final String rolesClaim;
    private final RSAKey key;
    private final RSAKey unpublishedKey;
    private final int port;
    private final AtomicInteger keySetRequests = new AtomicInteger();
    private HttpServer server;

    private TestIssuer(String name, String rolesClaim, boolean online) {
        this.name = name;
        this.rolesClaim = rolesClaim;
        try {
            key = new RSAKeyGenerator(2048).keyID(name + "-key").generate();
            unpublishedKey = new RSAKeyGenerator(2048).keyID(name + "-unpublished-key").generate();
            server = serve(0);
            port = server.getAddress().getPort();
            if (!online) {
                goOffline();
            }
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** The always reachable test issuer; roles in {@code realm_access.roles}. */
    public static TestIssuer get() {
        return INSTANCE;
    }

    /**
     * An issuer that starts off the network (its JWK set refuses connections) until a test calls
     * {@link #goOnline()}, as Keycloak does when it is down; roles in {@code scope}. Only the tests of outages
     * use it, so nothing else makes the services fetch or cache its keys.
     */
    public static TestIssuer unreliable() {
        return UNRELIABLE;
    }

    private HttpServer serve(int port) throws IOException {
        HttpServer http = HttpServer.create(new InetSocketAddress("127.0.0.1", port), 0);
        byte[] jwks = new JWKSet(key.toPublicJWK()).toString().getBytes(StandardCharsets.UTF_8);
        http.createContext("/jwks", exchange -> {
            keySetRequests.incrementAndGet();
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            exchange.sendResponseHeaders(200, jwks.length);
            exchange.getResponseBody().write(jwks);
            exchange.close();
        });
        http.start();
        return http;
    }

    /** How many times the services fetched this issuer's JWK set so far. */
    public int keySetRequests() {
        return keySetRequests.get();
    }

    /** Closes the JWK set's port: fetching the keys fails with "connection refused". */
    public synchronized void goOffline() {
        if (server != null) {
            server.stop(0);
            server = null;
        }
    }

    /** Opens the JWK set's port again, on the same address. */
    public synchronized void goOnline() {
        if (server == null) {
            try {
                server = serve(port);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    public String issuer() {
        return "http://127.0.0.1:" + port + "/" + name;
    }

    public String jwkSetUri() {
        return "http://127.0.0.1:" + port + "/jwks";
    }

    /** Where this issuer's tokens carry roles, as the services must be told ({@code ..._ROLESCLAIM}). */
    public String rolesClaim() {
        return rolesClaim;
    }

    /** Claims of a valid access token for a new subject with the given roles, where this issuer puts them. */
    public JWTClaimsSet.Builder claims(String... roles) {
        Instant now = Instant.now();
        return new JWTClaimsSet.Builder()
                .issuer(issuer())
                .subject(UUID.randomUUID().toString())
                .audience("inkwell-api")
                .issueTime(Date.from(now))
                .notBeforeTime(Date.from(now))
                .expirationTime(Date.from(now.plusSeconds(300)))
                .claim(rolesClaim.equals("scope") ? "scope" : "realm_access",
                        rolesClaim.equals("scope") ? String.join(" ", roles) : Map.of("roles", List.of(roles)));
    }

    /** A token signed with this issuer's key (RS256, type JWT), after {@code change} edits its claims. */
    public String token(UnaryOperator<JWTClaimsSet.Builder> change, String... roles) {
        return sign(change.apply(claims(roles)).build(), JOSEObjectType.JWT);
    }

    public String token(String... roles) {
        return token(UnaryOperator.identity(), roles);
    }

    public String sign(JWTClaimsSet claims, JOSEObjectType type) {
        return sign(claims, type, key);
    }

    /** A token that is valid in every way but one: it is signed with a key (and key id) this issuer never published. */
    public String signedWithUnpublishedKey(String... roles) {
        return sign(claims(roles).build(), JOSEObjectType.JWT, unpublishedKey);
    }

    private static String sign(JWTClaimsSet claims, JOSEObjectType type, RSAKey key) {
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
