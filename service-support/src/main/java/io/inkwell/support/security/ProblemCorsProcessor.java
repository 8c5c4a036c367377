package io.inkwell.support.security;

import io.inkwell.support.web.ProblemTypes;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.server.ServerHttpResponse;
import org.springframework.web.cors.DefaultCorsProcessor;

/** A refused cross-origin request gets a 403 problem detail like every other refusal, not a bare text. */
class ProblemCorsProcessor extends DefaultCorsProcessor {

    @Override
    protected void rejectRequest(ServerHttpResponse response) throws IOException {
        response.setStatusCode(HttpStatus.FORBIDDEN);
        response.getHeaders().setContentType(MediaType.APPLICATION_PROBLEM_JSON);
        response.getBody().write("""
                {"type":"%s","title":"Forbidden","status":403,"detail":"This origin may not call the API"}"""
                .formatted(ProblemTypes.uri("cors-origin-refused")).getBytes(StandardCharsets.UTF_8));
        response.flush();
    }
}
