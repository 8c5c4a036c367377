package io.inkwell.support.web;

import java.net.URI;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;

/**
 * Problem details whose type URI ends in a stable code. Superseded by {@link Problem}; left only for
 * ProblemAuthenticationEntryPoint and ProblemCorsProcessor, which the security work converts on its own
 * branch. Delete this class once that is merged (nothing else uses it).
 */
@Deprecated(forRemoval = true)
public final class ProblemTypes {

    private static final String BASE = "https://inkwell.example/problems/";

    private ProblemTypes() {
    }

    public static URI uri(String code) {
        return URI.create(BASE + code);
    }

    public static ProblemDetail problem(HttpStatusCode status, String code, String detail) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
        problem.setType(uri(code));
        return problem;
    }

    public static ResponseEntity<ProblemDetail> response(HttpStatus status, String code, String detail) {
        return ResponseEntity.status(status).body(problem(status, code, detail));
    }
}
