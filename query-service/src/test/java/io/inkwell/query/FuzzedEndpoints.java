package io.inkwell.query;

import static io.inkwell.testing.fuzz.Endpoint.get;
import static io.inkwell.testing.fuzz.Endpoint.post;

import io.inkwell.testing.fuzz.Endpoint;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * Every endpoint of query-service, for {@code QueryFuzzIT}: a new endpoint goes here too, with the query
 * parameters it reads. {@code minVersion} is left out on purpose: for an id that never reaches that
 * version it waits the full read-your-writes time and answers 503 {@code not-caught-up}, as designed.
 */
final class FuzzedEndpoints {

    private static final List<Endpoint> API = List.of(
            get("/api/v1/users", "page", "limit", "search"),
            get("/api/v1/users/{id}", "asOf", "atVersion"),
            get("/api/v1/posts", "page", "limit", "author", "tag", "status", "sort"),
            get("/api/v1/posts/{id}", "asOf", "atVersion"),
            get("/api/v1/posts/by-slug/{id}"),
            get("/api/v1/tags", "page", "limit"),
            get("/api/v1/search/posts", "q", "tag", "author", "from", "to", "sort", "page", "limit"),
            get("/api/v1/events", "after", "limit", "aggregateId", "aggregateType", "type", "from", "to", "actor"),
            get("/api/v1/events/export", "format", "after", "aggregateId", "aggregateType", "type", "from", "to", "actor"),
            get("/api/v1/posts/{id}/history"),
            get("/api/v1/users/{id}/history"),
            get("/api/v1/admin/dead-letters", "processingGroup", "page", "limit"),
            get("/api/v1/admin/dead-letters/{id}"),
            new Endpoint("POST", "/api/v1/admin/dead-letters/{id}/retry", List.of(), null),
            new Endpoint("POST", "/api/v1/admin/dead-letters/retry", List.of("processingGroup"), null),
            new Endpoint("DELETE", "/api/v1/admin/dead-letters/{id}", List.of("reason"), null),
            get("/api/v1/admin/projections"),
            get("/api/v1/admin/projections/{id}"),
            new Endpoint("POST", "/api/v1/admin/projections/{id}/rebuild", List.of(), null),
            new Endpoint("DELETE", "/api/v1/admin/projections/{id}/rebuild", List.of(), null),
            // {id} stands for the projection and the segment alike: hostile text reaches both path variables.
            new Endpoint("POST", "/api/v1/admin/projections/{id}/segments/{id}/split", List.of(), null),
            new Endpoint("POST", "/api/v1/admin/projections/{id}/segments/{id}/merge", List.of(), null),
            // GraphQL: a document that goes deep (authors, their posts, tags) for hostile text to reach every resolver.
            post("/graphql", Map.of("query", "{ posts(first: 5) { totalCount edges { cursor node { id title tags "
                    + "author { name posts(first: 2) { totalCount } } } } } tags(first: 3) { totalCount } }")));

    static final List<Endpoint> ALL = Stream.concat(API.stream(), Endpoint.OPERATIONAL.stream()).toList();

    private FuzzedEndpoints() {
    }
}
