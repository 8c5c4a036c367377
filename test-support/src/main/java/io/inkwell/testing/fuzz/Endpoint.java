package io.inkwell.testing.fuzz;

import java.util.List;
import java.util.Map;

/**
 * One endpoint as a fuzzer sees it: method, path ({@code {id}} where an identifier goes), the query
 * parameters it reads, and the fields of a valid JSON body (strings or lists of strings) for endpoints
 * that take one (null for none).
 */
public record Endpoint(String method, String path, List<String> parameters, Map<String, Object> body) {

    /** What every Inkwell service serves besides its API: health, metrics, OpenAPI, Swagger UI, the error page. */
    public static final List<Endpoint> OPERATIONAL = List.of(
            get("/actuator/health"),
            get("/actuator/health/liveness"),
            get("/actuator/health/readiness"),
            get("/actuator/info"),
            get("/actuator/prometheus"),
            get("/v3/api-docs"),
            get("/v3/api-docs/swagger-config"),
            get("/swagger-ui.html"),
            get("/swagger-ui/index.html"),
            get("/error"));

    public static Endpoint get(String path, String... parameters) {
        return new Endpoint("GET", path, List.of(parameters), null);
    }

    public static Endpoint delete(String path) {
        return new Endpoint("DELETE", path, List.of(), null);
    }

    public static Endpoint post(String path, Map<String, Object> body) {
        return new Endpoint("POST", path, List.of(), body);
    }

    public static Endpoint put(String path, Map<String, Object> body) {
        return new Endpoint("PUT", path, List.of(), body);
    }

    @Override
    public String toString() {
        return method + " " + path;
    }
}
