package io.inkwell.support.web;

import io.inkwell.support.validation.CleanTextValidator;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Refuses a path or query string that does not decode to clean text (percent-encoded UTF-8 without NUL,
 * other control characters or unpaired surrogates) before anything else reads it: 400 {@code
 * validation-failed} naming the parameter, or {@code malformed-request} for the path. Tomcat would decode
 * such bytes leniently (or drop the parameter), and the text would reach PostgreSQL, which refuses NUL.
 */
@Order(Ordered.HIGHEST_PRECEDENCE + 2)
public class RequestTargetFilter extends OncePerRequestFilter {

    /** A percent-encoded text that is not UTF-8, or decodes to text that is not clean. */
    static final class Undecodable extends Exception {
        Undecodable() {
            super(null, null, false, false);
        }
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        try {
            decode(request.getRequestURI(), false);
        } catch (Undecodable e) {
            Problem.MALFORMED_REQUEST.write(response,
                    "The path must be percent-encoded UTF-8 without control characters");
            return;
        }
        String query = request.getQueryString();
        if (query != null) {
            for (String pair : query.split("&", -1)) {
                int equals = pair.indexOf('=');
                String name;
                try {
                    name = decode(equals < 0 ? pair : pair.substring(0, equals), true);
                } catch (Undecodable e) {
                    Problem.MALFORMED_REQUEST.write(response,
                            "The query string must be percent-encoded UTF-8 without control characters");
                    return;
                }
                if (name.isEmpty() && equals >= 0) {
                    // Tomcat refuses a value without a name only when something reads the parameters.
                    Problem.MALFORMED_REQUEST.write(response, "Every query parameter needs a name");
                    return;
                }
                try {
                    decode(equals < 0 ? "" : pair.substring(equals + 1), true);
                } catch (Undecodable e) {
                    ProblemDetailsHandler.invalidParameters(List.of(new ProblemDetailsHandler.FieldProblem(name,
                            "must be percent-encoded UTF-8 text without control characters")), response);
                    return;
                }
            }
        }
        chain.doFilter(request, response);
    }

    /** Strict percent-decoding as UTF-8; {@code plusIsSpace} for query strings (form encoding). */
    static String decode(String encoded, boolean plusIsSpace) throws Undecodable {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(encoded.length());
        for (int i = 0; i < encoded.length(); i++) {
            char c = encoded.charAt(i);
            if (c == '%') {
                if (i + 2 >= encoded.length()) {
                    throw new Undecodable();
                }
                int high = Character.digit(encoded.charAt(i + 1), 16);
                int low = Character.digit(encoded.charAt(i + 2), 16);
                if (high < 0 || low < 0) {
                    throw new Undecodable();
                }
                bytes.write(high << 4 | low);
                i += 2;
            } else if (c > 0xFF) {
                // The container hands the target over as ISO-8859-1; anything beyond cannot have been sent.
                throw new Undecodable();
            } else {
                bytes.write(plusIsSpace && c == '+' ? ' ' : c);
            }
        }
        String text;
        try {
            text = StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes.toByteArray())).toString();
        } catch (CharacterCodingException e) {
            throw new Undecodable();
        }
        if (!CleanTextValidator.isClean(text)) {
            throw new Undecodable();
        }
        return text;
    }
}
