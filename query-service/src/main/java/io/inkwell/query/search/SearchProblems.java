package io.inkwell.query.search;

import io.inkwell.query.web.QueryProblems;
import io.inkwell.support.web.Problem;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/** Search's own failure: Elasticsearch out of reach is a 503 the client may retry, not an error of the service. */
@RestControllerAdvice
@Order(Ordered.HIGHEST_PRECEDENCE)
class SearchProblems {

    @ExceptionHandler(SearchUnavailableException.class)
    ResponseEntity<ProblemDetail> searchUnavailable(SearchUnavailableException e) {
        return QueryProblems.retryLater(Problem.SEARCH_UNAVAILABLE, "5", e.getMessage());
    }
}
