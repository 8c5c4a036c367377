package io.inkwell.support.web;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.servlet.RequestDispatcher;
import org.apache.tomcat.util.http.InvalidParameterException;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.security.web.firewall.RequestRejectedException;

/** What the container's error page answers: always a problem whose type and status agree, never internals. */
class ProblemErrorControllerTest {

    private final ProblemErrorController controller = new ProblemErrorController();

    @Test
    void answersTheStatusTheContainerChoseAsItsProblem() throws Exception {
        MockHttpServletResponse response = error(404, null);

        assertThat(response.getStatus()).isEqualTo(404);
        assertThat(response.getContentAsString()).contains("/not-found", "\"detail\":\"Not found\"");
    }

    @Test
    void takesTheResponsesStatusWhenTheRequestNamesNone() throws Exception {
        MockHttpServletRequest request = new MockHttpServletRequest("GET", "/error");
        MockHttpServletResponse response = new MockHttpServletResponse();
        response.setStatus(415);

        controller.error(request, response);

        assertThat(response.getStatus()).isEqualTo(415);
        assertThat(response.getContentAsString()).contains("/http-415");
    }

    @Test
    void answersARejectedRequestAsMalformedWhateverStatusItHad() throws Exception {
        assertThat(error(500, new RequestRejectedException("bad header")).getStatus()).isEqualTo(400);
        assertThat(error(500, new InvalidParameterException("too many")).getContentAsString()).contains("/malformed-request");
    }

    @Test
    void hidesWhatFailedInsideBehindAnInternalError() throws Exception {
        MockHttpServletResponse response = error(500, new IllegalStateException("SELECT secret FROM users"));

        assertThat(response.getStatus()).isEqualTo(500);
        assertThat(response.getContentAsString()).contains("/internal-error", "nothing was changed").doesNotContain("SELECT");
    }

    @Test
    void leavesAnAnswerAlreadyOnItsWayAlone() throws Exception {
        MockHttpServletRequest request = new MockHttpServletRequest("GET", "/error");
        request.setAttribute(RequestDispatcher.ERROR_STATUS_CODE, 500);
        MockHttpServletResponse response = new MockHttpServletResponse();
        response.setStatus(200);
        response.getWriter().write("partial");
        response.flushBuffer();

        controller.error(request, response);

        assertThat(response.getStatus()).isEqualTo(200);
        assertThat(response.getContentAsString()).isEqualTo("partial");
    }

    private MockHttpServletResponse error(int status, Throwable failure) throws Exception {
        MockHttpServletRequest request = new MockHttpServletRequest("GET", "/error");
        request.setAttribute(RequestDispatcher.ERROR_STATUS_CODE, status);
        request.setAttribute(RequestDispatcher.ERROR_REQUEST_URI, "/api/v1/posts");
        if (failure != null) {
            request.setAttribute(RequestDispatcher.ERROR_EXCEPTION, failure);
        }
        MockHttpServletResponse response = new MockHttpServletResponse();
        controller.error(request, response);
        assertThat(response.getContentType()).isEqualTo("application/problem+json");
        return response;
    }
}
