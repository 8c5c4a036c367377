package io.inkwell.benchmarks.load;

import static io.gatling.javaapi.core.CoreDsl.StringBody;
import static io.gatling.javaapi.core.CoreDsl.atOnceUsers;
import static io.gatling.javaapi.core.CoreDsl.exec;
import static io.gatling.javaapi.core.CoreDsl.feed;
import static io.gatling.javaapi.core.CoreDsl.jsonPath;
import static io.gatling.javaapi.core.CoreDsl.scenario;
import static io.gatling.javaapi.http.HttpDsl.http;
import static io.gatling.javaapi.http.HttpDsl.status;

import io.gatling.javaapi.core.ChainBuilder;
import io.gatling.javaapi.core.ScenarioBuilder;
import io.gatling.javaapi.core.Simulation;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

/**
 * One kind of read at {@code load.connections} (closed model, one connection per virtual user), chosen by
 * {@code load.read}: {@code get} a published post by id with a token, {@code list} the first page of posts with
 * a token, {@code graphql} the first 20 posts with their authors over GraphQL with a token, {@code search} through
 * the API, or {@code elasticsearch}: the query the API sends for the same search,
 * straight to Elasticsearch (the search's baseline).
 */
public class Reads extends Simulation {

    static final String LIST = "list posts";
    static final String SEARCH = "search posts";
    static final String ELASTICSEARCH = "search elasticsearch";
    static final String GRAPHQL_PAGE = "graphql page of 20 posts with authors";

    /** The newest 20 published posts with their tags and authors: one GraphQL request, the authors in one batch. */
    private static final String GRAPHQL_PAGE_BODY = """
            {"query": "{ posts(first: 20) { edges { node { id title tags version author { id name } } } } }"}""";

    public Reads() {
        int connections = Settings.number("connections");
        String read = Settings.text("read");
        ScenarioBuilder reads = scenario(read + ", " + connections + " connections")
                .feed(Requests.tokens())
                .during(Settings.duration()).on(request(read));
        setUp(reads.injectOpen(atOnceUsers(connections))).protocols(Requests.protocol())
                .assertions(Measured.figures(switch (read) {
                    case "get" -> Requests.GET_BY_ID;
                    case "list" -> LIST;
                    case "search" -> SEARCH;
                    case "graphql" -> GRAPHQL_PAGE;
                    default -> ELASTICSEARCH;
                }))
                .maxDuration(Settings.duration().plusSeconds(60));
    }

    private static ChainBuilder request(String read) {
        return switch (read) {
            case "get" -> feed(Requests.postIds()).exec(Requests.getById());
            case "list" -> exec(http(LIST).get(Settings.query() + "/api/v1/posts")
                    .header("Authorization", "Bearer #{token}").check(status().is(200)));
            case "search" -> exec(http(SEARCH)
                    .get(Settings.query() + "/api/v1/search/posts?q=" + URLEncoder.encode(Settings.text("q"), StandardCharsets.UTF_8))
                    .check(status().is(200), jsonPath("$.meta.total").ofInt().gt(0)));
            case "elasticsearch" -> exec(http(ELASTICSEARCH)
                    .post(Settings.text("elasticsearch") + "/posts/_search")
                    .body(StringBody(SearchBody.of(Settings.text("q"))))
                    .check(status().is(200), jsonPath("$.hits.total.value").ofInt().gt(0)));
            case "graphql" -> exec(http(GRAPHQL_PAGE).post(Settings.query() + "/graphql")
                    .header("Authorization", "Bearer #{token}")
                    .body(StringBody(GRAPHQL_PAGE_BODY))
                    .check(status().is(200), jsonPath("$.errors").notExists(),
                            jsonPath("$.data.posts.edges[*].node.author.id").count().is(20)));
            default -> throw new IllegalArgumentException("no read " + read + ": get, list, search, graphql or elasticsearch");
        };
    }
}
