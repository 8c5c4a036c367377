package io.inkwell.support.security;

import io.inkwell.support.web.Problem;
import java.io.IOException;
import org.springframework.http.MediaType;
import org.springframework.http.server.ServerHttpResponse;
import org.springframework.web.cors.DefaultCorsProcessor;

/** A refused cross-origin request gets a 403 problem detail like every other refusal, not a bare text. */
class ProblemCorsProcessor extends DefaultCorsProcessor {

    @Override
    protected void rejectRequest(ServerHttpResponse response) throws IOException {
        Problem problem = Problem.CORS_ORIGIN_REFUSED;
        response.setStatusCode(problem.status());
        response.getHeaders().setContentType(MediaType.APPLICATION_PROBLEM_JSON);
        response.getBody().write(Problem.json(problem.detail("This origin may not call the API")));
        response.flush();
    }
}
