package io.inkwell.support.security;

import io.inkwell.support.web.Problem;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.http.server.ServerHttpResponse;
import org.springframework.http.server.ServletServerHttpResponse;
import org.springframework.web.cors.DefaultCorsProcessor;

/** A refused cross-origin request gets a 403 problem detail like every other refusal, not a bare text. */
class ProblemCorsProcessor extends DefaultCorsProcessor {

    @Override
    protected void rejectRequest(ServerHttpResponse response) throws IOException {
        HttpServletResponse servlet = ((ServletServerHttpResponse) response).getServletResponse();
        // Headers set so far (Vary: Origin, ...) live in the wrapper until it flushes; the problem is written
        // straight to the servlet response, so they are copied over first.
        response.getHeaders().forEach((name, values) -> values.forEach(value -> servlet.addHeader(name, value)));
        Problem.CORS_ORIGIN_REFUSED.write(servlet, "This origin may not call the API");
    }
}
