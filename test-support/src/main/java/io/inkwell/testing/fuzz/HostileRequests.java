package io.inkwell.testing.fuzz;

import io.inkwell.testing.TestIssuer;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Supplier;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.Tuple;

/**
 * Generates requests that try every way in: hostile text in bodies (NUL, control characters, lone
 * surrogates, invalid UTF-8, wrong types, deep nesting), query strings and paths with bytes that do not
 * decode, odd methods, and header values from garbage to valid tokens, for a list of endpoints.
 */
public final class HostileRequests {

    private static final List<String> TEXT_ATOMS = List.of("\u0000", "a\u0000b", "\ud800", "x\udc00", "\ud83d",
            "\u001b[31m", "bell\u0007", "\u007f", "\u0085", "\u2028", "\u202e", "\ufeff", "\uffff", "\ud83d\ude00",
            "", " ", "  \t ", "\n", "\r\n", "'; DROP TABLE posts; --", "<script>alert(1)</script>", "%00", "%s%n",
            "../../etc/passwd", "\\", "\"", "{}", "null", "a".repeat(256), "b".repeat(5_000), "Ünïcødé ✓",
            "valid-slug", "writer@inkwell.test", "a@b", "x".repeat(51));

    private static final List<String> QUERY_ATOMS = List.of("%00", "a%00", "%FF", "%ED%A0%80", "%C0%AE", "%",
            "%a", "%zz", "%0A", "%1F", "%7F", "%2F", "%25", "+", "%20", "", "-1", "0", "1", "2", "100", "101",
            "99999999999999999999", "1e3", "0x10", "NaN", "abc", "newest", "NEWEST", "oldest", "title", "updated",
            "relevance", "published", "draft", "all", "2026-11-25", "2026-13-45", "2026-11-25T10:00:00Z",
            "9999-12-31T23:59:59Z", "%22quoted%20phrase%22", "a".repeat(600), "%E2%9C%93", "x&y=z", "a=b=c");

    private static final List<String> SEGMENT_ATOMS = List.of("%00", "a%00", "%FF", "%ED%A0%80", "%", "%2F",
            "%2e%2e", "..", ".", ";a=b", "%3B", "%5C", "%0A", "a%20b", "%25", "%E2%9C%93", "", "x".repeat(3_000),
            "00000000-0000-0000-0000-000000000000", "by-slug", "publish", "%u0000", "*", "~");

    private static final List<String> METHODS = List.of("GET", "HEAD", "POST", "PUT", "DELETE", "PATCH", "OPTIONS", "TRACE",
            "CONNECT", "PROPFIND", "FOO");

    private HostileRequests() {
    }

    /**
     * Requests against {@code endpoints}; {@code ids} gives identifiers that exist (so that some requests go
     * deep), {@code authorizations} the {@code Authorization} values to try (valid tokens among them).
     */
    /**
     * The Authorization headers a fuzz run mixes: the author's token (twice as likely), other roles (the metrics
     * scraper's among them), no roles, and forged ones, all from the test issuer, so that requests reach validation and the domain too.
     */
    public static List<String> authorizations(String authorToken) {
        TestIssuer issuer = TestIssuer.get();
        return List.of("Bearer " + authorToken, "Bearer " + authorToken,
                "Bearer " + issuer.token("user"), "Bearer " + issuer.token("moderator", "user"),
                "Bearer " + issuer.token("admin"), "Bearer " + issuer.token(), "Bearer " + issuer.token("metrics"),
                "Bearer " + issuer.unsigned("admin"), "Bearer " + issuer.tampered("user"));
    }

    public static Arbitrary<HostileRequest> against(List<Endpoint> endpoints, Supplier<List<String>> ids,
                                                    List<String> authorizations) {
        Arbitrary<Endpoint> endpoint = Arbitraries.of(endpoints);
        return endpoint.flatMap(e -> Combinators.combine(method(e), path(e, ids), query(e), headers(authorizations), body(e))
                .as((method, path, query, headers, body) -> new HostileRequest(e, method, path + query, headers, body)));
    }

    private static Arbitrary<String> method(Endpoint endpoint) {
        return Arbitraries.frequencyOf(Tuple.of(85, Arbitraries.just(endpoint.method())),
                Tuple.of(15, Arbitraries.of(METHODS)));
    }

