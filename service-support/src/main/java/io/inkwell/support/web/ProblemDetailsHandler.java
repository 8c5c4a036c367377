package io.inkwell.support.web;

import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.List;
import org.apache.tomcat.util.http.InvalidParameterException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.TypeMismatchException;
import org.springframework.core.MethodParameter;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.security.web.firewall.RequestRejectedException;
import org.springframework.validation.FieldError;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.MissingRequestHeaderException;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.ServletRequestBindingException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.method.annotation.HandlerMethodValidationException;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.multipart.MultipartException;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

/**
 * Every failure that no service-specific handler claims, as an RFC 9457 problem from the catalogue:
 * validation with per-field errors, unreadable bodies, Spring's own HTTP errors, and never a stack trace,
 * class name or SQL. Only a real fault of the service itself is a 500. Services add handlers of higher
 * precedence.
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
    protected ResponseEntity<Object> handleMissingServletRequestParameter(MissingServletRequestParameterException e,
            HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        return invalid("The request has invalid parameters",
                List.of(new FieldProblem(e.getParameterName(), "is required")));
    }

    @Override
    protected ResponseEntity<Object> handleServletRequestBindingException(ServletRequestBindingException e,
            HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        if (e instanceof MissingRequestHeaderException missing) {
            return invalid("The request has invalid headers", List.of(new FieldProblem(missing.getHeaderName(), "is required")));
        }
        return malformed("The request cannot be read: a header, cookie or parameter it needs is missing or invalid");
    }

    @Override
    protected ResponseEntity<Object> handleHttpMessageNotReadable(HttpMessageNotReadableException e,
            HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        if (rootCause(e) instanceof RequestSizeLimitFilter.RequestTooLargeException tooLarge) {
            return ResponseEntity.status(Problem.REQUEST_TOO_LARGE.status())
                    .body(Problem.REQUEST_TOO_LARGE.detail(tooLarge.getMessage()));
        }
        return malformed("The request body is not valid JSON of the expected shape");
    }

    @Override
    protected ResponseEntity<Object> createResponseEntity(Object body, HttpHeaders headers, HttpStatusCode status,
            WebRequest request) {
        // Spring's own problems (404, 405, 406, 415, ...) get the catalogue's type, title and status too.
        if (body instanceof ProblemDetail problem
                && (problem.getType() == null || problem.getType().toString().equals("about:blank"))) {
            Problem known = Problem.forStatus(status.value());
            ProblemDetail typed = known.detail(problem.getDetail() == null ? known.title() : problem.getDetail());
            return super.createResponseEntity(typed, headers, known.status(), request);
        }
        return super.createResponseEntity(body, headers, status, request);
    }

    /**
     * A multipart body where the service takes none (a missing boundary, say): not what the endpoint
     * reads. Only reached if multipart parsing is switched on; the services switch it off.
     */
    @ExceptionHandler(MultipartException.class)
    ResponseEntity<ProblemDetail> multipart(MultipartException e) {
        return Problem.UNSUPPORTED_MEDIA_TYPE.response("This endpoint reads JSON, not multipart bodies");
    }

    /** Spring Security's firewall judges headers only when they are read, which may be in a controller. */
    @ExceptionHandler(RequestRejectedException.class)
    ResponseEntity<ProblemDetail> rejected(RequestRejectedException e) {
        return Problem.MALFORMED_REQUEST.response("The request has a header, path or parameter that is not allowed");
    }

    /** Tomcat refusing the parameters once something reads them (too many of them, say). */
    @ExceptionHandler(InvalidParameterException.class)
    ResponseEntity<ProblemDetail> unreadableParameters(InvalidParameterException e) {
        return Problem.MALFORMED_REQUEST.response("The query string or form parameters cannot be read");
    }

    @ExceptionHandler(Exception.class)
    ResponseEntity<ProblemDetail> unexpected(Exception e) {
        log.error("Unexpected failure", e);
        return Problem.INTERNAL_ERROR.response(
                "Something went wrong on our side; nothing was changed. Retrying later may help.");
    }

    /** The same answer as {@link #invalid} for filters, which run before Spring MVC. */
    public static void invalidParameters(List<FieldProblem> errors, HttpServletResponse response) throws IOException {
        Problem.write(response, validationFailed("The request has invalid parameters", errors));
    }

    private static ResponseEntity<Object> invalid(String detail, List<FieldProblem> errors) {
        return ResponseEntity.status(Problem.VALIDATION_FAILED.status()).body(validationFailed(detail, errors));
    }

    private static ProblemDetail validationFailed(String detail, List<FieldProblem> errors) {
        ProblemDetail problem = Problem.VALIDATION_FAILED.detail(detail);
        problem.setProperty("errors", errors);
        return problem;
    }

    private static ResponseEntity<Object> malformed(String detail) {
        return ResponseEntity.status(Problem.MALFORMED_REQUEST.status()).body(Problem.MALFORMED_REQUEST.detail(detail));
    }

    private static String parameterName(MethodParameter parameter) {
        RequestParam requestParam = parameter.getParameterAnnotation(RequestParam.class);
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
