package io.inkwell.support.web;

import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import tools.jackson.databind.json.JsonMapper;

/**
 * Every problem that Inkwell's APIs answer with: its stable code (the end of the {@code type} URI), its
 * HTTP status and its title. The one vocabulary of errors for handlers, filters and entry points; the
 * README's table of codes is checked against it.
 */
public enum Problem {

    VALIDATION_FAILED(HttpStatus.BAD_REQUEST, "validation-failed", "The request has invalid fields or parameters"),
    MALFORMED_REQUEST(HttpStatus.BAD_REQUEST, "malformed-request", "The request cannot be read"),
    INVALID_IDEMPOTENCY_KEY(HttpStatus.BAD_REQUEST, "invalid-idempotency-key", "The Idempotency-Key header is invalid"),
    QUERY_TOO_DEEP(HttpStatus.BAD_REQUEST, "query-too-deep", "GraphQL query nested too deeply"),
    QUERY_TOO_COSTLY(HttpStatus.BAD_REQUEST, "query-too-costly", "GraphQL query too costly"),
    UNAUTHORIZED(HttpStatus.UNAUTHORIZED, "unauthorized", "Authentication needed"),
    FORBIDDEN(HttpStatus.FORBIDDEN, "forbidden", "Not allowed"),
    PROFILE_REQUIRED(HttpStatus.FORBIDDEN, "profile-required", "A profile is needed"),
    NOT_PROFILE_OWNER(HttpStatus.FORBIDDEN, "not-profile-owner", "Not this profile's owner"),
    NOT_POST_AUTHOR(HttpStatus.FORBIDDEN, "not-post-author", "Not this post's author"),
    CORS_ORIGIN_REFUSED(HttpStatus.FORBIDDEN, "cors-origin-refused", "Cross-origin request refused"),
    NOT_FOUND(HttpStatus.NOT_FOUND, "not-found", "Not found"),
    METHOD_NOT_ALLOWED(HttpStatus.METHOD_NOT_ALLOWED, "http-405", "Method not allowed"),
    NOT_ACCEPTABLE(HttpStatus.NOT_ACCEPTABLE, "http-406", "Not acceptable"),
    UNSUPPORTED_MEDIA_TYPE(HttpStatus.UNSUPPORTED_MEDIA_TYPE, "http-415", "Unsupported media type"),
    IDENTITY_ALREADY_REGISTERED(HttpStatus.CONFLICT, "identity-already-registered", "Identity already registered"),
    EMAIL_TAKEN(HttpStatus.CONFLICT, "email-taken", "Email taken"),
    SLUG_TAKEN(HttpStatus.CONFLICT, "slug-taken", "Slug taken"),
    USER_DELETED(HttpStatus.CONFLICT, "user-deleted", "User deleted"),
    POST_DELETED(HttpStatus.CONFLICT, "post-deleted", "Post deleted"),
    CONCURRENT_MODIFICATION(HttpStatus.CONFLICT, "concurrent-modification", "Changed concurrently"),
    DEAD_LETTER_RETRY_FAILED(HttpStatus.CONFLICT, "dead-letter-retry-failed", "Dead letter failed again"),
    REBUILD_IN_PROGRESS(HttpStatus.CONFLICT, "rebuild-in-progress", "A rebuild of this projection is running"),
    SEGMENT_UNAVAILABLE(HttpStatus.CONFLICT, "segment-unavailable", "Segment cannot be split or merged here now"),
    VERSION_MISMATCH(HttpStatus.PRECONDITION_FAILED, "version-mismatch", "Version mismatch"),
    REQUEST_TOO_LARGE(HttpStatus.CONTENT_TOO_LARGE, "request-too-large", "Request too large"),
    IDEMPOTENCY_KEY_REUSED(HttpStatus.UNPROCESSABLE_CONTENT, "idempotency-key-reused", "Idempotency key reused"),
    RATE_LIMITED(HttpStatus.TOO_MANY_REQUESTS, "rate-limited", "Too many requests"),
    INTERNAL_ERROR(HttpStatus.INTERNAL_SERVER_ERROR, "internal-error", "Internal error"),
    NOT_CAUGHT_UP(HttpStatus.SERVICE_UNAVAILABLE, "not-caught-up", "Read model not caught up"),
    SEARCH_UNAVAILABLE(HttpStatus.SERVICE_UNAVAILABLE, "search-unavailable", "Search unavailable"),
    SERVICE_UNAVAILABLE(HttpStatus.SERVICE_UNAVAILABLE, "service-unavailable", "Service unavailable"),
    REQUEST_TIMED_OUT(HttpStatus.SERVICE_UNAVAILABLE, "request-timed-out", "Request took too long");

