package io.inkwell.support.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.Method;
import java.util.List;
import org.apache.tomcat.util.http.InvalidParameterException;
import org.junit.jupiter.api.Test;
import org.springframework.beans.TypeMismatchException;
import org.springframework.core.MethodParameter;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.mock.http.MockHttpInputMessage;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.security.web.firewall.RequestRejectedException;
import org.springframework.validation.BeanPropertyBindingResult;
import org.springframework.validation.FieldError;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.MissingRequestCookieException;
import org.springframework.web.bind.MissingRequestHeaderException;
import org.springframework.web.context.request.ServletWebRequest;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;

/** Which failure becomes which problem of the catalogue, and what the client learns from it. */
class ProblemMappingTest {

    private final ProblemDetailsHandler handler = new ProblemDetailsHandler();
    private final ServletWebRequest request = new ServletWebRequest(new MockHttpServletRequest());

    @Test
    void namesEveryInvalidFieldAsTheClientWroteIt() throws Exception {
        BeanPropertyBindingResult result = new BeanPropertyBindingResult(new Object(), "request");
        result.addError(new FieldError("request", "title", "must not be blank"));
        result.addError(new FieldError("request", "tags[3].<list element>", "must be at most 50 characters"));
        MethodParameter parameter = new MethodParameter(Fixture.method(), 0);

        ProblemDetail problem = problem(handler.handleException(new MethodArgumentNotValidException(parameter, result), request),
                Problem.VALIDATION_FAILED);

        assertThat(problem.getDetail()).isEqualTo("The request has invalid fields");
        assertThat(problem.getProperties().get("errors")).isEqualTo(List.of(
                new ProblemDetailsHandler.FieldProblem("title", "must not be blank"),
                new ProblemDetailsHandler.FieldProblem("tags[3]", "must be at most 50 characters")));
    }

    @Test
    void namesAParameterOfTheWrongTypeWithTheValueItGot() throws Exception {
        MethodArgumentTypeMismatchException mismatch = new MethodArgumentTypeMismatchException("ten", Integer.class,
                "size", new MethodParameter(Fixture.method(), 0), new NumberFormatException());

        ProblemDetail problem = problem(handler.handleException(mismatch, request), Problem.VALIDATION_FAILED);

        assertThat(problem.getProperties().get("errors"))
                .isEqualTo(List.of(new ProblemDetailsHandler.FieldProblem("size", "cannot be read from 'ten'")));
    }

    @Test
    void namesAPropertyOfTheWrongTypeOutsideAControllerMethod() throws Exception {
        TypeMismatchException mismatch = new TypeMismatchException(
                new java.beans.PropertyChangeEvent(this, "page", null, "x"), Integer.class);

        ProblemDetail problem = problem(handler.handleException(mismatch, request), Problem.VALIDATION_FAILED);

        assertThat(problem.getProperties().get("errors"))
                .isEqualTo(List.of(new ProblemDetailsHandler.FieldProblem("page", "cannot be read from 'x'")));
    }

    @Test
    void namesAMissingHeaderButNotAMissingCookie() throws Exception {
        MethodParameter parameter = new MethodParameter(Fixture.method(), 0);

        ProblemDetail header = problem(handler.handleException(new MissingRequestHeaderException("If-Match", parameter), request),
                Problem.VALIDATION_FAILED);
        ProblemDetail cookie = problem(handler.handleException(new MissingRequestCookieException("session", parameter), request),
                Problem.MALFORMED_REQUEST);

        assertThat(header.getDetail()).isEqualTo("The request has invalid headers");
        assertThat(header.getProperties().get("errors"))
                .isEqualTo(List.of(new ProblemDetailsHandler.FieldProblem("If-Match", "is required")));
        assertThat(cookie.getProperties()).isNullOrEmpty();
    }

