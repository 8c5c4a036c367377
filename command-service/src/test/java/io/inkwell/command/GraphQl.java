package io.inkwell.command;

import io.inkwell.testing.http.RawHttp;
import java.util.LinkedHashMap;
import java.util.Map;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A GraphQL client for tests: {@code POST /graphql} over a real socket to the running service, with a real
 * token of the test issuer, and the same for REST, so that tests can compare the two APIs' answers.
 */
public final class GraphQl {

    private final RawHttp http;

    public GraphQl(int port) {
        this.http = new RawHttp(port);
    }

    /** An answer: its HTTP status and headers, and its JSON body. */
    public record Answer(int status, RawHttp.Answer raw, JsonNode json) {

        public JsonNode data(String field) {
            return json.path("data").path(field);
        }

        /** The code of the first error, or null when there is none. */
        public String code() {
            JsonNode errors = json.path("errors");
            return errors.isEmpty() ? null : errors.get(0).path("extensions").path("code").asString(null);
        }

        public JsonNode error() {
            return json.path("errors").path(0);
        }

        public String header(String name) {
            return raw.header(name);
        }
    }

    public Answer query(String token, String document) {
        return query(token, document, Map.of());
    }

    public Answer query(String token, String document, Map<String, Object> variables) {
        return query(token, document, variables, Map.of());
    }

    public Answer query(String token, String document, Map<String, Object> variables, Map<String, String> headers) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("query", document);
        body.put("variables", variables);
        return send("POST", "/graphql", token, JsonMapper.shared().writeValueAsString(body), headers);
    }

    /** Registers a profile for the token's identity through GraphQL and returns its id. */
    public String register(String token) {
        Answer answer = query(token, "mutation($input: RegisterUserInput!) { registerUser(input: $input) { id version } }",
                Map.of("input", Map.of("name", "GraphQL Writer", "email", "gql-" + java.util.UUID.randomUUID() + "@inkwell.test")));
        if (answer.code() != null || answer.data("registerUser").isMissingNode()) {
            throw new IllegalStateException("Could not register: " + answer.json());
        }
        return answer.data("registerUser").path("id").asString();
    }

    /** A REST request with the same kind of token, for comparisons. */
    public Answer rest(String method, String path, String token, String body, Map<String, String> headers) {
        return send(method, path, token, body == null ? "" : body, headers);
    }

    private Answer send(String method, String path, String token, String body, Map<String, String> extra) {
        Map<String, String> headers = new LinkedHashMap<>(extra);
        headers.put("Content-Type", "application/json");
        headers.put("Accept", "application/json");
        if (token != null) {
            headers.put("Authorization", "Bearer " + token);
        }
        RawHttp.Answer answer = http.send(method, path, headers, body);
        JsonNode json = answer.body().isBlank() ? JsonMapper.shared().createObjectNode() : JsonMapper.shared().readTree(answer.body());
        return new Answer(answer.status(), answer, json);
    }
}
