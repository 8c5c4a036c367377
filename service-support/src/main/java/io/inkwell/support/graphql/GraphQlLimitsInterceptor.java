package io.inkwell.support.graphql;

import graphql.GraphQLError;
import graphql.introspection.Introspection;
import io.inkwell.support.ratelimit.Payer;
import io.inkwell.support.ratelimit.Spending;
import java.util.List;
import org.springframework.graphql.server.WebGraphQlInterceptor;
import org.springframework.graphql.server.WebGraphQlRequest;
import org.springframework.graphql.server.WebGraphQlResponse;
import reactor.core.publisher.Mono;

/**
 * Carries what the HTTP request knows into the GraphQL execution (who pays, whether introspection answers),
 * and back out what the execution found: the RateLimit headers of what was spent, and a problem code on
 * every error.
 */
class GraphQlLimitsInterceptor implements WebGraphQlInterceptor {

    private final GraphQlLimitsProperties properties;

    GraphQlLimitsInterceptor(GraphQlLimitsProperties properties) {
        this.properties = properties;
    }

    @Override
    public Mono<WebGraphQlResponse> intercept(WebGraphQlRequest request, Chain chain) {
        Object payer = request.getAttributes().get(Payer.ATTRIBUTE);
        request.configureExecutionInput((input, builder) -> builder.graphQLContext(context -> {
            if (payer instanceof Payer known) {
                context.put(Payer.class, known);
            }
            if (!properties.introspection()) {
                context.put(Introspection.INTROSPECTION_DISABLED, true);
            }
        }).build());
        return chain.next(request).map(response -> {
            Spending spending = response.getExecutionInput().getGraphQLContext().get(Spending.class);
            if (spending != null) {
                spending.headers(response.getResponseHeaders()::set);
            }
            List<GraphQLError> errors = response.getExecutionResult().getErrors();
            if (errors.isEmpty()) {
                return response;
            }
            List<GraphQLError> coded = errors.stream().map(GraphQlProblems::withCode).toList();
            return response.transform(builder -> builder.errors(coded));
        });
    }
}
