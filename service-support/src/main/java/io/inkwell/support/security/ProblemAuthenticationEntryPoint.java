package io.inkwell.support.security;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import io.inkwell.support.web.ProblemTypes;
import java.io.IOException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.access.AccessDeniedHandler;

/**
 * 401 and 403 as RFC 9457 problem details, with the {@code WWW-Authenticate} challenge that bearer-token
 * clients expect. Tokens are never logged; the reason and path are.
 */
public class ProblemAuthenticationEntryPoint implements AuthenticationEntryPoint, AccessDeniedHandler {

    private static final Logger log = LoggerFactory.getLogger(ProblemAuthenticationEntryPoint.class);

    @Override
    public void commence(HttpServletRequest request, HttpServletResponse response, AuthenticationException failure)
            throws IOException {
        log.info("Unauthenticated request to {} {}: {}", request.getMethod(), request.getRequestURI(), failure.getMessage());
        boolean tokenSent = request.getHeader("Authorization") != null;
        response.setHeader("WWW-Authenticate", tokenSent
                ? "Bearer error=\"invalid_token\", error_description=\"The access token is invalid or expired\""
                : "Bearer");
        write(response, HttpStatus.UNAUTHORIZED, "unauthorized",
                tokenSent ? "The access token is invalid or expired" : "This request needs a bearer access token");
    }

    @Override
    public void handle(HttpServletRequest request, HttpServletResponse response, AccessDeniedException denied)
            throws IOException {
        log.info("Denied {} {} to {}", request.getMethod(), request.getRequestURI(),
                request.getUserPrincipal() == null ? "anonymous" : request.getUserPrincipal().getName());
        write(response, HttpStatus.FORBIDDEN, "forbidden", "Your roles do not allow this request");
    }

    private static void write(HttpServletResponse response, HttpStatus status, String code, String detail)
            throws IOException {
        response.setStatus(status.value());
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        response.getWriter().write("""
                {"type":"%s","title":"%s","status":%d,"detail":"%s"}"""
                .formatted(ProblemTypes.uri(code), status.getReasonPhrase(), status.value(), detail));
    }
}
