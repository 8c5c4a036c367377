package io.inkwell.support.graphql;

import static org.assertj.core.api.Assertions.assertThat;

import io.inkwell.support.ratelimit.Payer;
import io.inkwell.support.ratelimit.RateLimitProperties;
import io.inkwell.support.ratelimit.RateLimiter;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.graphql.ResponseError;
import org.springframework.graphql.execution.DefaultExecutionGraphQlService;
import org.springframework.graphql.execution.GraphQlSource;
import org.springframework.graphql.server.WebGraphQlHandler;
import org.springframework.graphql.server.WebGraphQlRequest;
import org.springframework.graphql.server.WebGraphQlResponse;
import org.springframework.http.HttpHeaders;
import org.springframework.util.LinkedMultiValueMap;

/**
 * The limits on graphql-java and Spring for GraphQL themselves (no HTTP server): a small schema whose
 * resolvers count their calls, so that a test can tell that a refused operation ran nothing.
 */
class GraphQlLimitsTest {

    private static final String SCHEMA = """
            type Query { post(id: ID!): Post  posts(first: Int): [Post!]! }
            type Post { id: ID! title: String! related(first: Int): [Post!]! }
            """;

    private final AtomicInteger resolved = new AtomicInteger();
    private RateLimiter budgets;

    @AfterEach
    void closeBudgets() {
        if (budgets != null) {
            budgets.close();
        }
    }

    @Test
    void aTooDeepQueryIsRefusedBeforeAnyResolverRuns() {
        WebGraphQlHandler graphQl = graphQl(limits(4, 1000, Duration.ofSeconds(10), true), null);
        WebGraphQlResponse response = execute(graphQl, "{ post(id: 1) { related { related { related { related { id } } } } } }", null);
        assertThat(code(response)).isEqualTo("query-too-deep");
        assertThat(response.getErrors().get(0).getMessage()).contains("6", "4");
        assertThat(resolved).hasValue(0);
        assertThat(code(execute(graphQl, "{ post(id: 1) { related { related { id } } } }", null))).isNull();
        assertThat(resolved.get()).isPositive();
    }

    @Test
    void aTooCostlyQueryIsRefusedBeforeAnyResolverRuns() {
        WebGraphQlHandler graphQl = graphQl(limits(10, 1000, Duration.ofSeconds(10), true), null);
        // posts: 1 + 100 x (id 1 + related 1 + 100 x title 1) = 10,201
        WebGraphQlResponse response = execute(graphQl, "{ posts(first: 100) { id related(first: 100) { title } } }", null);
        assertThat(code(response)).isEqualTo("query-too-costly");
        assertThat(response.getErrors().get(0).getExtensions()).containsEntry("maxCost", 1000L);
        assertThat(resolved).hasValue(0);
    }

    @Test
    void theCallerPaysTheCostAndIsRefusedWithRetryAfterOnceTheBudgetCannot() {
        budgets = new RateLimiter(new RateLimitProperties(true, Duration.ofMinutes(1),
                Map.of("graphql", new RateLimitProperties.Budget(50, 50)), null));
        WebGraphQlHandler graphQl = graphQl(limits(10, 1000, Duration.ofSeconds(10), true), budgets);
        Payer payer = new Payer("sub:test|" + System.nanoTime(), false);
        String costs21 = "{ posts(first: 10) { id title } }";
        WebGraphQlResponse first = execute(graphQl, costs21, payer);
        assertThat(first.getResponseHeaders().getFirst("RateLimit-Remaining")).isEqualTo("29");
        assertThat(code(execute(graphQl, costs21, payer))).isNull();
        int before = resolved.get();
        WebGraphQlResponse refused = execute(graphQl, costs21, payer);
        assertThat(code(refused)).isEqualTo("rate-limited");
        assertThat(refused.getResponseHeaders().getFirst("Retry-After")).isNotBlank();
        assertThat(resolved).as("a refused query runs nothing").hasValue(before);
        assertThat(code(execute(graphQl, "{ post(id: 1) { id } }", payer))).as("8 left pays for a cost of 2").isNull();
        assertThat(code(execute(graphQl, costs21, new Payer("sub:test|someone-else", false)))).isNull();
    }

