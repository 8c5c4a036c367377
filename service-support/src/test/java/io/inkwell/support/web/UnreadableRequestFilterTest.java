package io.inkwell.support.web;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.mock.web.MockFilterChain;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;

class UnreadableRequestFilterTest {

    private final UnreadableRequestFilter filter = new UnreadableRequestFilter();

    @ParameterizedTest
    @ValueSource(strings = {"x=%00", "x=%ED%A0%80", "x=%FF", "x=%", "x=%4", "x=%zz", "x=%1F", "ok=1&x=a%00b"})
    void refusesAParameterValueThatIsNotCleanTextNamingIt(String query) throws Exception {
        MockHttpServletResponse response = run("GET", "/api/v1/posts", query, null);
        assertThat(response.getStatus()).isEqualTo(400);
        assertThat(response.getContentType()).isEqualTo("application/problem+json");
        assertThat(response.getContentAsString()).contains("validation-failed", "\"field\":\"x\"");
    }

    @ParameterizedTest
    @ValueSource(strings = {"/api/v1/posts/%00", "/api/v1/posts/%ED%A0%80", "/api/v1/posts/%FF", "/api/v1/posts/%",
            "/api/v1/posts/%0A"})
    void refusesAPathThatIsNotCleanText(String path) throws Exception {
        MockHttpServletResponse response = run("GET", path, null, null);
        assertThat(response.getStatus()).isEqualTo(400);
        assertThat(response.getContentAsString()).contains("malformed-request");
    }

    @ParameterizedTest
    @ValueSource(strings = {"=value", "%00=1", "%FF"})
    void refusesAQueryStringWhoseNamesCannotBeRead(String query) throws Exception {
        assertThat(run("GET", "/api/v1/posts", query, null).getContentAsString()).contains("malformed-request");
    }

    @ParameterizedTest
    @ValueSource(strings = {"TRACE", "PATCH", "CONNECT", "FOO"})
    void refusesMethodsNoEndpointTakes(String method) throws Exception {
        MockHttpServletResponse response = run(method, "/api/v1/posts", null, null);
        assertThat(response.getStatus()).isEqualTo(405);
        assertThat(response.getHeader("Allow")).contains("GET", "POST");
    }

    @ParameterizedTest
    @ValueSource(strings = {"garbage", "*/*;q=abc", "application/"})
    void refusesAnAcceptHeaderThatDoesNotParse(String accept) throws Exception {
        MockHttpServletResponse response = run("GET", "/api/v1/posts", null, accept);
        assertThat(response.getStatus()).isEqualTo(406);
        assertThat(response.getContentAsString()).contains("http-406");
    }

    @ParameterizedTest
    @ValueSource(strings = {"*/*", "application/*", "garbage", ";;;", "\u00ff/\u00fe", "application/json; charset=\""})
    void refusesAContentTypeThatIsNoConcreteMediaType(String contentType) throws Exception {
        MockHttpServletRequest request = new MockHttpServletRequest("GET", "/actuator/health");
        request.setContentType(contentType);
        MockHttpServletResponse response = new MockHttpServletResponse();
        filter.doFilter(request, response, new MockFilterChain());
        assertThat(response.getStatus()).isEqualTo(415);
    }

    @Test
    void passesCleanRequestsOn() throws Exception {
        assertPassed("GET", "/api/v1/posts/caf%C3%A9", "q=%22read+models%22&tag=%E2%9C%93&empty=&flag&&",
                "application/json, */*;q=0.5", null);
    }

    @Test
    void passesSpacesDigitsAndAConcreteOrBlankContentType() throws Exception {
        assertPassed("GET", "/api/v1/posts/a%20b", "x=%30%39&y=%7E", null, null);
        assertPassed("POST", "/api/v1/posts", null, null, "application/json; charset=UTF-8");
        assertPassed("POST", "/api/v1/posts", null, null, "  ");
    }

    @Test
    void refusesCharactersThatCannotHaveBeenSentUnencoded() throws Exception {
        // The container hands the target over as ISO-8859-1: U+0151 would be taken for "Q" if not refused.
        MockHttpServletResponse response = run("GET", "/api/v1/posts", "x=\u0151", null);
        assertThat(response.getStatus()).isEqualTo(400);
        assertThat(response.getContentAsString()).contains("\"field\":\"x\"");
    }

    @Test
    void refusesAnEscapeWhoseFirstDigitIsNoHexDigitEvenIfTheBytesWouldFormACharacter() throws Exception {
        assertThat(run("GET", "/api/v1/posts", "x=%G0%9F%98%80", null).getStatus()).isEqualTo(400);
    }

    @Test
    void namesAParameterAsFormEncodingSpellsIt() throws Exception {
        assertThat(run("GET", "/api/v1/posts", "my+name=%00", null).getContentAsString()).contains("\"field\":\"my name\"");
    }

    private void assertPassed(String method, String path, String query, String accept, String contentType) throws Exception {
        MockHttpServletRequest request = new MockHttpServletRequest(method, path);
        request.setQueryString(query);
        if (accept != null) {
            request.addHeader("Accept", accept);
        }
        if (contentType != null) {
            request.setContentType(contentType);
        }
        MockFilterChain chain = new MockFilterChain();
        MockHttpServletResponse response = new MockHttpServletResponse();
        filter.doFilter(request, response, chain);
        assertThat(response.getContentAsString()).isEmpty();
        assertThat(chain.getRequest()).as("the request went on to the endpoint").isNotNull();
    }

    private MockHttpServletResponse run(String method, String path, String query, String accept) throws Exception {
        MockHttpServletRequest request = new MockHttpServletRequest(method, path);
        request.setQueryString(query);
        if (accept != null) {
            request.addHeader("Accept", accept);
        }
        MockHttpServletResponse response = new MockHttpServletResponse();
        filter.doFilter(request, response, new MockFilterChain());
        return response;
    }
}
