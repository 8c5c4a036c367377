package io.inkwell.command.security;

import static org.assertj.core.api.Assertions.assertThat;

import io.inkwell.localstack.KeycloakServer;
import io.inkwell.testing.TestKeycloak;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

/**
 * The realm's brute-force protection on the real Keycloak: it counts wrong passwords, not sign-ins, so one
 * person signing in from several devices at once is never locked out, while a password guesser still is.
 * Each test signs in as a user of its own, created through Keycloak's admin API, so that a lockout here
 * never touches the dev users other tests sign in as.
 */
class SignInProtectionIT {

    private static final TestKeycloak keycloak = TestKeycloak.get();
    private static final HttpClient http = HttpClient.newHttpClient();
    private static KeycloakServer server;

    @BeforeAll
    static void waitForKeycloak() {
        server = keycloak.awaitRunning();
    }

    @Test
    void concurrentSignInsOfOneUserAllSucceed() throws Exception {
        String user = newUser();
        try (ExecutorService devices = Executors.newVirtualThreadPerTaskExecutor()) {
            List<Callable<HttpResponse<String>>> signIns = IntStream.range(0, 8)
                    .mapToObj(i -> (Callable<HttpResponse<String>>) () -> signIn(user, password(user))).toList();
            for (Future<HttpResponse<String>> signIn : devices.invokeAll(signIns)) {
                assertThat(signIn.get().statusCode()).as(signIn.get().body()).isEqualTo(200);
            }
        }
        assertThat(signIn(user, password(user)).statusCode()).isEqualTo(200);
    }

    @Test
    void repeatedWrongPasswordsStillLockTheUserOut() throws Exception {
        String user = newUser();
        for (int attempt = 0; attempt < 6; attempt++) {
            assertThat(signIn(user, "Wrong-Passw0rd").statusCode()).isEqualTo(401);
        }
        HttpResponse<String> rightPassword = signIn(user, password(user));
        assertThat(rightPassword.statusCode()).isNotEqualTo(200);
        assertThat(rightPassword.body()).doesNotContain("access_token");
    }

    private static String password(String user) {
        return user + "-Passw0rd";
    }

    private static HttpResponse<String> signIn(String user, String password) throws IOException, InterruptedException {
        return post(server.tokenEndpoint(), Map.of("grant_type", "password", "client_id", "inkwell-cli",
                "username", user, "password", password));
    }

    /** A fresh user with a password, through the admin API of the bootstrap admin. */
    private static String newUser() throws IOException, InterruptedException {
        String base = "http://127.0.0.1:" + server.port();
        String admin = JsonMapper.shared().readTree(post(base + "/realms/master/protocol/openid-connect/token",
                Map.of("grant_type", "password", "client_id", "admin-cli", "username", "admin", "password", "admin"))
                .body()).get("access_token").asString();
        String user = "signin-" + UUID.randomUUID().toString().substring(0, 8);
        String body = """
                {"username": "%s", "enabled": true, "email": "%s@inkwell.test", "emailVerified": true,
                 "firstName": "Sign", "lastName": "In",
                 "credentials": [{"type": "password", "value": "%s", "temporary": false}]}"""
                .formatted(user, user, password(user));
        HttpResponse<String> created = http.send(HttpRequest.newBuilder(URI.create(base + "/admin/realms/"
                        + KeycloakServer.REALM + "/users"))
                .header("Authorization", "Bearer " + admin).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        return user;
    }

    private static HttpResponse<String> post(String uri, Map<String, String> form) throws IOException, InterruptedException {
        String encoded = form.entrySet().stream()
                .map(e -> e.getKey() + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
        return http.send(HttpRequest.newBuilder(URI.create(uri))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(encoded)).build(), HttpResponse.BodyHandlers.ofString());
    }
}