    private static Arbitrary<String> path(Endpoint endpoint, Supplier<List<String>> ids) {
        Arbitrary<String> segment = Arbitraries.frequencyOf(
                Tuple.of(40, Arbitraries.create(() -> existing(ids))),
                Tuple.of(15, Arbitraries.create(() -> UUID.randomUUID().toString())),
                Tuple.of(35, Arbitraries.of(SEGMENT_ATOMS)),
                Tuple.of(10, hostileText().map(text -> URLEncoder.encode(text, StandardCharsets.UTF_8))));
        Arbitrary<String> suffix = Arbitraries.frequencyOf(Tuple.of(85, Arbitraries.just("")),
                Tuple.of(15, Arbitraries.of("/", "//", "/x", ".json", "/%00", "/..", "%20", "/%FF")));
        return Combinators.combine(segment, suffix).as((id, tail) -> endpoint.path().replace("{id}", id) + tail);
    }

    private static String existing(Supplier<List<String>> ids) {
        List<String> known = ids.get();
        return known.isEmpty() ? UUID.randomUUID().toString()
                : known.get(java.util.concurrent.ThreadLocalRandom.current().nextInt(known.size()));
    }

    private static Arbitrary<String> query(Endpoint endpoint) {
        List<String> names = new ArrayList<>(endpoint.parameters());
        names.addAll(List.of("x", "page", "limit", "%00", "a%FF", "%", ""));
        Arbitrary<String> value = Arbitraries.frequencyOf(Tuple.of(60, Arbitraries.of(QUERY_ATOMS)),
                Tuple.of(40, hostileText().map(text -> URLEncoder.encode(text, StandardCharsets.UTF_8))));
        Arbitrary<String> pair = Combinators.combine(Arbitraries.of(names), value, Arbitraries.of(true, true, true, false))
                .as((name, v, withValue) -> withValue ? name + "=" + v : name);
        return pair.list().ofMaxSize(4).map(pairs -> pairs.isEmpty() ? "" : "?" + String.join("&", pairs));
    }

    private static Arbitrary<Map<String, String>> headers(List<String> authorizations) {
        Arbitrary<String> authorization = Arbitraries.frequencyOf(
                Tuple.of(70, Arbitraries.of(authorizations)),
                Tuple.of(30, Arbitraries.of("Bearer", "Bearer ", "Bearer garbage", "Bearer a.b.c", "Basic YWxpY2U6eA==",
                        "bearer x", "Bearer \u00ff\u00fe", "Bearer " + "A".repeat(9_000), "Negotiate abc")));
        Arbitrary<String> contentType = Arbitraries.of("application/json", "application/json", "application/json",
                "application/json; charset=UTF-8", "application/json; charset=no-such-charset", "application/json; charset=\"",
                "application/json; charset=UTF-16", "application/problem+json", "multipart/form-data",
                "multipart/form-data; boundary=xyz", "application/x-www-form-urlencoded", "text/plain", "application/xml",
                "*/*", "application/*", "garbage", "", ";;;", "application/json;q=x", "\u00ff/\u00fe");
        Arbitrary<String> accept = Arbitraries.of("*/*", "application/json", "application/problem+json", "application/xml",
                "text/html", "text/event-stream", "garbage", "", "application/json;q=2", "*/*;q=abc", "image/*", "\u00e9/\u00e9");
        Arbitrary<String> ifMatch = Arbitraries.of("\"1\"", "\"2\"", "W/\"1\"", "*", "garbage", "\"\"", "\"-1\"",
                "\"99999999999999999999\"", "\"1\", \"2\"", "\"\u00ff\"", "1");
        Arbitrary<String> idempotencyKey = Arbitraries.oneOf(Arbitraries.strings().alpha().numeric().ofMinLength(1).ofMaxLength(20),
                Arbitraries.of("", " ", "k".repeat(256), "caf\u00e9", "\u0085", "a\u0001b"));
        Arbitrary<String> requestId = Arbitraries.of("abc-123", "\u00ff\u00fe", "x".repeat(200), "; DROP", "\u0001");
        Arbitrary<String> origin = Arbitraries.of("https://evil.example", "https://app.inkwell.test", "null", "\u00ff");
        Arbitrary<String> anyValue = Arbitraries.strings().withCharRange('\u0020', '\u00ff').ofMaxLength(40);
        return Combinators.combine(authorization.injectNull(0.15), contentType.injectNull(0.1), accept.injectNull(0.5),
                        ifMatch.injectNull(0.7), idempotencyKey.injectNull(0.7), requestId.injectNull(0.8),
                        origin.injectNull(0.9), anyValue.injectNull(0.8))
                .as((auth, type, acc, match, key, id, orig, extra) -> {
                    Map<String, String> headers = new LinkedHashMap<>();
                    put(headers, "Authorization", auth);
                    put(headers, "Content-Type", type);
                    put(headers, "Accept", acc);
                    put(headers, "If-Match", match);
                    put(headers, "Idempotency-Key", key);
                    put(headers, "X-Request-Id", id);
                    put(headers, "Origin", orig);
                    put(headers, "X-Fuzz", extra);
                    return headers;
                });
    }

