package io.inkwell.systemtest;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Optional;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** A plain HTTP client for JSON APIs, as a client app would be; a request that gets no answer throws. */
final class Http {

    static final JsonMapper JSON = JsonMapper.shared();

    private static final HttpClient CLIENT = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    private static final Duration TIMEOUT = Duration.ofSeconds(15);

    private Http() {
    }

    /** An answer, with how long it took. */
    record Answer(int status, Optional<String> retryAfter, String contentType, String etag, boolean replayed, JsonNode body,
                  Duration took) {

        boolean ok() {
            return status / 100 == 2;
        }

        String problemType() {
            return body.path("type").asString("");
        }
    }

    static Answer get(URI uri, String token) throws IOException, InterruptedException {
        return send(request(uri, token).GET());
    }

    static Answer post(URI uri, String token, Object body, String... headers) throws IOException, InterruptedException {
        return send(request(uri, token, headers).POST(json(body)));
    }

    static Answer put(URI uri, String token, Object body, String... headers) throws IOException, InterruptedException {
        return send(request(uri, token, headers).PUT(json(body)));
    }

    static Answer delete(URI uri, String token) throws IOException, InterruptedException {
        return send(request(uri, token).DELETE());
    }

    private static HttpRequest.Builder request(URI uri, String token, String... headers) {
        HttpRequest.Builder builder = HttpRequest.newBuilder(uri).timeout(TIMEOUT).header("Accept", "application/json");
        if (token != null) {
            builder.header("Authorization", "Bearer " + token);
        }
        if (headers.length > 0) {
            builder.headers(headers);
        }
        return builder;
    }

    private static HttpRequest.BodyPublisher json(Object body) {
        return body == null ? HttpRequest.BodyPublishers.noBody()
                : HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body));
    }

    private static Answer send(HttpRequest.Builder builder) throws IOException, InterruptedException {
        HttpRequest request = builder.header("Content-Type", "application/json").build();
        long start = System.nanoTime();
        HttpResponse<String> response = CLIENT.send(request, HttpResponse.BodyHandlers.ofString());
        Duration took = Duration.ofNanos(System.nanoTime() - start);
        String text = response.body();
        JsonNode body = text == null || text.isBlank() ? JSON.nullNode() : parse(text);
        return new Answer(response.statusCode(), response.headers().firstValue("Retry-After"),
                response.headers().firstValue("Content-Type").orElse(""),
                response.headers().firstValue("ETag").orElse(""),
                response.headers().firstValue("Idempotent-Replayed").isPresent(), body, took);
    }

    private static JsonNode parse(String text) {
        try {
            return JSON.readTree(text);
        } catch (RuntimeException e) {
            return JSON.getNodeFactory().textNode(text);
        }
    }
}
