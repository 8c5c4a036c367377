package io.inkwell.command.web;

import static io.inkwell.testing.http.ProblemAnswers.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;

import io.inkwell.command.CommandServiceContext;
import io.inkwell.testing.TestIssuer;
import io.inkwell.testing.http.RawHttp;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/**
 * Hostile bytes over a real socket to the real Tomcat: text that PostgreSQL or Unicode cannot hold, request
 * targets that do not decode, bodies that are not JSON. Each gets a 4xx problem and changes nothing.
 */
@CommandServiceContext
class HostileInputIT {


    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    private RawHttp http;
    private String token;
    private String events;

    @BeforeEach
    void registerAnAuthor() {
        http = new RawHttp(port);
        token = TestIssuer.get().token("user");
        RawHttp.Answer registered = http.send("POST", "/api/v1/users", json(), """
                {"name": "Hostile Tester", "email": "hostile-%s@inkwell.test"}""".formatted(System.nanoTime()));
        assertThat(registered.status()).isEqualTo(201);
        events = eventStore();
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {
            "{\"title\": \"a\\u0000b\", \"content\": \"x\"} | title",
            "{\"title\": \"t\", \"content\": \"lone \\ud800 surrogate\"} | content",
            "{\"title\": \"t\", \"content\": \"\\udc00 trailing half\"} | content",
            "{\"title\": \"t\", \"content\": \"bell \\u0007\"} | content",
            "{\"title\": \"t\", \"content\": \"x\", \"tags\": [\"ok\", \"fine\", \"e\\u001bscape\"]} | tags[2]",
            "{\"title\": \"t\", \"content\": \"x\", \"slug\": \"s\\u0000\"} | slug"})
    void refusesTextThatNoStoreCanHoldNamingTheField(String bodyAndField) {
        String[] parts = bodyAndField.split(" \\| ");
        RawHttp.Answer answer = http.send("POST", "/api/v1/posts", json(), parts[0]);
        JsonNode problem = assertProblem(answer, 400, "validation-failed");
        assertThat(problem.get("errors").findValuesAsString("field")).contains(parts[1]);
        assertThat(eventStore()).isEqualTo(events);
    }

    @Test
    void refusesControlCharactersInAProfile() {
        RawHttp.Answer answer = http.send("POST", "/api/v1/users",
                Map.of("Authorization", "Bearer " + TestIssuer.get().token("user"), "Content-Type", "application/json"),
                "{\"name\": \"Null\\u0000Byte\", \"email\": \"nul@inkwell.test\"}");
        assertThat(assertProblem(answer, 400, "validation-failed").get("errors").findValuesAsString("field")).contains("name");
    }

    @Test
    void keepsTabsNewlinesAndEmojiInContent() {
        RawHttp.Answer answer = http.send("POST", "/api/v1/posts", json(),
                "{\"title\": \"Fine \\ud83d\\ude00\", \"content\": \"line\\n\\tindented\\r\\n\"}");
        assertThat(answer.status()).isEqualTo(201);
    }

