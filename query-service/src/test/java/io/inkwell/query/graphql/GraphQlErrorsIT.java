package io.inkwell.query.graphql;

import static org.assertj.core.api.Assertions.assertThat;

import io.inkwell.query.QueryServiceContext;
import io.inkwell.testing.TestIssuer;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

/** Refusals over GraphQL carry the REST problem's code, and nothing of the server's insides. */
@QueryServiceContext
class GraphQlErrorsIT {

    @LocalServerPort
    int port;

    @Test
    void refusesPagesOfMoreThanAHundredLikeRest() {
        Reader.Answer answer = Reader.anonymous(port).graphQl("{ posts(first: 101) { totalCount } }");
        assertThat(answer.code()).isEqualTo("validation-failed")
                .isEqualTo(problemCode(Reader.anonymous(port).rest("/api/v1/posts?limit=101")));
        assertThat(answer.errors().get(0).get("extensions").get("parameter").asString()).isEqualTo("first");
        assertThat(answer.errors().get(0).get("path").get(0).asString()).isEqualTo("posts");
        assertThat(Reader.anonymous(port).graphQl("{ posts(first: 0) { totalCount } }").code()).isEqualTo("validation-failed");
    }

    @Test
    void refusesACursorItDidNotMake() {
        Reader.Answer answer = Reader.anonymous(port).graphQl("{ posts(after: \"bm90IGEgY3Vyc29y\") { totalCount } }");
        assertThat(answer.code()).isEqualTo("validation-failed");
        assertThat(answer.errors().get(0).get("extensions").get("parameter").asString()).isEqualTo("after");
    }

    @Test
    void refusesABodyThatIsNoRequestAsMalformed() throws Exception {
        java.net.http.HttpResponse<String> answer = Reader.HTTP.send(java.net.http.HttpRequest.newBuilder(
                        java.net.URI.create("http://127.0.0.1:" + port + "/graphql"))
                .header("Content-Type", "application/json").POST(java.net.http.HttpRequest.BodyPublishers.ofString(" null ")).build(),
                java.net.http.HttpResponse.BodyHandlers.ofString());
        assertThat(answer.statusCode()).isEqualTo(400);
        assertThat(answer.headers().firstValue("Content-Type")).hasValueSatisfying(type -> assertThat(type).startsWith("application/problem+json"));
        assertThat(answer.body()).contains("/problems/malformed-request");
    }

    @Test
    void saysNotFoundForAnUnknownPost() {
        Reader.Answer answer = Reader.anonymous(port).graphQl("query($id: ID!) { post(id: $id) { id } }",
                Map.of("id", UUID.randomUUID().toString()));
        assertThat(answer.status()).isEqualTo(200);
        assertThat(answer.code()).isEqualTo("not-found");
        assertThat(answer.data("post").isNull()).isTrue();
    }

    @Test
    void givesDocumentsThatDoNotParseOrFitTheSchemaACode() {
        assertThat(Reader.anonymous(port).graphQl("{ posts(first: ").code()).isEqualTo("malformed-request");
        assertThat(Reader.anonymous(port).graphQl("{ posts { password } }").code()).isEqualTo("validation-failed");
        assertThat(Reader.anonymous(port).graphQl("{ posts(first: \"ten\") { totalCount } }").code()).isEqualTo("validation-failed");
    }

    @Test
    void refusesAnInvalidTokenAsRestDoes() {
        Reader forged = new Reader(port, TestIssuer.get().tampered("user"), Map.of());
        Reader.Answer graphQl = forged.graphQl("{ tags { totalCount } }");
        Reader.Answer rest = forged.rest("/api/v1/tags");
        assertThat(graphQl.status()).isEqualTo(401).isEqualTo(rest.status());
        assertThat(graphQl.body().get("type").asString()).isEqualTo(rest.body().get("type").asString())
                .endsWith("/unauthorized");
    }

    @Test
    void asksForATokenToReadProfilesAsRestDoes() {
        Reader.Answer answer = Reader.anonymous(port).graphQl("{ users { totalCount } }");
        assertThat(Reader.anonymous(port).rest("/api/v1/users").status()).isEqualTo(401);
        assertThat(answer.code()).isEqualTo("unauthorized");
        assertThat(answer.data("users").isMissingNode() || answer.body().path("data").isNull()).isTrue();
    }

    @Test
    void tellsAReaderWhoseWriteIsNotVisibleYetToRetry() {
        Reader.Answer answer = Reader.anonymous(port).graphQl("query($id: ID!) { post(id: $id, minVersion: 3) { id } }",
                Map.of("id", UUID.randomUUID().toString()));
        assertThat(answer.code()).isEqualTo("not-caught-up");
    }

    @Test
    void refusesVariablesOfTheWrongShapeWithoutTellingOfTheServersInsides() {
        // Such a variable passes parsing and fails in graphql-java's coercion, before any resolver of ours runs.
        Reader.Answer answer = Reader.anonymous(port).graphQl("query($f: Int) { posts(first: $f) { totalCount } }",
                Map.of("f", Map.of("deep", "object")));
        assertThat(answer.code()).isEqualTo("validation-failed");
        assertThat(answer.body().toString()).doesNotContain("Exception", "at io.", "at org.", "select ", "java.");
    }

    private static String problemCode(Reader.Answer rest) {
        String type = rest.body().get("type").asString();
        return type.substring(type.lastIndexOf('/') + 1);
    }
}
