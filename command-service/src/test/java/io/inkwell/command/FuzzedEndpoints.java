package io.inkwell.command;

import static io.inkwell.testing.fuzz.Endpoint.delete;
import static io.inkwell.testing.fuzz.Endpoint.get;
import static io.inkwell.testing.fuzz.Endpoint.post;
import static io.inkwell.testing.fuzz.Endpoint.put;

import io.inkwell.testing.fuzz.Endpoint;
import java.util.List;
import java.util.stream.Stream;
import java.util.Map;

/**
 * Every endpoint of command-service, for {@code CommandFuzzIT}: a new endpoint goes here too, with its
 * query parameters and the fields of a valid body.
 */
final class FuzzedEndpoints {

    private static final List<Endpoint> API = List.of(
            post("/api/v1/users", Map.of("name", "Fuzz Writer", "email", "fuzz@inkwell.test")),
            put("/api/v1/users/{id}", Map.of("name", "Fuzz Renamed", "email", "renamed@inkwell.test")),
            delete("/api/v1/users/{id}"),
            post("/api/v1/posts", Map.of("title", "Fuzzed", "content", "Some words", "tags", List.of("fuzz", "edge"),
                    "slug", "fuzzed-post")),
            put("/api/v1/posts/{id}", Map.of("title", "Edited", "content", "Other words", "tags", List.of("edited"))),
            post("/api/v1/posts/{id}/publish", null),
            post("/api/v1/posts/{id}/unpublish", null),
            delete("/api/v1/posts/{id}"),
            post("/graphql", Map.of("query", "mutation { createPost(input: {title: \"Fuzzed\", content: \"Some words\", "
                    + "tags: [\"fuzz\"]}, idempotencyKey: \"fuzz\") { id version slug } }")),
            post("/graphql", Map.of("query", "{ me { subject roles profileId } }", "operationName", "")));

    static final List<Endpoint> ALL = Stream.concat(API.stream(), Endpoint.OPERATIONAL.stream()).toList();

    private FuzzedEndpoints() {
    }
}
