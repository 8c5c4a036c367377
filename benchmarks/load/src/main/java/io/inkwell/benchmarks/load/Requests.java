package io.inkwell.benchmarks.load;

import static io.gatling.javaapi.core.CoreDsl.StringBody;
import static io.gatling.javaapi.core.CoreDsl.csv;
import static io.gatling.javaapi.core.CoreDsl.jsonPath;
import static io.gatling.javaapi.http.HttpDsl.http;
import static io.gatling.javaapi.http.HttpDsl.status;

import io.gatling.javaapi.core.FeederBuilder;
import io.gatling.javaapi.http.HttpProtocolBuilder;
import io.gatling.javaapi.http.HttpRequestActionBuilder;

/** The requests the simulations share, named as they appear in Gatling's statistics. */
final class Requests {

    static final String CREATE = "create post";
    static final String GET_BY_ID = "get post by id";

    /** A post of about the median size of the generated ones; the title is unique, so is the slug derived from it. */
    private static final String POST_BODY = """
            {"title": "Load #{word} #{randomUuid()}", "content": "Written by the load benchmark. Event sourcing \
            keeps every change as an event; projections build the read models and the search index from them, \
            and a reader may ask to wait for a version it has just written.", "tags": ["benchmark", "load"]}""";

    private Requests() {
    }

    /**
     * JSON in and out, no warm-up request to an outside site (the machines have no internet), and no HTTP cache in
     * the virtual users: Gatling would otherwise send If-None-Match with the ETags it saw and count the 304s as
     * failed reads; every read here is a whole answer.
     */
    static HttpProtocolBuilder protocol() {
        return http.acceptHeader("application/json").contentTypeHeader("application/json").disableWarmUp()
                .disableCaching();
    }

    /** A bearer token of a user registered by benchmarks/run before the load, one per line. */
    static FeederBuilder<String> tokens() {
        return csv(Settings.text("tokens")).circular();
    }

    /** Ids of published posts of the generated store. */
    static FeederBuilder<String> postIds() {
        return csv(Settings.text("posts")).random();
    }

    /** POST /api/v1/posts as the user of the session's token; saves the new post's id. Needs a {@code word}. */
    static HttpRequestActionBuilder createPost() {
        return http(CREATE).post(Settings.command() + "/api/v1/posts")
                .header("Authorization", "Bearer #{token}")
                .body(StringBody(POST_BODY))
                .check(status().is(201), jsonPath("$.id").saveAs("postId"));
    }

    static HttpRequestActionBuilder getById() {
        return http(GET_BY_ID).get(Settings.query() + "/api/v1/posts/#{id}")
                .header("Authorization", "Bearer #{token}")
                .check(status().is(200));
    }
}
