package io.inkwell.support.web;

import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.apache.tomcat.util.http.InvalidParameterException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.webmvc.error.ErrorController;
import org.springframework.security.web.firewall.RequestRejectedException;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.RequestMapping;

/**
 * The container's error page, in place of Spring Boot's JSON or HTML one: whatever went wrong outside
 * Spring MVC (a filter that threw, a request Tomcat refused after mapping it, {@code sendError} anywhere)
 * is answered as a problem from the catalogue, whatever the client accepts. It writes the answer itself,
 * so that content negotiation cannot fail on the error path.
 */
@Controller
class ProblemErrorController implements ErrorController {

    private static final Logger log = LoggerFactory.getLogger(ProblemErrorController.class);

    @RequestMapping("${server.error.path:${error.path:/error}}")
    void error(HttpServletRequest request, HttpServletResponse response) throws IOException {
        Object code = request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE);
        int status = code instanceof Integer value ? value : response.getStatus();
        Throwable failure = (Throwable) request.getAttribute(RequestDispatcher.ERROR_EXCEPTION);
        Problem problem;
        if (failure instanceof RequestRejectedException || failure instanceof InvalidParameterException) {
            problem = Problem.MALFORMED_REQUEST;
        } else {
            problem = Problem.forStatus(status);
            if (problem.status().is5xxServerError() && failure != null) {
                log.error("Unexpected failure on {}", request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI), failure);
            }
        }
        if (response.isCommitted()) {
            return;
        }
        response.resetBuffer();
        problem.write(response, problem == Problem.INTERNAL_ERROR
                ? "Something went wrong on our side; nothing was changed. Retrying later may help."
                : problem.title());
    }
}
