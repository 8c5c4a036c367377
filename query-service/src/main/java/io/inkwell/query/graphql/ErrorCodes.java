package io.inkwell.query.graphql;

import graphql.ErrorClassification;
import graphql.ErrorType;
import graphql.GraphQLError;
import graphql.GraphqlErrorBuilder;
import io.inkwell.support.web.Problem;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.graphql.server.WebGraphQlInterceptor;
import org.springframework.graphql.server.WebGraphQlRequest;
import org.springframework.graphql.server.WebGraphQlResponse;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/**
 * Gives every GraphQL error an {@code extensions.code} from the problem catalogue, also the errors that no
 * resolver of ours made: a document that does not parse ({@code malformed-request}), one that does not fit the
 * schema or has arguments of the wrong type ({@code validation-failed}), and failures nobody expected, which
 * become {@code internal-error} with a message that names no class, trace or SQL.
 */
@Component
@Order(Ordered.LOWEST_PRECEDENCE)
class ErrorCodes implements WebGraphQlInterceptor {

    static final String CODE = "code";
    private static final String INTERNAL = "The request failed on the server's side; it has been logged";

    @Override
    public Mono<WebGraphQlResponse> intercept(WebGraphQlRequest request, Chain chain) {
        return chain.next(request).map(response -> {
            List<GraphQLError> errors = response.getExecutionResult().getErrors();
            if (errors.stream().allMatch(ErrorCodes::hasCode)) {
                return response;
            }
            List<GraphQLError> coded = errors.stream().map(e -> hasCode(e) ? e : coded(e)).toList();
            return response.transform(builder -> builder.errors(coded));
        });
    }

    private static boolean hasCode(GraphQLError error) {
        return error.getExtensions() != null && error.getExtensions().get(CODE) instanceof String;
    }

    static GraphQLError coded(GraphQLError error) {
        Problem problem = problemOf(error.getErrorType());
        Map<String, Object> extensions = new LinkedHashMap<>();
        if (error.getExtensions() != null) {
            extensions.putAll(error.getExtensions());
        }
        extensions.put(CODE, problem.code());
        String message = problem == Problem.INTERNAL_ERROR ? INTERNAL : error.getMessage();
        return GraphqlErrorBuilder.newError().message(message).locations(error.getLocations()).path(error.getPath())
                .errorType(error.getErrorType()).extensions(extensions).build();
    }

    private static Problem problemOf(ErrorClassification type) {
        if (type == ErrorType.InvalidSyntax || type == ErrorType.OperationNotSupported) {
            return Problem.MALFORMED_REQUEST;
        }
        if (type == ErrorType.ValidationError || type == org.springframework.graphql.execution.ErrorType.BAD_REQUEST) {
            return Problem.VALIDATION_FAILED;
        }
        if (type == org.springframework.graphql.execution.ErrorType.UNAUTHORIZED) {
            return Problem.UNAUTHORIZED;
        }
        if (type == org.springframework.graphql.execution.ErrorType.FORBIDDEN) {
            return Problem.FORBIDDEN;
        }
        if (type == org.springframework.graphql.execution.ErrorType.NOT_FOUND) {
            return Problem.NOT_FOUND;
        }
        return Problem.INTERNAL_ERROR;
    }
}
