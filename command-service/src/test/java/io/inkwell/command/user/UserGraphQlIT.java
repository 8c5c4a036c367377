package io.inkwell.command.user;

import static org.assertj.core.api.Assertions.assertThat;

import io.inkwell.command.CommandServiceContext;
import io.inkwell.command.GraphQl;
import io.inkwell.testing.TestIssuer;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

/** The profile mutations over HTTP with real tokens, beside what REST answers in the same cases. */
@CommandServiceContext
class UserGraphQlIT {

    static final String REGISTER = "mutation($input: RegisterUserInput!) { registerUser(input: $input) { id version } }";
    static final String UPDATE = """
            mutation($id: ID!, $input: UpdateUserInput!, $v: Int) {
              updateUser(id: $id, input: $input, expectedVersion: $v) { id version } }""";
    static final String DELETE = "mutation($id: ID!) { deleteUser(id: $id) { id version } }";

    @LocalServerPort
    int port;

    private GraphQl api;

    @BeforeEach
    void client() {
        api = new GraphQl(port);
    }

    @Test
    void aProfileIsRegisteredOncePerIdentityAndItsEmailOnce() {
        String identity = TestIssuer.get().token();
        String email = email();
        GraphQl.Answer registered = api.query(identity, REGISTER, Map.of("input", Map.of("name", "  Gia Writer  ", "email", email)));
        assertThat(registered.data("registerUser").path("version").asLong()).isEqualTo(1);
        String id = registered.data("registerUser").path("id").asString();
        GraphQl.Answer me = api.query(identity, "{ me { profileId roles } }");
        assertThat(me.data("me").path("profileId").asString()).isEqualTo(id);

        assertThat(api.query(identity, REGISTER, Map.of("input", Map.of("name", "Again", "email", email()))).code())
                .isEqualTo("identity-already-registered");
        assertThat(api.query(TestIssuer.get().token(), REGISTER, Map.of("input", Map.of("name", "Copycat",
                "email", email.toUpperCase()))).code()).isEqualTo("email-taken");
        GraphQl.Answer rest = api.rest("POST", "/api/v1/users", TestIssuer.get().token(),
                "{\"name\": \"Copycat\", \"email\": \"%s\"}".formatted(email.toUpperCase()), Map.of());
        assertThat(rest.status()).isEqualTo(409);
        assertThat(rest.json().path("type").asString()).endsWith("/email-taken");
    }

    @Test
    void aProfileChangesWithTheVersionItAnswersAndRefusesAStaleOne() {
        String identity = TestIssuer.get().token("user");
        String id = api.register(identity);
        GraphQl.Answer renamed = api.query(identity, UPDATE, Map.of("id", id, "input", Map.of("name", "New Name"), "v", 1));
        assertThat(renamed.data("updateUser").path("version").asLong()).isEqualTo(2);
        GraphQl.Answer stale = api.query(identity, UPDATE, Map.of("id", id, "input", Map.of("name", "Lost"), "v", 1));
        assertThat(stale.code()).isEqualTo("version-mismatch");
        assertThat(api.query(identity, UPDATE, Map.of("id", id, "input", Map.of("name", "New Name"))).data("updateUser")
                .path("version").asLong()).as("the same name again changes nothing").isEqualTo(2);
    }

    @Test
    void onlyTheUserOrAnAdminMayChangeOrDeleteAProfile() {
        String owner = TestIssuer.get().token("user");
        String id = api.register(owner);
        String other = TestIssuer.get().token("user");
        api.register(other);
        assertThat(api.query(other, UPDATE, Map.of("id", id, "input", Map.of("name", "Hijacked"))).code())
                .isEqualTo("not-profile-owner");
        assertThat(api.query(other, DELETE, Map.of("id", id)).code()).isEqualTo("not-profile-owner");
        assertThat(api.rest("PUT", "/api/v1/users/" + id, other, "{\"name\": \"Hijacked\"}", Map.of()).json()
                .path("type").asString()).endsWith("/not-profile-owner");
        String admin = TestIssuer.get().token("admin");
        assertThat(api.query(admin, UPDATE, Map.of("id", id, "input", Map.of("name", "Renamed By Admin"))).code()).isNull();
        GraphQl.Answer deleted = api.query(owner, DELETE, Map.of("id", id));
        assertThat(deleted.data("deleteUser").path("version").asLong()).isEqualTo(3);
        assertThat(api.query(owner, DELETE, Map.of("id", id)).code()).isEqualTo("user-deleted");
    }

    @Test
    void invalidInputIsRefusedNamingTheFieldsAsRestDoes() {
        GraphQl.Answer answer = api.query(TestIssuer.get().token(), REGISTER, Map.of("input", Map.of("name", " x ",
                "email", "someone@localhost")));
        assertThat(answer.code()).isEqualTo("validation-failed");
        assertThat(answer.error().path("extensions").path("errors").findValuesAsString("field"))
                .containsExactlyInAnyOrder("name", "email");
        assertThat(answer.error().toString()).doesNotContain("Exception", "io.inkwell", "jakarta");
    }

    @Test
    void anIdThatIsNotAProfileIsNotFound() {
        String identity = TestIssuer.get().token("user");
        api.register(identity);
        assertThat(api.query(TestIssuer.get().token("admin"), DELETE, Map.of("id", UUID.randomUUID().toString())).code())
                .isEqualTo("not-found");
    }

    private static String email() {
        return "gql-user-" + UUID.randomUUID() + "@inkwell.test";
    }
}
