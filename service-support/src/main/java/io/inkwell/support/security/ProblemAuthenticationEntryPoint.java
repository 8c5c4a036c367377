package io.inkwell.support.security;

import io.inkwell.support.web.Problem;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.access.AccessDeniedHandler;

/**
 * 401 and 403 as RFC 9457 problem details, with the {@code WWW-Authenticate} challenge that bearer-token
 * clients expect; 503 with {@code Retry-After} when a token cannot be checked because its issuer's keys
 * cannot be fetched (the token may well be good). Tokens are never logged; the reason and path are.
 */
public class ProblemAuthenticationEntryPoint implements AuthenticationEntryPoint, AccessDeniedHandler {

    private static final Logger log = LoggerFactory.getLogger(ProblemAuthenticationEntryPoint.class);

    @Override
    public void commence(HttpServletRequest request, HttpServletResponse response, AuthenticationException failure)
            throws IOException {
        if (failure instanceof IssuerUnavailableException unavailable) {
            log.info("Could not check the token of {} {}: {}", request.getMethod(), request.getRequestURI(),
                    failure.getMessage());
            response.setHeader(HttpHeaders.RETRY_AFTER, String.valueOf(Math.max(1, unavailable.retryAfter().toSeconds())));
            Problem.SERVICE_UNAVAILABLE.write(response,
                    "The token's issuer cannot be reached to fetch its signing keys; try again shortly");
            return;
        }
        log.info("Unauthenticated request to {} {}: {}", request.getMethod(), request.getRequestURI(), failure.getMessage());
        boolean tokenSent = request.getHeader(HttpHeaders.AUTHORIZATION) != null;
        response.setHeader(HttpHeaders.WWW_AUTHENTICATE, tokenSent
                ? "Bearer error=\"invalid_token\", error_description=\"The access token is invalid or expired\""
                : "Bearer");
        Problem.UNAUTHORIZED.write(response,
                tokenSent ? "The access token is invalid or expired" : "This request needs a bearer access token");
    }

    @Override
    public void handle(HttpServletRequest request, HttpServletResponse response, AccessDeniedException denied)
            throws IOException {
        log.info("Denied {} {} to {}", request.getMethod(), request.getRequestURI(),
                request.getUserPrincipal() == null ? "anonymous" : request.getUserPrincipal().getName());
        Problem.FORBIDDEN.write(response, "Your roles do not allow this request");
    }
}
