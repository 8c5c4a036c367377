package io.inkwell.testing.fuzz;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Just enough JSON writing for hostile bodies: strings escape control characters and every surrogate as
 * {@code \\uXXXX}, as an attacker would send a lone surrogate; {@link Raw} values go in as written.
 */
final class Json {

    record Raw(String json) {
    }

    static final Raw RAW_NULL = new Raw("null");

    private Json() {
    }

    static Raw raw(String json) {
        return new Raw(json);
    }

    static String object(Map<String, Object> fields) {
        return fields.entrySet().stream().map(e -> string(e.getKey()) + ": " + value(e.getValue()))
                .collect(Collectors.joining(", ", "{", "}"));
    }

    static byte[] utf8(String json) {
        return json.getBytes(StandardCharsets.UTF_8);
    }

    /** A valid body whose first string value has {@code bad} bytes in its middle. */
    static byte[] withRawBytes(Map<String, Object> fields, byte[] bad) {
        byte[] json = utf8(object(fields));
        int quote = new String(json, StandardCharsets.ISO_8859_1).indexOf("\": \"");
        int at = quote < 0 ? json.length / 2 : quote + 4;
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(json, 0, at);
        out.writeBytes(bad);
        out.write(json, at, json.length - at);
        return out.toByteArray();
    }

    private static String value(Object value) {
        if (value instanceof Raw raw) {
            return raw.json();
        }
        if (value instanceof List<?> list) {
            return list.stream().map(Json::value).collect(Collectors.joining(", ", "[", "]"));
        }
        return string(String.valueOf(value));
    }

    private static String string(String text) {
        StringBuilder out = new StringBuilder("\"");
        for (char c : text.toCharArray()) {
            if (c == '"' || c == '\\') {
                out.append('\\').append(c);
            } else if (c < 0x20 || Character.isSurrogate(c)) {
                out.append("\\u%04x".formatted((int) c));
            } else {
                out.append(c);
            }
        }
        return out.append('"').toString();
    }
}
