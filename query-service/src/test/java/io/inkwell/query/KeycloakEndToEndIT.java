package io.inkwell.query;

import static org.assertj.core.api.Assertions.assertThat;

import io.inkwell.testing.TestKeycloak;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpStatusCode;
import org.springframework.web.client.RestClient;

/** Tokens from the real Keycloak, for a person and for a service account, over HTTP to query-service. */
@QueryServiceContext
class KeycloakEndToEndIT {

    private static final TestKeycloak keycloak = TestKeycloak.get();

    @LocalServerPort
    int port;

    @BeforeAll
    static void waitForKeycloak() {
        keycloak.awaitRunning();
    }

    @Test
    void aDevUserAndAServiceAccountMayListProfilesAndAnonymousCallersMayNot() {
        assertThat(status(keycloak.accessToken("ana"))).isEqualTo(200);
        assertThat(status(keycloak.serviceAccountToken())).isEqualTo(200);
        assertThat(status(null)).isEqualTo(401);
    }

    private int status(String token) {
        RestClient.RequestHeadersSpec<?> request = RestClient.create("http://localhost:" + port).get().uri("/api/v1/users");
        if (token != null) {
            request = request.header("Authorization", "Bearer " + token);
        }
        HttpStatusCode status = request.exchange((req, response) -> response.getStatusCode());
        return status.value();
    }
}
