package io.inkwell.command;

import static org.assertj.core.api.Assertions.assertThat;

import io.inkwell.testing.TestKeycloak;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.web.client.RestClient;
import tools.jackson.databind.JsonNode;

/**
 * The whole path a client takes: tokens from the real Keycloak with the Inkwell realm, sent over HTTP to
 * command-service, which validates them against Keycloak's keys.
 */
@CommandServiceContext
class KeycloakEndToEndIT {

    private static final TestKeycloak keycloak = TestKeycloak.get();

    @LocalServerPort
    int port;

    @BeforeAll
    static void waitForKeycloak() {
        keycloak.awaitRunning();
    }

    @Test
    void aWriterRegistersWritesEditsPublishesAndDeletesWithRealTokens() {
        RestClient alice = client(keycloak.accessToken("alice"));
        var registered = alice.post().uri("/api/v1/users").contentType(MediaType.APPLICATION_JSON)
                .body("{\"name\": \"Alice\", \"email\": \"alice-%s@inkwell.test\"}".formatted(UUID.randomUUID()))
                .retrieve().toEntity(JsonNode.class);
        assertThat(registered.getStatusCode().value()).isEqualTo(201);

        var created = alice.post().uri("/api/v1/posts").contentType(MediaType.APPLICATION_JSON)
                .body("{\"title\": \"Hello from Keycloak\", \"content\": \"Signed and sealed\", \"tags\": [\"e2e\"]}")
                .retrieve().toEntity(JsonNode.class);
        assertThat(created.getStatusCode().value()).isEqualTo(201);
        String postId = created.getBody().get("id").asString();

        var edited = alice.put().uri("/api/v1/posts/{id}", postId).header("If-Match", "\"1\"")
                .contentType(MediaType.APPLICATION_JSON).body("{\"content\": \"Edited\"}")
                .retrieve().toEntity(JsonNode.class);
        assertThat(edited.getHeaders().getETag()).isEqualTo("\"2\"");

        HttpStatusCode bobsAttempt = client(keycloak.accessToken("bob")).post()
                .uri("/api/v1/posts/{id}/publish", postId)
                .exchange((request, response) -> response.getStatusCode());
        assertThat(bobsAttempt.value()).isEqualTo(403);

        var published = client(keycloak.accessToken("mod")).post().uri("/api/v1/posts/{id}/publish", postId)
                .retrieve().toEntity(JsonNode.class);
        assertThat(published.getBody().get("version").asLong()).isEqualTo(3);

        var deleted = alice.delete().uri("/api/v1/posts/{id}", postId).retrieve().toBodilessEntity();
        assertThat(deleted.getStatusCode().value()).isEqualTo(204);
    }

    @Test
    void refusesATamperedToken() {
        String token = keycloak.accessToken("alice");
        String tampered = token.substring(0, token.length() - 4) + (token.endsWith("AAAA") ? "BBBB" : "AAAA");
        HttpStatusCode status = client(tampered).post().uri("/api/v1/posts").contentType(MediaType.APPLICATION_JSON)
                .body("{\"title\": \"t\", \"content\": \"x\"}")
                .exchange((request, response) -> response.getStatusCode());
        assertThat(status.value()).isEqualTo(401);
    }

    private RestClient client(String token) {
        return RestClient.builder().baseUrl("http://localhost:" + port)
                .defaultHeader("Authorization", "Bearer " + token).build();
    }
}
