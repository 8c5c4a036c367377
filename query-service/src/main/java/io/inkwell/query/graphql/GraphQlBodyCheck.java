package io.inkwell.query.graphql;

import io.inkwell.support.web.Problem;
import io.inkwell.support.web.RequestSizeLimitFilter.RequestTooLargeException;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.BufferedReader;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UnsupportedEncodingException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Refuses a {@code POST /graphql} whose body is JSON {@code null} with 400 {@code malformed-request}: Spring for
 * GraphQL reads it as no request at all and fails with a NullPointerException, a 500. Every other body goes on
 * unchanged (read once here, kept for the handler), and Spring for GraphQL judges it as before. The size limit
 * has already applied (service-support's RequestSizeLimitFilter runs first).
 */
@Component
class GraphQlBodyCheck extends OncePerRequestFilter {

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        // The servlet path is decoded and without path parameters, as the handler mapping sees it.
        return !"POST".equals(request.getMethod()) || !"/graphql".equals(request.getServletPath().replaceAll("/+", "/"));
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        byte[] body;
        try {
            body = request.getInputStream().readAllBytes();
        } catch (RequestTooLargeException e) {
            Problem.REQUEST_TOO_LARGE.write(response, e.getMessage());
            return;
        }
        if (isJsonNull(body)) {
            Problem.MALFORMED_REQUEST.write(response, "The body must be a GraphQL request: a JSON object with a query");
            return;
        }
        chain.doFilter(new ReadAgain(request, body), response);
    }

    private static boolean isJsonNull(byte[] body) {
        try {
            JsonNode json = JsonMapper.shared().readTree(body);
            return json != null && json.isNull();
        } catch (JacksonException notJson) {
            // Spring for GraphQL refuses it in its own words.
            return false;
        }
    }

    /** The request with its body, already read, to read again. */
    private static final class ReadAgain extends HttpServletRequestWrapper {

        private final byte[] body;

        ReadAgain(HttpServletRequest request, byte[] body) {
            super(request);
            this.body = body;
        }

        @Override
        public ServletInputStream getInputStream() {
            ByteArrayInputStream bytes = new ByteArrayInputStream(body);
            return new ServletInputStream() {
                @Override
                public int read() {
                    return bytes.read();
                }

                @Override
                public int read(byte[] buffer, int offset, int length) {
                    return bytes.read(buffer, offset, length);
                }

                @Override
                public boolean isFinished() {
                    return bytes.available() == 0;
                }

                @Override
                public boolean isReady() {
                    return true;
                }

                @Override
                public void setReadListener(ReadListener listener) {
                    throw new UnsupportedOperationException("The body has been read already");
                }
            };
        }

        @Override
        public BufferedReader getReader() throws UnsupportedEncodingException {
            String encoding = getCharacterEncoding();
            try {
                return new BufferedReader(new InputStreamReader(new ByteArrayInputStream(body),
                        encoding == null ? StandardCharsets.UTF_8 : Charset.forName(encoding)));
            } catch (IllegalArgumentException unknown) {
                throw new UnsupportedEncodingException(encoding);
            }
        }
    }
}
