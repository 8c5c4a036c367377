package io.inkwell.query.graphql;

import graphql.GraphQLError;
import graphql.GraphqlErrorBuilder;
import graphql.schema.DataFetchingEnvironment;
import io.inkwell.query.web.InvalidParameterException;
import io.inkwell.query.web.NotCaughtUpException;
import io.inkwell.query.web.NotFoundException;
import io.inkwell.support.web.Problem;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.CompletionException;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.graphql.execution.DataFetcherExceptionResolverAdapter;
import org.springframework.graphql.execution.ErrorType;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.stereotype.Component;

/**
 * query-service's failures as GraphQL errors, the twin of {@code QueryProblems}: the message is the problem's
 * detail and {@code extensions.code} its code, so that a client handles REST and GraphQL refusals alike. What
 * no resolver knows becomes {@code internal-error} without details ({@link ErrorCodes}).
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE)
public class GraphQlErrors extends DataFetcherExceptionResolverAdapter {

    @Override
    protected GraphQLError resolveToSingleError(Throwable thrown, DataFetchingEnvironment env) {
        Throwable e = thrown instanceof CompletionException && thrown.getCause() != null ? thrown.getCause() : thrown;
        return switch (e) {
            case NotFoundException notFound -> error(env, Problem.NOT_FOUND, notFound.getMessage(), Map.of());
            case NotCaughtUpException notCaughtUp -> error(env, Problem.NOT_CAUGHT_UP, notCaughtUp.getMessage(),
                    Map.of("retryAfter", 1));
            case InvalidParameterException invalid -> error(env, Problem.VALIDATION_FAILED,
                    invalid.parameter() + ": " + invalid.getMessage(), Map.of("parameter", invalid.parameter()));
            case AuthenticationException unauthenticated -> error(env, Problem.UNAUTHORIZED, "A valid token is needed", Map.of());
            case AccessDeniedException denied -> error(env, Problem.FORBIDDEN, denied.getMessage(), Map.of());
            default -> null;
        };
    }

    /** An error with the problem's code and GraphQL classification, for resolvers of other packages too. */
    public static GraphQLError error(DataFetchingEnvironment env, Problem problem, String message, Map<String, Object> more) {
        Map<String, Object> extensions = new LinkedHashMap<>();
        extensions.put(ErrorCodes.CODE, problem.code());
        extensions.putAll(more);
        return GraphqlErrorBuilder.newError(env).errorType(classification(problem)).message(message)
                .extensions(extensions).build();
    }

    private static ErrorType classification(Problem problem) {
        return switch (problem.status().value()) {
            case 400 -> ErrorType.BAD_REQUEST;
            case 401 -> ErrorType.UNAUTHORIZED;
            case 403 -> ErrorType.FORBIDDEN;
            case 404 -> ErrorType.NOT_FOUND;
            default -> ErrorType.INTERNAL_ERROR;
        };
    }
}
