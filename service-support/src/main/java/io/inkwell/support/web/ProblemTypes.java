package io.inkwell.support.web;

import java.net.URI;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;

/** Problem details whose type URI ends in a stable code; the README lists the codes. */
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
