package io.inkwell.support.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.web.cors.CorsConfiguration;

class ProblemCorsProcessorTest {

    @Test
    void refusesAnotherOriginWithAProblemAndKeepsTheVaryHeaders() throws Exception {
        CorsConfiguration allowed = new CorsConfiguration();
        allowed.setAllowedOrigins(List.of("https://app.inkwell.example"));
        allowed.setAllowedMethods(List.of("GET"));
        MockHttpServletRequest request = new MockHttpServletRequest("GET", "/api/v1/posts");
        request.setServerName("api.inkwell.example");
        request.addHeader("Origin", "https://evil.example");
        MockHttpServletResponse response = new MockHttpServletResponse();

        boolean passed = new ProblemCorsProcessor().processRequest(allowed, request, response);

        assertThat(passed).isFalse();
        assertThat(response.getStatus()).isEqualTo(403);
        assertThat(response.getContentType()).isEqualTo("application/problem+json");
        assertThat(response.getContentAsString()).contains("/cors-origin-refused", "This origin may not call the API");
        assertThat(response.getHeaders("Vary")).contains("Origin");
        assertThat(response.getHeader("Access-Control-Allow-Origin")).isNull();
    }
}
