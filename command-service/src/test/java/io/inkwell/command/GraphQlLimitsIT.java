package io.inkwell.command;

import static org.assertj.core.api.Assertions.assertThat;

import io.inkwell.testing.TestIssuer;
import io.inkwell.testing.http.RawHttp;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The shared GraphQL limits in command-service, with its real configuration: a mutation costs 100, the
 * graphql budget of an authenticated caller is 12,000 a minute, an operation at most 1,000.
 */
@CommandServiceContext
class GraphQlLimitsIT {

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    private GraphQl api;

    @BeforeEach
    void client() {
        api = new GraphQl(port);
    }

    @Test
    void aTooCostlyOperationIsRefusedBeforeAnyMutationRuns() {
        String author = TestIssuer.get().token("user");
        api.register(author);
        String batch = "batch-" + UUID.randomUUID();
        // Ten creates cost 10 x (100 + id 1 + version 1) = 1,020, above the 1,000 an operation may cost.
        String document = IntStream.range(0, 10).mapToObj(i -> "p%d: createPost(input: {title: \"%s %d\", content: \"x\"}) { id version }"
                .formatted(i, batch, i)).collect(Collectors.joining(" ", "mutation { ", " }"));
        GraphQl.Answer answer = api.query(author, document);
        assertThat(answer.code()).isEqualTo("query-too-costly");
        assertThat(answer.json().path("data").isMissingNode() || answer.json().path("data").isNull()).isTrue();
        assertThat(jdbc.sql("SELECT count(*) FROM event_log WHERE payload ->> 'title' LIKE ?").param(batch + "%")
                .query(Long.class).single()).isZero();

        String nine = IntStream.range(0, 9).mapToObj(i -> "p%d: createPost(input: {title: \"%s %d\", content: \"x\"}) { id }"
                .formatted(i, batch, i)).collect(Collectors.joining(" ", "mutation { ", " }"));
        assertThat(api.query(author, nine).code()).as("nine cost 909").isNull();
    }

    @Test
    void anOperationPaysItsCostFromTheCallersBudgetAndIsRefusedWhenTooLittleIsLeft() {
        String caller = TestIssuer.get().token();
        // 499 aliases of "me { roles }" cost 998 each time; a caller's budget is 12,000 a minute.
        String expensive = IntStream.range(0, 499).mapToObj(i -> "m%d: me { roles }".formatted(i))
                .collect(Collectors.joining(" ", "{ ", " }"));
        GraphQl.Answer first = api.query(caller, expensive);
        assertThat(first.code()).isNull();
        assertThat(first.header("RateLimit-Limit")).isEqualTo("12000");
        assertThat(first.header("RateLimit-Remaining")).isEqualTo(Long.toString(12_000 - 998));

        GraphQl.Answer refused = first;
        for (int i = 0; i < 30 && refused.code() == null; i++) {
            refused = api.query(caller, expensive);
        }
        assertThat(refused.code()).isEqualTo("rate-limited");
        assertThat(refused.status()).as("a GraphQL error, with the REST headers").isEqualTo(200);
        assertThat(Long.parseLong(refused.header("RateLimit-Remaining"))).isLessThan(998);
        assertThat(Long.parseLong(refused.header("Retry-After"))).isPositive();
        assertThat(refused.error().path("extensions").path("retryAfter").asLong())
                .isEqualTo(Long.parseLong(refused.header("Retry-After")));
        assertThat(refused.json().path("data").isMissingNode() || refused.json().path("data").isNull()).isTrue();

        GraphQl.Answer cheap = api.query(caller, "{ me { subject } }");
        assertThat(cheap.code()).as("what is left still pays for a cheap query").isNull();
    }

    @Test
    void aMutationCostsWhatARestWriteIsWorth() {
        String caller = TestIssuer.get().token("user");
        GraphQl.Answer registered = api.query(caller, "mutation { registerUser(input: {name: \"Cost Counter\", email: \"%s\"}) { id version } }"
                .formatted("cost-" + UUID.randomUUID() + "@inkwell.test"));
        assertThat(registered.code()).isNull();
        assertThat(registered.header("RateLimit-Remaining")).isEqualTo(Long.toString(12_000 - 102));
    }

    @Test
    void malformedAndInvalidDocumentsAreErrorsWithProblemCodesAndNoInternals() {
        String caller = TestIssuer.get().token();
        GraphQl.Answer syntax = api.query(caller, "{ me { subject ");
        assertThat(syntax.code()).isEqualTo("malformed-request");
        GraphQl.Answer unknown = api.query(caller, "{ me { password } }");
        assertThat(unknown.code()).isEqualTo("validation-failed");
        GraphQl.Answer wrongType = api.query(caller, "mutation($v: Int) { editPost(id: \"x\", input: {}, expectedVersion: $v) { id } }",
                Map.of("v", "three"));
        assertThat(wrongType.code()).isEqualTo("validation-failed");
        for (GraphQl.Answer answer : new GraphQl.Answer[] {syntax, unknown, wrongType}) {
            assertThat(answer.json().toString()).doesNotContain("Exception", "io.inkwell", "graphql.", ".java:");
        }
    }

    /** What Spring for GraphQL refuses before GraphQL runs answers as the rest of the API does. */
    @Test
    void aRequestThatIsNotGraphQlOverHttpIsAProblemNotAnError() {
        String caller = TestIssuer.get().token();
        RawHttp http = new RawHttp(port);
        Map<String, String> json = Map.of("Authorization", "Bearer " + caller, "Content-Type", "application/json");
        for (RawHttpCase attempt : List.of(
                new RawHttpCase("POST", json, "{}"),
                new RawHttpCase("POST", json, "{\"query\": "),
                new RawHttpCase("POST", json, "[1, 2]"),
                new RawHttpCase("POST", Map.of("Authorization", "Bearer " + caller, "Content-Type", "text/plain"), "{ me { subject } }"),
                new RawHttpCase("GET", Map.of("Authorization", "Bearer " + caller), ""))) {
            RawHttp.Answer answer = http.send(attempt.method(), "/graphql", attempt.headers(), attempt.body());
            assertThat(answer.status()).as(attempt.toString()).isBetween(400, 499);
            assertThat(answer.isProblem()).as(attempt + " answered " + answer.body()).isTrue();
        }
    }

    private record RawHttpCase(String method, Map<String, String> headers, String body) {
    }
}
