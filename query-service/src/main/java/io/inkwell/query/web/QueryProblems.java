package io.inkwell.query.web;

import io.inkwell.support.web.Problem;
import io.inkwell.support.web.ProblemDetailsHandler;
import java.util.List;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/** query-service's own failures as problem details; the rest is service-support's. */
@RestControllerAdvice
@Order(Ordered.HIGHEST_PRECEDENCE)
public class QueryProblems {

    @ExceptionHandler(NotFoundException.class)
    ResponseEntity<ProblemDetail> notFound(NotFoundException e) {
        return Problem.NOT_FOUND.response(e.getMessage());
    }

    @ExceptionHandler(NotCaughtUpException.class)
    ResponseEntity<ProblemDetail> notCaughtUp(NotCaughtUpException e) {
        return retryLater(Problem.NOT_CAUGHT_UP, "1", e.getMessage());
    }

    @ExceptionHandler(InvalidParameterException.class)
    ResponseEntity<ProblemDetail> invalidParameter(InvalidParameterException e) {
        ResponseEntity<ProblemDetail> answer = Problem.VALIDATION_FAILED.response("The request has invalid parameters");
        answer.getBody().setProperty("errors", List.of(new ProblemDetailsHandler.FieldProblem(e.parameter(), e.getMessage())));
        return answer;
    }

    /** A problem the client may retry, with how many seconds to wait first. */
    public static ResponseEntity<ProblemDetail> retryLater(Problem problem, String seconds, String detail) {
        return ResponseEntity.status(problem.status()).header(HttpHeaders.RETRY_AFTER, seconds).body(problem.detail(detail));
    }
}
