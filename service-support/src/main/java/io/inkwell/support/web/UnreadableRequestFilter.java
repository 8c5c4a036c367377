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
import java.util.Enumeration;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Refuses what cannot be read before anything else reads it. A path or query string that does not decode
 * to clean text (percent-encoded UTF-8 without NUL, other control characters or unpaired surrogates) is
 * 400 {@code validation-failed} naming the parameter, or {@code malformed-request} for the path: Tomcat
 * would decode such bytes leniently (or drop the parameter), and the text would reach PostgreSQL, which
 * refuses NUL. A method that no endpoint takes is 405. A {@code Content-Type} that does not parse, or
 * names no concrete type, is 415 (Spring's request headers throw on {@code *}{@code /*}, even on a GET).
 * An {@code Accept} header that does not parse is 406: Spring MVC would fail on it only while writing
 * the answer, and then send none.
 */
@Order(Ordered.HIGHEST_PRECEDENCE + 2)
public class UnreadableRequestFilter extends OncePerRequestFilter {

    /** Every method that some endpoint of either service takes, or that HTTP needs (HEAD, OPTIONS). */
    private static final Set<String> METHODS = new LinkedHashSet<>(List.of("GET", "HEAD", "POST", "PUT", "DELETE", "OPTIONS"));

    /** A percent-encoded text that is not UTF-8, or decodes to text that is not clean. */
    static final class Undecodable extends Exception {
        Undecodable() {
            super(null, null, false, false);
        }
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        if (!METHODS.contains(request.getMethod())) {
            // TRACE above all: Tomcat refuses it on its own, and its error dispatch then answers without a body.
            response.setHeader(HttpHeaders.ALLOW, String.join(", ", METHODS));
            Problem.METHOD_NOT_ALLOWED.write(response, "No endpoint takes " + request.getMethod() + " requests");
            return;
        }
        try {
            if (decode(request.getRequestURI(), false).chars().anyMatch(c -> c < 0x20)) {
                // No id, slug or route has a line break or tab in it either.
                throw new Undecodable();
            }
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
        if (!readableContentType(request.getContentType())) {
            Problem.UNSUPPORTED_MEDIA_TYPE.write(response, "The Content-Type header cannot be read");
            return;
        }
        if (!acceptable(request)) {
            Problem.NOT_ACCEPTABLE.write(response, "The Accept header cannot be read");
            return;
        }
        chain.doFilter(request, response);
    }

    /** Absent, or one concrete media type: Spring's request headers refuse a wildcard with an exception. */
    private static boolean readableContentType(String contentType) {
        if (contentType == null || contentType.isBlank()) {
            return true;
        }
        try {
            return MediaType.parseMediaType(contentType).isConcrete();
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    private static boolean acceptable(HttpServletRequest request) {
        Enumeration<String> accepts = request.getHeaders(HttpHeaders.ACCEPT);
        try {
            while (accepts != null && accepts.hasMoreElements()) {
                MediaType.parseMediaTypes(accepts.nextElement());
            }
            return true;
        } catch (IllegalArgumentException e) {
            // InvalidMediaTypeException, and whatever a quality value that is no number throws
            return false;
        }
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
