package io.inkwell.support.graphql;

import graphql.ErrorClassification;
import graphql.GraphQLError;
import graphql.GraphqlErrorBuilder;
import io.inkwell.support.web.Problem;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.graphql.execution.ErrorType;

/**
 * GraphQL errors in the vocabulary of the REST API: {@code extensions.code} is the problem code that REST
 * answers in the same case. Services build their resolvers' errors here, and every error that leaves without
 * a code (graphql-java's own: syntax, validation, disabled introspection) gets one from its classification.
 */
public final class GraphQlProblems {

    public static final String CODE = "code";

    private GraphQlProblems() {
    }

    /** An error builder with the problem's code and a classification Spring for GraphQL knows. */
    public static GraphqlErrorBuilder<?> error(Problem problem, String message) {
        return GraphqlErrorBuilder.newError().message(message).errorType(classification(problem))
                .extensions(Map.of(CODE, problem.code()));
    }

    /** The error as it is, if it has a code; otherwise the same error with the code its classification implies. */
    static GraphQLError withCode(GraphQLError error) {
        Map<String, Object> extensions = error.getExtensions() == null ? Map.of() : error.getExtensions();
        if (extensions.get(CODE) instanceof String) {
            return error;
        }
        Map<String, Object> coded = new LinkedHashMap<>(extensions);
        coded.put(CODE, codeFor(error.getErrorType()).code());
        return GraphqlErrorBuilder.newError().message(error.getMessage()).locations(error.getLocations())
                .path(error.getPath()).errorType(error.getErrorType()).extensions(coded).build();
    }

    static Problem codeFor(ErrorClassification classification) {
        if (classification == null) {
            return Problem.INTERNAL_ERROR;
        }
        return switch (classification.toString()) {
            case "InvalidSyntax" -> Problem.MALFORMED_REQUEST;
            case "ValidationError", "OperationNotSupported", "BAD_REQUEST" -> Problem.VALIDATION_FAILED;
            case "IntrospectionDisabled", "FORBIDDEN" -> Problem.FORBIDDEN;
            case "BadFaithIntrospection" -> Problem.QUERY_TOO_COSTLY;
            case "UNAUTHORIZED" -> Problem.UNAUTHORIZED;
            case "NOT_FOUND" -> Problem.NOT_FOUND;
            default -> Problem.INTERNAL_ERROR;
        };
    }

    private static ErrorClassification classification(Problem problem) {
        return switch (problem.status().value()) {
            case 400, 409, 412, 413, 422, 429 -> ErrorType.BAD_REQUEST;
            case 401 -> ErrorType.UNAUTHORIZED;
            case 403 -> ErrorType.FORBIDDEN;
            case 404 -> ErrorType.NOT_FOUND;
            default -> ErrorType.INTERNAL_ERROR;
        };
    }
}