    @Test
    void tellsABodyThatGrewTooLargeFromOneThatIsNoJson() throws Exception {
        HttpMessageNotReadableException tooLarge = new HttpMessageNotReadableException("cannot read",
                new IllegalStateException(new RequestSizeLimitFilter.RequestTooLargeException(1024)), new MockHttpInputMessage(new byte[0]));
        HttpMessageNotReadableException notJson = new HttpMessageNotReadableException("cannot read",
                new IllegalStateException("unexpected token"), new MockHttpInputMessage(new byte[0]));

        assertThat(problem(handler.handleException(tooLarge, request), Problem.REQUEST_TOO_LARGE).getDetail())
                .isEqualTo("The request body may have at most 1024 bytes");
        assertThat(problem(handler.handleException(notJson, request), Problem.MALFORMED_REQUEST).getDetail())
                .isEqualTo("The request body is not valid JSON of the expected shape");
    }

    @Test
    void answersRefusalsOfTheFirewallAndOfTomcatAsMalformedRequests() {
        assertMalformed(handler.rejected(new RequestRejectedException("header")));
        assertMalformed(handler.unreadableParameters(new InvalidParameterException("too many")));
    }

    @Test
    void keepsAProblemThatAlreadyHasItsTypeAndGivesSpringsUntitledOnesTheCataloguesTitle() throws Exception {
        ProblemDetail typed = Problem.SLUG_TAKEN.detail("taken");
        ResponseEntity<Object> kept = handler.handleException(
                new org.springframework.web.ErrorResponseException(HttpStatus.CONFLICT, typed, null), request);
        ResponseEntity<Object> untitled = handler.handleException(
                new org.springframework.web.ErrorResponseException(HttpStatus.CONFLICT), request);

        assertThat(kept.getBody()).isSameAs(typed);
        assertThat(kept.getStatusCode()).isEqualTo(HttpStatus.CONFLICT);
        // A 409 that Spring raised without a problem of its own: the catalogue has none, so it is the client's.
        assertThat(problem(untitled, Problem.MALFORMED_REQUEST).getDetail()).isEqualTo(Problem.MALFORMED_REQUEST.title());
    }

    @Test
    void writesTheInstanceAndExtensionMembersAfterTheStandardOnes() {
        ProblemDetail problem = Problem.NOT_FOUND.detail("No post p-1");
        problem.setInstance(java.net.URI.create("/api/v1/posts/p-1"));
        problem.setProperty("id", "p-1");

        assertThat(new String(Problem.json(problem), java.nio.charset.StandardCharsets.UTF_8)).isEqualTo(
                "{\"type\":\"https://inkwell.example/problems/not-found\",\"title\":\"Not found\",\"status\":404,"
                        + "\"detail\":\"No post p-1\",\"instance\":\"/api/v1/posts/p-1\",\"id\":\"p-1\"}");
    }

    @Test
    void writesTheSameValidationProblemFromAFilter() throws Exception {
        MockHttpServletResponse response = new MockHttpServletResponse();

        ProblemDetailsHandler.invalidParameters(List.of(new ProblemDetailsHandler.FieldProblem("q", "is not clean text")), response);

        assertThat(response.getStatus()).isEqualTo(400);
        assertThat(response.getContentType()).isEqualTo("application/problem+json");
        assertThat(response.getContentAsString()).contains("/validation-failed", "\"field\":\"q\"", "is not clean text");
    }

    private static void assertMalformed(ResponseEntity<ProblemDetail> answer) {
        assertThat(answer.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(answer.getBody().getType()).isEqualTo(Problem.MALFORMED_REQUEST.type());
    }

    private static ProblemDetail problem(ResponseEntity<Object> answer, Problem expected) {
        assertThat(answer).isNotNull();
        assertThat(answer.getStatusCode().value()).isEqualTo(expected.status().value());
        ProblemDetail problem = (ProblemDetail) answer.getBody();
        assertThat(problem.getType()).isEqualTo(expected.type());
        assertThat(problem.getTitle()).isEqualTo(expected.title());
        assertThat(problem.getStatus()).isEqualTo(expected.status().value());
        return problem;
    }

    static final class Fixture {
        @SuppressWarnings("unused")
        void handle(String value) {
        }

        static Method method() throws NoSuchMethodException {
            return Fixture.class.getDeclaredMethod("handle", String.class);
        }
    }
}
