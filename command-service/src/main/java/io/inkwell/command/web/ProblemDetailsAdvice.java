package io.inkwell.command.web;

import io.inkwell.command.domain.Rejection;
import io.inkwell.support.web.Problem;
import org.axonframework.commandhandling.CommandExecutionException;
import org.axonframework.modelling.command.ConcurrencyException;
import org.axonframework.modelling.command.ConflictingAggregateVersionException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;

/**
 * Refused commands as problem details with their stable code. Everything else (validation, unreadable
 * bodies, HTTP errors) is answered by service-support's {@code ProblemDetailsHandler}.
 */
@RestControllerAdvice
@Order(Ordered.HIGHEST_PRECEDENCE)
class ProblemDetailsAdvice {

    private static final Logger log = LoggerFactory.getLogger(ProblemDetailsAdvice.class);

    @ExceptionHandler(Rejection.class)
    ResponseEntity<ProblemDetail> rejected(Rejection rejection) {
        return rejected(rejection.details());
    }

    @ExceptionHandler(CommandExecutionException.class)
    ResponseEntity<ProblemDetail> commandFailed(CommandExecutionException e) {
        return e.getDetails()
                .filter(Rejection.Details.class::isInstance)
                .map(details -> rejected((Rejection.Details) details))
                .orElseGet(() -> {
                    log.error("Command failed unexpectedly", e);
                    return internalError();
                });
    }

    @ExceptionHandler(ConflictingAggregateVersionException.class)
    ResponseEntity<ProblemDetail> staleVersion(ConflictingAggregateVersionException e) {
        return Problem.VERSION_MISMATCH.response("If-Match names version "
                + (e.getExpectedVersion() + 1) + " but the current version is " + (e.getActualVersion() + 1));
    }

    @ExceptionHandler(ConcurrencyException.class)
    ResponseEntity<ProblemDetail> concurrentWrite(ConcurrencyException e, WebRequest request) {
        // Another write to the same aggregate committed first (on another node: on this one, the aggregate
        // lock turns the race into a version mismatch). Whoever named a version has lost that precondition.
        if (request.getHeader(HttpHeaders.IF_MATCH) != null) {
            return Problem.VERSION_MISMATCH.response(
                    "Someone else changed this first; fetch it again and retry");
        }
        return Problem.CONCURRENT_MODIFICATION.response(
                "Someone else changed this at the same moment; fetch it again and retry");
    }

    @ExceptionHandler(Versions.PreconditionFailedException.class)
    ResponseEntity<ProblemDetail> preconditionFailed(Versions.PreconditionFailedException e) {
        return Problem.VERSION_MISMATCH.response(e.getMessage());
    }

    @ExceptionHandler(IdempotentCreation.IdempotencyKeyException.class)
    ResponseEntity<ProblemDetail> idempotencyKey(IdempotentCreation.IdempotencyKeyException e) {
        return e.problem().response(e.getMessage());
    }

    private static ResponseEntity<ProblemDetail> rejected(Rejection.Details details) {
        return Problem.ofCode(details.code()).map(problem -> problem.response(details.message())).orElseGet(() -> {
            // RejectionCodesTest keeps this from happening; should it still, the client is not to blame.
            log.error("Rejection with a code missing from the catalogue: {} ({})", details.code(), details.message());
            return internalError();
        });
    }

    private static ResponseEntity<ProblemDetail> internalError() {
        return Problem.INTERNAL_ERROR.response(
                "Something went wrong on our side; nothing was changed. Retrying later may help.");
    }
}
