package io.inkwell.command.web;

import graphql.GraphQLError;
import graphql.GraphqlErrorBuilder;
import graphql.schema.DataFetchingEnvironment;
import io.inkwell.command.domain.Rejection;
import io.inkwell.support.graphql.GraphQlProblems;
import io.inkwell.support.web.DatabaseUnavailableResolver;
import io.inkwell.support.web.Problem;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import org.axonframework.commandhandling.CommandExecutionException;
import org.axonframework.modelling.command.ConcurrencyException;
import org.axonframework.modelling.command.ConflictingAggregateVersionException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.graphql.execution.DataFetcherExceptionResolverAdapter;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.stereotype.Component;

/**
 * Failed mutations as GraphQL errors whose {@code extensions.code} is the problem code that REST answers in
 * the same case (see {@code ProblemDetailsAdvice}); anything unforeseen is logged and answers only
 * {@code internal-error}, never a class name, stack trace or SQL.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE)
class GraphQlErrors extends DataFetcherExceptionResolverAdapter {

    private static final Logger log = LoggerFactory.getLogger(GraphQlErrors.class);
    private static final String EXPECTED_VERSION = "expectedVersion";

    @Override
    protected GraphQLError resolveToSingleError(Throwable e, DataFetchingEnvironment environment) {
        return error(e, environment).path(environment.getExecutionStepInfo().getPath())
                .location(environment.getField().getSourceLocation()).build();
    }

    private static GraphqlErrorBuilder<?> error(Throwable e, DataFetchingEnvironment environment) {
        return switch (e) {
            case Rejection rejection -> rejected(rejection.details());
            case CommandExecutionException failed when failed.getDetails().orElse(null) instanceof Rejection.Details details ->
                    rejected(details);
            case ConflictingAggregateVersionException stale -> GraphQlProblems.error(Problem.VERSION_MISMATCH,
                    "expectedVersion is " + (stale.getExpectedVersion() + 1) + " but the current version is "
                            + (stale.getActualVersion() + 1));
            // Another node's write committed first; whoever named a version has lost that precondition.
            case ConcurrencyException concurrent when environment.getArgument(EXPECTED_VERSION) != null ->
                    GraphQlProblems.error(Problem.VERSION_MISMATCH, "Someone else changed this first; fetch it again and retry");
            case ConcurrencyException concurrent -> GraphQlProblems.error(Problem.CONCURRENT_MODIFICATION,
                    "Someone else changed this at the same moment; fetch it again and retry");
            case Versions.PreconditionFailedException precondition ->
                    GraphQlProblems.error(Problem.VERSION_MISMATCH, precondition.getMessage());
            case IdempotentCreation.IdempotencyKeyException key -> GraphQlProblems.error(key.problem(), key.getMessage());
            case ConstraintViolationException invalid -> invalid(invalid);
            case AccessDeniedException denied -> GraphQlProblems.error(Problem.FORBIDDEN, denied.getMessage());
            case AuthenticationException unauthenticated -> GraphQlProblems.error(Problem.UNAUTHORIZED, "Authentication needed");
            default -> unforeseen(e);
        };
    }

    private static GraphqlErrorBuilder<?> rejected(Rejection.Details details) {
        return Problem.ofCode(details.code()).<GraphqlErrorBuilder<?>>map(problem -> GraphQlProblems.error(problem, details.message()))
                .orElseGet(() -> {
                    // RejectionCodesTest keeps this from happening; should it still, the client is not to blame.
                    log.error("Rejection with a code missing from the catalogue: {} ({})", details.code(), details.message());
                    return internalError();
                });
    }

    /** The same {@code errors: [{field, message}]} as REST's problem, with the same field names. */
    private static GraphqlErrorBuilder<?> invalid(ConstraintViolationException invalid) {
        List<Map<String, String>> errors = invalid.getConstraintViolations().stream()
                .sorted(Comparator.comparing((ConstraintViolation<?> violation) -> violation.getPropertyPath().toString()))
                .map(violation -> Map.of("field", violation.getPropertyPath().toString().replace(".<list element>", ""),
                        "message", violation.getMessage()))
                .toList();
        return GraphQlProblems.error(Problem.VALIDATION_FAILED, "The input has invalid fields")
                .extensions(Map.of(GraphQlProblems.CODE, Problem.VALIDATION_FAILED.code(), "errors", errors));
    }

    private static GraphqlErrorBuilder<?> unforeseen(Throwable e) {
        if (DatabaseUnavailableResolver.unavailableCause(e) != null) {
            log.warn("GraphQL mutation: database unavailable ({})", e.toString());
            return GraphQlProblems.error(Problem.SERVICE_UNAVAILABLE, "The database cannot be reached just now; retry later. "
                    + "A write answered this way may or may not have been applied: retry a create with the same idempotencyKey.");
        }
        log.error("GraphQL mutation failed unexpectedly", e);
        return internalError();
    }

    private static GraphqlErrorBuilder<?> internalError() {
        return GraphQlProblems.error(Problem.INTERNAL_ERROR,
                "Something went wrong on our side; nothing was changed. Retrying later may help.");
    }
}
