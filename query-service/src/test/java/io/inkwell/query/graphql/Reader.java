package io.inkwell.query.graphql;

import io.inkwell.testing.TestIssuer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.LinkedHashMap;
import java.util.Map;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A reader of the running query-service over real HTTP, with a real token of the test issuer (or none): sends
 * GraphQL documents to {@code /graphql} and the same reader's REST requests, so that tests compare the two.
 */
record Reader(int port, String token, Map<String, String> headers) {

    static final HttpClient HTTP = HttpClient.newHttpClient();
    static final JsonMapper JSON = JsonMapper.shared();

    record Answer(int status, JsonNode body) {

        JsonNode data(String field) {
            return body.path("data").path(field);
        }

        JsonNode errors() {
            return body.path("errors");
        }

        /** The code of the first error, as clients read it. */
        String code() {
            return errors().path(0).path("extensions").path("code").asString(null);
        }
    }

    static Reader anonymous(int port) {
        return new Reader(port, null, Map.of());
    }

    /** A reader signed in as {@code subject} with these realm roles. */
    static Reader signedIn(int port, String subject, String... roles) {
        return new Reader(port, TestIssuer.get().token(claims -> claims.subject(subject), roles), Map.of());
    }

    Reader with(String header, String value) {
        Map<String, String> more = new LinkedHashMap<>(headers);
        more.put(header, value);
        return new Reader(port, token, more);
    }

    Answer graphQl(String document, Map<String, Object> variables) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("query", document);
        body.put("variables", variables);
        return send(request("/graphql").header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body))));
    }

    Answer graphQl(String document) {
        return graphQl(document, Map.of());
    }

    Answer rest(String path) {
        return send(request(path).GET());
    }

    private HttpRequest.Builder request(String path) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .header("Accept", "application/json");
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        headers.forEach(request::header);
        return request;
    }

    private static Answer send(HttpRequest.Builder request) {
        try {
            HttpResponse<String> response = HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
            String text = response.body();
            return new Answer(response.statusCode(), text.isEmpty() ? JSON.missingNode() : JSON.readTree(text));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
