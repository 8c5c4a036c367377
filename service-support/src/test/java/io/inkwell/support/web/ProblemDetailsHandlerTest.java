package io.inkwell.support.web;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.web.HttpMediaTypeNotAcceptableException;
import org.springframework.web.HttpMediaTypeNotSupportedException;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.context.request.ServletWebRequest;
import org.springframework.web.multipart.MultipartException;
import org.springframework.web.servlet.resource.NoResourceFoundException;
import org.springframework.http.HttpMethod;

/** Spring MVC's own failures come out as problems of the catalogue, with type and status in agreement. */
class ProblemDetailsHandlerTest {

    private final ProblemDetailsHandler handler = new ProblemDetailsHandler();
    private final ServletWebRequest request = new ServletWebRequest(new MockHttpServletRequest());

    @Test
    void namesAMissingParameter() throws Exception {
        ProblemDetail problem = problem(handler.handleException(
                new MissingServletRequestParameterException("page", "int"), request));
        assertThat(problem.getType().toString()).endsWith("/validation-failed");
        assertThat(problem.getProperties().get("errors").toString()).contains("page");
    }

    @Test
    void answersSpringsOwnStatusesWithTheCataloguesTypes() throws Exception {
        assertThat(problem(handler.handleException(new HttpMediaTypeNotSupportedException("nope"), request)).getType())
                .isEqualTo(Problem.UNSUPPORTED_MEDIA_TYPE.type());
        assertThat(problem(handler.handleException(new HttpMediaTypeNotAcceptableException("nope"), request)).getType())
                .isEqualTo(Problem.NOT_ACCEPTABLE.type());
        ProblemDetail notFound = problem(handler.handleException(new NoResourceFoundException(HttpMethod.GET, "/x", "x"), request));
        assertThat(notFound.getType()).isEqualTo(Problem.NOT_FOUND.type());
        assertThat(notFound.getStatus()).isEqualTo(404);
        assertThat(notFound.getTitle()).isEqualTo(Problem.NOT_FOUND.title());
    }

    @Test
    void treatsAMultipartBodyAsTheWrongMediaType() {
        ResponseEntity<ProblemDetail> answer = handler.multipart(new MultipartException("no boundary"));
        assertThat(answer.getStatusCode()).isEqualTo(HttpStatus.UNSUPPORTED_MEDIA_TYPE);
        assertThat(answer.getBody().getType()).isEqualTo(Problem.UNSUPPORTED_MEDIA_TYPE.type());
    }

    @Test
    void nobodyLearnsWhatFailedInside() {
        ResponseEntity<ProblemDetail> answer = handler.unexpected(new IllegalStateException("SELECT secret FROM x"));
        assertThat(answer.getStatusCode()).isEqualTo(HttpStatus.INTERNAL_SERVER_ERROR);
        assertThat(answer.getBody().getDetail()).doesNotContain("SELECT");
    }

    private static ProblemDetail problem(ResponseEntity<Object> answer) {
        assertThat(answer).isNotNull();
        ProblemDetail problem = (ProblemDetail) answer.getBody();
        assertThat(problem.getStatus()).isEqualTo(answer.getStatusCode().value());
        return problem;
    }
}
