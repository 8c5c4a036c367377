package io.inkwell.support.web;

import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.TypeMismatchException;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
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
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

/**
 * Every failure that no service-specific handler claims, as an RFC 9457 problem: validation with
 * per-field errors, unreadable bodies, Spring's own HTTP errors, and never a stack trace, class name or
 * SQL. Only a real fault of the service itself is a 500. Services add handlers of higher precedence.
 */
@RestControllerAdvice
@Order(Ordered.LOWEST_PRECEDENCE)
public class ProblemDetailsHandler extends ResponseEntityExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(ProblemDetailsHandler.class);

    /** One entry of {@code errors}: which field or parameter, and what is wrong with it. */
    public record FieldProblem(String field, String message) {
    }

    @Override
    protected ResponseEntity<Object> handleMethodArgumentNotValid(MethodArgumentNotValidException e,
            HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        return invalid("The request has invalid fields", e.getBindingResult().getFieldErrors().stream()
                .map(error -> new FieldProblem(fieldName(error), error.getDefaultMessage()))
                .toList());
    }

    @Override
    protected ResponseEntity<Object> handleHandlerMethodValidationException(HandlerMethodValidationException e,
            HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        return invalid("The request has invalid parameters", e.getParameterValidationResults().stream()
                .flatMap(result -> result.getResolvableErrors().stream()
                        .map(error -> new FieldProblem(parameterName(result.getMethodParameter()), error.getDefaultMessage())))
                .toList());
    }

    @Override
    protected ResponseEntity<Object> handleTypeMismatch(TypeMismatchException e, HttpHeaders headers,
            HttpStatusCode status, WebRequest request) {
        String name = e instanceof MethodArgumentTypeMismatchException mismatch ? mismatch.getName() : e.getPropertyName();
        return invalid("The request has invalid parameters",
                List.of(new FieldProblem(name, "cannot be read from '" + e.getValue() + "'")));
    }

    @Override
    protected ResponseEntity<Object> handleHttpMessageNotReadable(HttpMessageNotReadableException e,
            HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        if (rootCause(e) instanceof RequestSizeLimitFilter.RequestTooLargeException tooLarge) {
            return ResponseEntity.status(HttpStatus.CONTENT_TOO_LARGE)
                    .body(ProblemTypes.problem(HttpStatus.CONTENT_TOO_LARGE, "request-too-large", tooLarge.getMessage()));
        }
        return ResponseEntity.badRequest().body(ProblemTypes.problem(HttpStatus.BAD_REQUEST, "malformed-request",
                "The request body is not valid JSON of the expected shape"));
    }

    @Override
    protected ResponseEntity<Object> createResponseEntity(Object body, HttpHeaders headers, HttpStatusCode status,
            WebRequest request) {
        // Spring's own problems (404, 405, 406, 415, ...) get our type URIs too.
        if (body instanceof ProblemDetail problem
                && (problem.getType() == null || problem.getType().toString().equals("about:blank"))) {
            problem.setType(ProblemTypes.uri("http-" + status.value()));
        }
        return super.createResponseEntity(body, headers, status, request);
    }

    @ExceptionHandler(Exception.class)
    ResponseEntity<ProblemDetail> unexpected(Exception e) {
        log.error("Unexpected failure", e);
        return ProblemTypes.response(HttpStatus.INTERNAL_SERVER_ERROR, "internal-error",
                "Something went wrong on our side; nothing was changed. Retrying later may help.");
    }

    private static ResponseEntity<Object> invalid(String detail, List<FieldProblem> errors) {
        ProblemDetail problem = ProblemTypes.problem(HttpStatus.BAD_REQUEST, "validation-failed", detail);
        problem.setProperty("errors", errors);
        return ResponseEntity.badRequest().body(problem);
    }

    private static String parameterName(org.springframework.core.MethodParameter parameter) {
        var requestParam = parameter.getParameterAnnotation(org.springframework.web.bind.annotation.RequestParam.class);
        if (requestParam != null && !requestParam.name().isEmpty()) {
            return requestParam.name();
        }
        return parameter.getParameterName();
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