    @Test
    void refusesABodyWhoseBytesAreNotUtf8() {
        byte[] body = "{\"title\": \"t\", \"content\": \"X\"}".getBytes(StandardCharsets.UTF_8);
        // An encoded surrogate (CESU-8), then a byte that never starts a UTF-8 sequence.
        byte[] hostile = new byte[body.length + 4];
        System.arraycopy(body, 0, hostile, 0, 27);
        hostile[27] = (byte) 0xED;
        hostile[28] = (byte) 0xA0;
        hostile[29] = (byte) 0x80;
        hostile[30] = (byte) 0xFF;
        System.arraycopy(body, 27, hostile, 31, body.length - 27);
        RawHttp.Answer answer = http.send("POST", "/api/v1/posts", json(), hostile);
        assertThat(answer.status()).isEqualTo(400);
        assertThat(answer.isProblem()).isTrue();
        assertThat(eventStore()).isEqualTo(events);
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"/api/v1/posts/%00", "/api/v1/posts/%ED%A0%80", "/api/v1/posts/%FF", "/api/v1/posts/%",
            "/api/v1/posts/a%2Fb", "/api/v1/posts/%0a", "/api/v1/posts/x%25", "/actuator/health/%00"})
    void refusesAPathThatDoesNotDecodeToCleanText(String path) {
        RawHttp.Answer answer = http.send("PUT", path, Map.of("Authorization", "Bearer " + token,
                "Content-Type", "application/json", "If-Match", "\"1\""), "{\"title\": \"x\"}");
        assertProblem(answer, 400, answer.status() == 400 && answer.body().contains("validation-failed")
                ? "validation-failed" : "malformed-request");
        assertThat(eventStore()).isEqualTo(events);
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"x=%00", "x=%ED%A0%80", "x=%FF", "x=%", "x=a%0", "x=%1F"})
    void refusesAQueryParameterThatDoesNotDecodeToCleanTextNamingIt(String query) {
        RawHttp.Answer answer = http.send("POST", "/api/v1/posts?" + query, json(), "{\"title\": \"t\", \"content\": \"x\"}");
        assertThat(assertProblem(answer, 400, "validation-failed").get("errors").findValuesAsString("field")).contains("x");
        assertThat(eventStore()).isEqualTo(events);
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"multipart/form-data", "multipart/form-data; boundary=xyz", "application/x-www-form-urlencoded",
            "text/plain", "application/json; charset=no-such-charset", "application/xml", "application/json; charset=\"",
            "not a media type", ""})
    void refusesABodyThatIsNotJson(String contentType) {
        RawHttp.Answer answer = http.send("POST", "/api/v1/posts", Map.of("Authorization", "Bearer " + token,
                "Content-Type", contentType), "title=t&content=x");
        assertProblem(answer, 415, "http-415");
        assertThat(eventStore()).isEqualTo(events);
    }

    @Test
    void answersAnAcceptItCannotServeWith406() {
        RawHttp.Answer answer = http.send("POST", "/api/v1/posts", Map.of("Authorization", "Bearer " + token,
                "Content-Type", "application/json", "Accept", "application/xml"), "{\"title\": \"t\", \"content\": \"x\"}");
        assertProblem(answer, 406, "http-406");
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"TRACE", "PATCH", "FOO", "PROPFIND"})
    void refusesMethodsThatNoEndpointTakesWithoutEchoingTheRequest(String method) {
        RawHttp.Answer answer = http.send(method, "/api/v1/posts", Map.of("Authorization", "Bearer " + token,
                "Accept", "garbage"), "");
        assertProblem(answer, 405, "http-405");
        assertThat(answer.body()).doesNotContain(token);
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"\u0085", "caf\u00e9\u0099", "a\u0001b"})
    void refusesHeaderValuesWithControlCharacters(String value) {
        RawHttp.Answer answer = http.send("POST", "/api/v1/posts", Map.of("Authorization", "Bearer " + token,
                "Content-Type", "application/json", "Idempotency-Key", value), "{\"title\": \"t\", \"content\": \"x\"}");
        assertThat(answer.status()).isEqualTo(400);
        assertThat(answer.isProblem()).isTrue();
        assertThat(eventStore()).isEqualTo(events);
    }

    @Test
    void refusesABrokenChunkedBodyAsMalformedAndStoresNothing() {
        String head = "POST /api/v1/posts HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\nAuthorization: Bearer "
                + token + "\r\nContent-Type: application/json\r\nTransfer-Encoding: chunked";
        RawHttp.Answer answer = http.send(head.getBytes(StandardCharsets.ISO_8859_1),
                "zz\r\nabc\r\n0\r\n\r\n".getBytes(StandardCharsets.ISO_8859_1));

        assertThat(answer.status()).as(answer.toString()).isEqualTo(400);
        assertThat(answer.isProblem()).as(answer.toString()).isTrue();
        assertThat(eventStore()).isEqualTo(events);
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"GET /api/v1/posts HTTP/1.1 extra", "GET /api v1 HTTP/1.1", "G\u0000T / HTTP/1.1",
            "GET /api/v1/posts\u0000 HTTP/1.1", "GET /api/v1/posts/\u00ff HTTP/1.1", "GET /api/v1/posts HTTP/2.5", "GET /api/v1/posts HTTP/1.1\u0000"})
    void answersARequestLineTomcatCannotParseWithAProblem(String requestLine) {
        RawHttp.Answer answer = http.send((requestLine + "\r\nHost: localhost\r\nConnection: close")
                .getBytes(StandardCharsets.ISO_8859_1), new byte[0]);
        assertThat(answer.status()).as(answer.toString()).isEqualTo(400);
        assertThat(answer.isProblem()).as(answer.toString()).isTrue();
    }

    @Test
    void answersAMissingAuthorizationSchemeAndAGarbageIfMatchWithProblems() {
        RawHttp.Answer answer = http.send("PUT", "/api/v1/posts/nope", Map.of("Authorization", "Bearer " + token,
                "Content-Type", "application/json", "If-Match", "\u00ff\u00fe"), "{\"title\": \"x\"}");
        assertThat(answer.status()).isBetween(400, 499);
        assertThat(answer.isProblem()).isTrue();
    }

    private Map<String, String> json() {
        return Map.of("Authorization", "Bearer " + token, "Content-Type", "application/json");
    }

    private String eventStore() {
        return jdbc.sql("SELECT count(*) || '/' || coalesce(max(global_index), 0) FROM domain_event_entry")
                .query(String.class).single();
    }
}
