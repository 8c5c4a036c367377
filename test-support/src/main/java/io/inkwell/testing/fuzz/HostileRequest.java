package io.inkwell.testing.fuzz;

import java.nio.charset.StandardCharsets;
import java.util.Map;

/** A generated request: every part as it goes on the wire (header values and target as ISO-8859-1 bytes). */
public record HostileRequest(Endpoint endpoint, String method, String target, Map<String, String> headers, byte[] body) {

    /** Printable, so that a failure shows exactly what was sent. */
    @Override
    public String toString() {
        StringBuilder text = new StringBuilder(method).append(' ').append(escape(target)).append(" (").append(endpoint).append(")");
        headers.forEach((name, value) -> text.append("\n  ").append(name).append(": ")
                .append(escape(value.length() > 80 ? value.substring(0, 80) + "..." : value)));
        String body = new String(this.body, StandardCharsets.ISO_8859_1);
        text.append("\n  body (").append(this.body.length).append(" bytes): ")
                .append(escape(body.length() > 300 ? body.substring(0, 300) + "..." : body));
        return text.toString();
    }

    private static String escape(String text) {
        StringBuilder out = new StringBuilder();
        text.chars().forEach(c -> out.append(c < 0x20 || c > 0x7E ? "\\x%02X".formatted(c) : String.valueOf((char) c)));
        return out.toString();
    }
}