    private static void put(Map<String, String> headers, String name, String value) {
        if (value != null) {
            headers.put(name, value);
        }
    }

    private static Arbitrary<byte[]> body(Endpoint endpoint) {
        Map<String, Object> fields = endpoint.body() == null ? Map.of("title", "t", "content", "c") : endpoint.body();
        Arbitrary<byte[]> valid = Arbitraries.just(Json.object(fields)).map(Json::utf8);
        Arbitrary<byte[]> hostileFields = Arbitraries.maps(Arbitraries.of(fields.keySet()), jsonValue()).ofMaxSize(fields.size())
                .map(changes -> {
                    Map<String, Object> changed = new LinkedHashMap<>(fields);
                    changed.putAll(changes);
                    return Json.utf8(Json.object(changed));
                });
        Arbitrary<byte[]> unknownField = hostileText().map(text -> {
            Map<String, Object> changed = new LinkedHashMap<>(fields);
            changed.put("unexpected", text);
            return Json.utf8(Json.object(changed));
        });
        Arbitrary<byte[]> randomBytes = Arbitraries.bytes().array(byte[].class).ofMaxSize(200);
        Arbitrary<byte[]> truncated = Arbitraries.integers().between(0, 30)
                .map(cut -> {
                    byte[] json = Json.utf8(Json.object(fields));
                    return java.util.Arrays.copyOf(json, Math.max(0, json.length - 1 - cut));
                });
        Arbitrary<byte[]> nested = Arbitraries.integers().between(100, 5_000)
                .map(depth -> Json.utf8("[".repeat(depth) + "]".repeat(depth)));
        Arbitrary<byte[]> invalidUtf8 = Arbitraries.of(new byte[] {(byte) 0xFF}, new byte[] {(byte) 0xED, (byte) 0xA0, (byte) 0x80},
                        new byte[] {(byte) 0xC0, (byte) 0xAE}, new byte[] {(byte) 0xE2, (byte) 0x82}, new byte[] {0})
                .map(bad -> Json.withRawBytes(fields, bad));
        Arbitrary<byte[]> odd = Arbitraries.of("", "null", "[]", "\"text\"", "42", "{}", "{\"title\": 1e999999}",
                "{\"title\": \"t\", \"title\": \"dup\"}", "{\"tags\": {\"a\": 1}}", "\ufeff{}", "{'title': 't'}",
                "{\"title\": \"t\", \"content\": \"c\"} trailing").map(Json::utf8);
        return Arbitraries.frequencyOf(Tuple.of(30, hostileFields), Tuple.of(10, valid), Tuple.of(8, unknownField),
                Tuple.of(10, randomBytes), Tuple.of(7, truncated), Tuple.of(5, nested), Tuple.of(10, invalidUtf8),
                Tuple.of(10, odd), Tuple.of(10, Arbitraries.just(new byte[0])));
    }

    /** A JSON value for a field: mostly hostile text, sometimes the wrong type altogether. */
    private static Arbitrary<Object> jsonValue() {
        return Arbitraries.frequencyOf(
                Tuple.of(60, hostileText().map(text -> (Object) text)),
                Tuple.of(15, hostileText().list().ofMaxSize(12).map(list -> (Object) list)),
                Tuple.of(25, Arbitraries.of(Json.RAW_NULL, Json.raw("true"), Json.raw("-1"), Json.raw("1e400"),
                        Json.raw("{\"a\": 1}"), Json.raw("[1, 2]"), Json.raw("[null]"), Json.raw("\"\\u0000\""),
                        Json.raw("\"\\ud800\""), Json.raw("\"\\uDFFF\\uD800\""), Json.raw("\"\\x00\""))));
    }

    /** Text that tries every character class: control characters, lone surrogates, anything at all. */
    static Arbitrary<String> hostileText() {
        return Arbitraries.frequencyOf(
                Tuple.of(40, Arbitraries.of(TEXT_ATOMS)),
                Tuple.of(30, Arbitraries.strings().all().ofMaxLength(30)),
                Tuple.of(20, Combinators.combine(Arbitraries.strings().alpha().ofMaxLength(10),
                                Arbitraries.strings().withCharRange('\u0000', '\u001f').ofMinLength(1).ofMaxLength(3),
                                Arbitraries.strings().alpha().ofMaxLength(10))
                        .as((before, control, after) -> before + control + after)),
                Tuple.of(10, Arbitraries.strings().withCharRange('\ud800', '\udfff').ofMinLength(1).ofMaxLength(3)));
    }
}
