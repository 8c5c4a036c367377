package io.inkwell.testing;

import io.inkwell.localstack.KeycloakServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;
import tools.jackson.databind.json.JsonMapper;

/**
 * The one Keycloak of a test JVM, with the Inkwell realm and its dev users. Its port is chosen at once
 * and the server starts in the background, so that a Spring context can be configured with its issuer
 * while Keycloak is still booting; the first token request waits for it.
 */
public final class TestKeycloak {

    private static final TestKeycloak INSTANCE = new TestKeycloak();

    private final int port = freePort();
    private final CompletableFuture<KeycloakServer> server = CompletableFuture.supplyAsync(this::start);
    private final Map<String, String> tokens = new ConcurrentHashMap<>();

    public static TestKeycloak get() {
        return INSTANCE;
    }

    public String issuer() {
        return "http://localhost:" + port + "/realms/" + KeycloakServer.REALM;
    }

    public String jwkSetUri() {
        return "http://127.0.0.1:" + port + "/realms/" + KeycloakServer.REALM + "/protocol/openid-connect/certs";
    }

    /** Waits until Keycloak answers; fails with the reason it did not start. */
    public KeycloakServer awaitRunning() {
        return server.join();
    }

    /** An access token for a dev user (password {@code <user>-Passw0rd}), fetched once per test JVM. */
    public String accessToken(String username) {
        return tokens.computeIfAbsent(username, u -> passwordGrant(u, u + "-Passw0rd"));
    }

    /** An access token of the service account of the confidential client {@code inkwell-service}. */
    public String serviceAccountToken() {
        return tokens.computeIfAbsent("service-account", key -> tokenFor(Map.of("grant_type", "client_credentials",
                "client_id", "inkwell-service", "client_secret", "inkwell-service-dev-secret")));
    }

    private String passwordGrant(String username, String password) {
        return tokenFor(Map.of("grant_type", "password", "client_id", "inkwell-cli",
                "username", username, "password", password));
    }

    private String tokenFor(Map<String, String> parameters) {
        String form = parameters.entrySet().stream()
                .map(e -> e.getKey() + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
        HttpRequest request = HttpRequest.newBuilder(URI.create(awaitRunning().tokenEndpoint()))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)).build();
        try {
            HttpResponse<String> response = HttpClient.newHttpClient()
                    .send(request, HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 200) {
                throw new IllegalStateException("token request failed: " + response.body());
            }
            return JsonMapper.shared().readTree(response.body()).get("access_token").asString();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private KeycloakServer start() {
        Path home = Path.of(System.getProperty("java.io.tmpdir"), "inkwell-test-keycloak-" + KeycloakServer.version());
        return KeycloakServer.start(home, port, false);
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
