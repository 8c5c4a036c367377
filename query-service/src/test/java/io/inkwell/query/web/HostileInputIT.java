package io.inkwell.query.web;

import static io.inkwell.testing.http.ProblemAnswers.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;

import io.inkwell.query.QueryServiceContext;
import io.inkwell.testing.TestIssuer;
import io.inkwell.testing.http.RawHttp;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

/**
 * Query parameters and paths with bytes that do not decode to clean text, over a real socket to the real
 * Tomcat: 400 problems naming the parameter, where they used to reach PostgreSQL (which refuses NUL) as 500s.
 */
@QueryServiceContext
class HostileInputIT {


    @LocalServerPort
    int port;

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"/api/v1/users?search=%00", "/api/v1/users?search=a%ED%A0%80", "/api/v1/posts?tag=%FF",
            "/api/v1/posts?author=%", "/api/v1/search/posts?q=%00", "/api/v1/search/posts?q=%ED%A0%80",
            "/api/v1/search/posts?tag=x%1F", "/api/v1/tags?page=%00"})
    void refusesAParameterThatIsNotCleanTextNamingIt(String target) {
        String parameter = target.substring(target.indexOf('?') + 1, target.indexOf('='));
        JsonNode problem = assertProblem(send("GET", target, Map.of()), 400, "validation-failed");
        assertThat(problem.get("errors").findValuesAsString("field")).containsExactly(parameter);
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"/api/v1/posts/%00", "/api/v1/posts/by-slug/%ED%A0%80", "/api/v1/users/%FF",
            "/api/v1/posts/%", "/api/v1/posts/a%2Fb", "/api/v1/posts/%0D%0A"})
    void refusesAPathThatIsNotCleanText(String target) {
        assertProblem(send("GET", target, Map.of()), 400, "malformed-request");
    }

    @Test
    void refusesAnAcceptThatCannotBeReadWith406() {
        assertProblem(send("GET", "/api/v1/tags", Map.of("Accept", "garbage")), 406, "http-406");
    }

    @Test
    void refusesAnAcceptThatCannotBeServedWith406() {
        assertProblem(send("GET", "/api/v1/tags", Map.of("Accept", "application/xml")), 406, "http-406");
    }

    @Test
    void namesAParameterOfTheWrongType() {
        JsonNode problem = assertProblem(send("GET", "/api/v1/posts?page=abc", Map.of()), 400, "validation-failed");
        assertThat(problem.get("errors").findValuesAsString("field")).containsExactly("page");
    }

    @Test
    void refusesAWildcardContentTypeEvenOnAGet() {
        assertProblem(send("GET", "/actuator/health", Map.of("Content-Type", "*/*")), 415, "http-415");
    }

    @Test
    void answersARequestLineTomcatCannotParseWithAProblem() {
        RawHttp.Answer answer = new RawHttp(port).send("GET /api/v1/posts?q=a b HTTP/1.1\r\nHost: x\r\nConnection: close"
                .getBytes(StandardCharsets.ISO_8859_1), new byte[0]);
        assertThat(answer.status()).isEqualTo(400);
        assertThat(answer.isProblem()).isTrue();
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"/actuator/health/liveness/x", "/actuator/health/no-such-group", "/no/such/path"})
    void answersAnEmptyNotFoundFromActuatorWithAProblem(String target) {
        RawHttp.Answer answer = send("GET", target, Map.of());
        assertThat(answer.status()).isBetween(400, 499);
        assertThat(answer.isProblem()).as(answer.toString()).isTrue();
    }

    @Test
    void answersAMissingPostWithAProblemWhateverTheClientAccepts() {
        assertProblem(send("GET", "/api/v1/posts/no-such-post", Map.of("Accept", "text/html")), 404, "not-found");
    }

    private RawHttp.Answer send(String method, String target, Map<String, String> headers) {
        Map<String, String> all = new java.util.HashMap<>(headers);
        all.put("Authorization", "Bearer " + TestIssuer.get().token("user"));
        return new RawHttp(port).send(method, target, all, "");
    }
}
