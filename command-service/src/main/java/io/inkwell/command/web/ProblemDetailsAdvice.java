package io.inkwell.command.web;

import io.inkwell.command.domain.Rejection;
import java.util.List;
import java.util.Map;
import org.axonframework.commandhandling.CommandExecutionException;
import org.axonframework.modelling.command.ConcurrencyException;
import org.axonframework.modelling.command.ConflictingAggregateVersionException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.validation.FieldError;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.method.annotation.HandlerMethodValidationException;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

/**
 * Every failure of command-service as an RFC 9457 problem: validation with per-field errors, refused
 * commands with their stable code, and never a stack trace, class name or SQL. Only a real fault of the
 * service itself is a 500.
 */
@RestControllerAdvice
class ProblemDetailsAdvice extends ResponseEntityExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(ProblemDetailsAdvice.class);

    private static final Map<Rejection.Kind, HttpStatus> STATUS = Map.of(
            Rejection.Kind.NOT_FOUND, HttpStatus.NOT_FOUND,
            Rejection.Kind.FORBIDDEN, HttpStatus.FORBIDDEN,
            Rejection.Kind.CONFLICT, HttpStatus.CONFLICT,
            Rejection.Kind.PRECONDITION_FAILED, HttpStatus.PRECONDITION_FAILED);

    record FieldProblem(String field, String message) {
    }

    @Override
    protected ResponseEntity<Object> handleMethodArgumentNotValid(MethodArgumentNotValidException e,
            HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        ProblemDetail problem = problem(HttpStatus.BAD_REQUEST, "validation-failed", "The request has invalid fields");
        List<FieldProblem> errors = e.getBindingResult().getFieldErrors().stream()
                .map(error -> new FieldProblem(fieldName(error), error.getDefaultMessage()))
                .toList();
        problem.setProperty("errors", errors);
        return ResponseEntity.badRequest().body(problem);
    }

    @Override
    protected ResponseEntity<Object> handleHandlerMethodValidationException(HandlerMethodValidationException e,
            HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        ProblemDetail problem = problem(HttpStatus.BAD_REQUEST, "validation-failed", "The request has invalid parameters");
        problem.setProperty("errors", e.getParameterValidationResults().stream()
                .flatMap(result -> result.getResolvableErrors().stream()
                        .map(error -> new FieldProblem(result.getMethodParameter().getParameterName(),
                                error.getDefaultMessage())))
                .toList());
        return ResponseEntity.badRequest().body(problem);
    }

    @Override
    protected ResponseEntity<Object> handleHttpMessageNotReadable(HttpMessageNotReadableException e,
            HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        if (rootCause(e) instanceof RequestSizeLimitFilter.RequestTooLargeException tooLarge) {
            return ResponseEntity.status(HttpStatus.CONTENT_TOO_LARGE)
                    .body(problem(HttpStatus.CONTENT_TOO_LARGE, "request-too-large", tooLarge.getMessage()));
        }
        return ResponseEntity.badRequest().body(problem(HttpStatus.BAD_REQUEST, "malformed-request",
                "The request body is not valid JSON of the expected shape"));
    }

    @Override
    protected ResponseEntity<Object> createResponseEntity(Object body, HttpHeaders headers, HttpStatusCode status,
            WebRequest request) {
        // Spring's own problems (405, 406, 415, ...) get our type URIs too.
        if (body instanceof ProblemDetail problem
                && (problem.getType() == null || problem.getType().toString().equals("about:blank"))) {
            problem.setType(ProblemTypes.uri("http-" + status.value()));
        }
        return super.createResponseEntity(body, headers, status, request);
    }

    @ExceptionHandler(Rejection.class)
    ResponseEntity<ProblemDetail> rejected(Rejection rejection) {
        return rejected(rejection.details());
    }

    @ExceptionHandler(CommandExecutionException.class)
    ResponseEntity<ProblemDetail> commandFailed(CommandExecutionException e) {
        return e.getDetails()
                .filter(Rejection.Details.class::isInstance)
                .map(details -> rejected((Rejection.Details) details))
                .orElseGet(() -> unexpected(e));
    }

    @ExceptionHandler(ConflictingAggregateVersionException.class)
    ResponseEntity<ProblemDetail> staleVersion(ConflictingAggregateVersionException e) {
        return ResponseEntity.status(HttpStatus.PRECONDITION_FAILED).body(problem(HttpStatus.PRECONDITION_FAILED,
                "version-mismatch", "If-Match names version " + (e.getExpectedVersion() + 1)
                        + " but the current version is " + (e.getActualVersion() + 1)));
    }

    @ExceptionHandler(ConcurrencyException.class)
    ResponseEntity<ProblemDetail> concurrentWrite(ConcurrencyException e, WebRequest request) {
        // Another write to the same aggregate committed first (on another node: on this one, the aggregate
        // lock turns the race into a version mismatch). Whoever named a version has lost that precondition.
        if (request.getHeader(HttpHeaders.IF_MATCH) != null) {
            return ResponseEntity.status(HttpStatus.PRECONDITION_FAILED).body(problem(HttpStatus.PRECONDITION_FAILED,
                    "version-mismatch", "Someone else changed this first; fetch it again and retry"));
        }
        return ResponseEntity.status(HttpStatus.CONFLICT).body(problem(HttpStatus.CONFLICT, "concurrent-modification",
                "Someone else changed this at the same moment; fetch it again and retry"));
    }

    @ExceptionHandler(Versions.PreconditionFailedException.class)
    ResponseEntity<ProblemDetail> preconditionFailed(Versions.PreconditionFailedException e) {
        return ResponseEntity.status(HttpStatus.PRECONDITION_FAILED)
                .body(problem(HttpStatus.PRECONDITION_FAILED, "version-mismatch", e.getMessage()));
    }

    @ExceptionHandler(IdempotentCreation.IdempotencyKeyException.class)
    ResponseEntity<ProblemDetail> idempotencyKey(IdempotentCreation.IdempotencyKeyException e) {
        return ResponseEntity.status(e.status()).body(problem(e.status(), e.code(), e.getMessage()));
    }

    @ExceptionHandler(Exception.class)
    ResponseEntity<ProblemDetail> unexpected(Exception e) {
        log.error("Unexpected failure", e);
        return ResponseEntity.internalServerError().body(problem(HttpStatus.INTERNAL_SERVER_ERROR, "internal-error",
                "Something went wrong on our side; nothing was changed. Retrying later may help."));
    }

    private static ResponseEntity<ProblemDetail> rejected(Rejection.Details details) {
        HttpStatus status = STATUS.get(details.kind());
        return ResponseEntity.status(status).body(problem(status, details.code(), details.message()));
    }

    private static ProblemDetail problem(HttpStatus status, String code, String detail) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
        problem.setType(ProblemTypes.uri(code));
        return problem;
    }

    private static String fieldName(FieldError error) {
        // "tags[3]" for an element of a list, as clients wrote it.
        return error.getField().replace(".<list element>", "");
    }

    private static Throwable rootCause(Throwable e) {
        Throwable cause = e;
        while (cause.getCause() != null && cause.getCause() != cause) {
            cause = cause.getCause();
        }
        return cause;
    }
}