    private static final String BASE = "https://inkwell.example/problems/";
    private static final Map<String, Problem> BY_CODE = Arrays.stream(values())
            .collect(Collectors.toUnmodifiableMap(Problem::code, Function.identity()));

    private final HttpStatus status;
    private final String code;
    private final String title;

    Problem(HttpStatus status, String code, String title) {
        this.status = status;
        this.code = code;
        this.title = title;
    }

    public HttpStatus status() {
        return status;
    }

    public String code() {
        return code;
    }

    public String title() {
        return title;
    }

    public URI type() {
        return URI.create(BASE + code);
    }

    public static Optional<Problem> ofCode(String code) {
        return Optional.ofNullable(BY_CODE.get(code));
    }

    /**
     * The general problem for an HTTP status that the servlet container or Spring MVC chose without saying
     * why (a 400 for a request line Tomcat cannot parse, a 404 for no handler, ...). A status without a
     * problem of its own falls back to {@link #MALFORMED_REQUEST} or {@link #INTERNAL_ERROR}, whose status
     * the answer then takes, so that {@code type} and {@code status} always agree.
     */
    public static Problem forStatus(int status) {
        return switch (status) {
            case 401 -> UNAUTHORIZED;
            case 403 -> FORBIDDEN;
            case 404 -> NOT_FOUND;
            // 501: a method Tomcat does not implement (CONNECT), which no endpoint takes either.
            case 405, 501 -> METHOD_NOT_ALLOWED;
            case 406 -> NOT_ACCEPTABLE;
            case 413 -> REQUEST_TOO_LARGE;
            case 415 -> UNSUPPORTED_MEDIA_TYPE;
            case 429 -> RATE_LIMITED;
            case 503 -> SERVICE_UNAVAILABLE;
            // A protocol version Tomcat does not speak is the client's mistake, not the server's.
            case 505 -> MALFORMED_REQUEST;
            default -> status >= 500 ? INTERNAL_ERROR : MALFORMED_REQUEST;
        };
    }

    /** This problem with a detail that says what happened in this case. */
    public ProblemDetail detail(String detail) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
        problem.setType(type());
        problem.setTitle(title);
        return problem;
    }

    public ResponseEntity<ProblemDetail> response(String detail) {
        return ResponseEntity.status(status).body(detail(detail));
    }

    /** Writes this problem as the whole answer, for filters and entry points that run outside Spring MVC. */
    public void write(HttpServletResponse response, String detail) throws IOException {
        write(response, detail(detail));
    }

    public static void write(HttpServletResponse response, ProblemDetail problem) throws IOException {
        response.setStatus(problem.getStatus());
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        byte[] json = json(problem);
        try {
            response.getOutputStream().write(json);
        } catch (IllegalStateException writerInUse) {
            // Something on the way (an error page after a failed answer, say) already asked for the writer.
            response.setCharacterEncoding("UTF-8");
            response.getWriter().write(new String(json, StandardCharsets.UTF_8));
        }
    }

    /** The same shape as Spring MVC writes: the standard members, then the extension members at top level. */
    public static byte[] json(ProblemDetail problem) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("type", problem.getType().toString());
        body.put("title", problem.getTitle());
        body.put("status", problem.getStatus());
        body.put("detail", problem.getDetail());
        if (problem.getInstance() != null) {
            body.put("instance", problem.getInstance().toString());
        }
        if (problem.getProperties() != null) {
            body.putAll(problem.getProperties());
        }
        return JsonMapper.shared().writeValueAsBytes(body);
    }
}
