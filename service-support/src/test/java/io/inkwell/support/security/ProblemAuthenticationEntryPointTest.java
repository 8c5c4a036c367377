package io.inkwell.support.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.oauth2.server.resource.InvalidBearerTokenException;

@ExtendWith(OutputCaptureExtension.class)
class ProblemAuthenticationEntryPointTest {

    private static final String TOKEN = "eyJhbGciOiJSUzI1NiJ9.eyJzdWIiOiJzZWNyZXQtc3ViamVjdCJ9.c2lnbmF0dXJl";

    private final ProblemAuthenticationEntryPoint entryPoint = new ProblemAuthenticationEntryPoint();

    @Test
    void logsWhyAndWhereATokenWasRefusedButNeverTheToken(CapturedOutput output) throws Exception {
        MockHttpServletRequest request = new MockHttpServletRequest("POST", "/api/v1/posts");
        request.addHeader("Authorization", "Bearer " + TOKEN);
        MockHttpServletResponse response = new MockHttpServletResponse();

        entryPoint.commence(request, response, new InvalidBearerTokenException("Jwt expired at 2026-01-01T00:00:00Z"));

        assertThat(response.getStatus()).isEqualTo(401);
        assertThat(response.getHeader("WWW-Authenticate")).startsWith("Bearer error=\"invalid_token\"");
        assertThat(response.getContentAsString()).contains("/unauthorized", "invalid or expired");
        assertThat(output).contains("POST /api/v1/posts", "Jwt expired at 2026-01-01T00:00:00Z");
        assertThat(output).doesNotContain(TOKEN).doesNotContain(TOKEN.split("\\.")[1]);
    }

    @Test
    void challengesARequestWithoutATokenPlainly() throws Exception {
        MockHttpServletResponse response = new MockHttpServletResponse();

        entryPoint.commence(new MockHttpServletRequest("GET", "/api/v1/users/me"), response,
                new org.springframework.security.authentication.InsufficientAuthenticationException("Full authentication is required"));

        assertThat(response.getStatus()).isEqualTo(401);
        assertThat(response.getHeader("WWW-Authenticate")).isEqualTo("Bearer");
        assertThat(response.getContentAsString()).contains("needs a bearer access token");
    }

    @Test
    void answersServiceUnavailableWithRetryAfterWhenTheIssuersKeysCannotBeFetched(CapturedOutput output) throws Exception {
        MockHttpServletRequest request = new MockHttpServletRequest("GET", "/api/v1/users/me");
        request.addHeader("Authorization", "Bearer " + TOKEN);
        MockHttpServletResponse response = new MockHttpServletResponse();

        entryPoint.commence(request, response, new IssuerUnavailableException("keys of 'keycloak' cannot be fetched",
                Duration.ofMillis(300), new RuntimeException("connection refused")));

        assertThat(response.getStatus()).isEqualTo(503);
        assertThat(response.getHeader("Retry-After")).isEqualTo("1");
        assertThat(response.getHeader("WWW-Authenticate")).isNull();
        assertThat(response.getContentAsString()).contains("/service-unavailable");
        assertThat(output).contains("GET /api/v1/users/me", "keys of 'keycloak' cannot be fetched").doesNotContain(TOKEN);
    }

    @Test
    void forbidsWithAProblemAndLogsWhoWasDenied(CapturedOutput output) throws Exception {
        MockHttpServletRequest request = new MockHttpServletRequest("DELETE", "/api/v1/dead-letters/x");
        request.setUserPrincipal(() -> "subject-7");
        MockHttpServletResponse response = new MockHttpServletResponse();

        entryPoint.handle(request, response, new AccessDeniedException("Access Denied"));
        entryPoint.handle(new MockHttpServletRequest("GET", "/api/v1/events"), new MockHttpServletResponse(),
                new AccessDeniedException("Access Denied"));

        assertThat(response.getStatus()).isEqualTo(403);
        assertThat(response.getContentAsString()).contains("/forbidden");
        assertThat(output).contains("Denied DELETE /api/v1/dead-letters/x to subject-7", "Denied GET /api/v1/events to anonymous");
    }
}
