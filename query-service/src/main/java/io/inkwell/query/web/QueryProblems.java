package io.inkwell.query.web;

import static io.inkwell.support.web.ProblemTypes.response;

import io.inkwell.query.search.SearchUnavailableException;
import io.inkwell.support.web.ProblemDetailsHandler;
import java.util.List;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/** query-service's own failures as problem details; the rest is service-support's. */
@RestControllerAdvice
@Order(Ordered.HIGHEST_PRECEDENCE)
class QueryProblems {

    @ExceptionHandler(NotFoundException.class)
    ResponseEntity<ProblemDetail> notFound(NotFoundException e) {
        return response(HttpStatus.NOT_FOUND, "not-found", e.getMessage());
    }

    @ExceptionHandler(NotCaughtUpException.class)
    ResponseEntity<ProblemDetail> notCaughtUp(NotCaughtUpException e) {
        return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE).header(HttpHeaders.RETRY_AFTER, "1")
                .body(response(HttpStatus.SERVICE_UNAVAILABLE, "not-caught-up", e.getMessage()).getBody());
    }

    @ExceptionHandler(SearchUnavailableException.class)
    ResponseEntity<ProblemDetail> searchUnavailable(SearchUnavailableException e) {
        return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE).header(HttpHeaders.RETRY_AFTER, "5")
                .body(response(HttpStatus.SERVICE_UNAVAILABLE, "search-unavailable", e.getMessage()).getBody());
    }

    @ExceptionHandler(InvalidParameterException.class)
    ResponseEntity<ProblemDetail> invalidParameter(InvalidParameterException e) {
        ResponseEntity<ProblemDetail> answer = response(HttpStatus.BAD_REQUEST, "validation-failed",
                "The request has invalid parameters");
        answer.getBody().setProperty("errors", List.of(new ProblemDetailsHandler.FieldProblem(e.parameter(), e.getMessage())));
        return answer;
    }
}
