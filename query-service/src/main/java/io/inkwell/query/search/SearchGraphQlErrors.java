package io.inkwell.query.search;

import graphql.GraphQLError;
import graphql.schema.DataFetchingEnvironment;
import io.inkwell.query.graphql.GraphQlErrors;
import io.inkwell.support.web.Problem;
import java.util.Map;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.graphql.execution.DataFetcherExceptionResolverAdapter;
import org.springframework.stereotype.Component;

/** Elasticsearch out of reach, over GraphQL: {@code search-unavailable}, retryable, as REST's 503 says. */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE)
class SearchGraphQlErrors extends DataFetcherExceptionResolverAdapter {

    @Override
    protected GraphQLError resolveToSingleError(Throwable e, DataFetchingEnvironment env) {
        return e instanceof SearchUnavailableException unavailable
                ? GraphQlErrors.error(env, Problem.SEARCH_UNAVAILABLE, unavailable.getMessage(), Map.of("retryAfter", 5))
                : null;
    }
}