    @Test
    void noFieldStartsAfterTheTimeLimit() {
        WebGraphQlHandler graphQl = graphQl(limits(10, 1000, Duration.ofNanos(1), true), null);
        WebGraphQlResponse response = execute(graphQl, "{ post(id: 1) { id } }", null);
        assertThat(code(response)).isEqualTo("request-timed-out");
        assertThat(resolved).hasValue(0);
    }

    @Test
    void introspectionCanBeSwitchedOff() {
        String introspection = "{ __schema { queryType { name } } }";
        assertThat(code(execute(graphQl(limits(10, 1000, Duration.ofSeconds(10), true), null), introspection, null))).isNull();
        WebGraphQlResponse off = execute(graphQl(limits(10, 1000, Duration.ofSeconds(10), false), null), introspection, null);
        assertThat(code(off)).isEqualTo("forbidden");
        assertThat(code(execute(graphQl(limits(10, 1000, Duration.ofSeconds(10), false), null), "{ post(id: 1) { __typename id } }", null)))
                .as("__typename is not introspection of the schema").isNull();
    }

    @Test
    void graphQlsOwnErrorsGetTheProblemCodeOfTheirKind() {
        WebGraphQlHandler graphQl = graphQl(limits(10, 1000, Duration.ofSeconds(10), true), null);
        assertThat(code(execute(graphQl, "{ post(id: 1) { id ", null))).isEqualTo("malformed-request");
        assertThat(code(execute(graphQl, "{ post(id: 1) { secret } }", null))).isEqualTo("validation-failed");
        assertThat(code(execute(graphQl, "subscription { posts { id } }", null))).isEqualTo("validation-failed");
    }

    private static GraphQlLimitsProperties limits(int maxDepth, long maxCost, Duration timeout, boolean introspection) {
        return new GraphQlLimitsProperties(maxDepth, maxCost, 1L, Map.of(), 10L, timeout, introspection);
    }

    private WebGraphQlHandler graphQl(GraphQlLimitsProperties properties, RateLimiter budgets) {
        GraphQlSource source = GraphQlSource.schemaResourceBuilder()
                .schemaResources(new ByteArrayResource(SCHEMA.getBytes(StandardCharsets.UTF_8)))
                .configureRuntimeWiring(wiring -> wiring
                        .type("Query", type -> type
                                .dataFetcher("post", env -> post(env.getArgument("id")))
                                .dataFetcher("posts", env -> List.of(post("1"), post("2"))))
                        .type("Post", type -> type.dataFetcher("related", env -> List.of(post("3")))))
                .instrumentation(List.of(new GraphQlLimits(properties, budgets)))
                .build();
        return WebGraphQlHandler.builder(new DefaultExecutionGraphQlService(source))
                .interceptor(new GraphQlLimitsInterceptor(properties)).build();
    }

    private Map<String, Object> post(String id) {
        resolved.incrementAndGet();
        return Map.of("id", id, "title", "Post " + id);
    }

    private static WebGraphQlResponse execute(WebGraphQlHandler graphQl, String document, Payer payer) {
        Map<String, Object> attributes = payer == null ? Map.of() : Map.of(Payer.ATTRIBUTE, payer);
        WebGraphQlRequest request = new WebGraphQlRequest(URI.create("http://localhost/graphql"), new HttpHeaders(),
                new LinkedMultiValueMap<>(), null, attributes, Map.of("query", document), "test-" + System.nanoTime(), Locale.ROOT);
        return graphQl.handleRequest(request).block();
    }

    private static String code(WebGraphQlResponse response) {
        List<ResponseError> errors = response.getErrors();
        return errors.isEmpty() ? null : (String) errors.get(0).getExtensions().get(GraphQlProblems.CODE);
    }
}
