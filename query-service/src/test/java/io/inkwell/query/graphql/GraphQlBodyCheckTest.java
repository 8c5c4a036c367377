package io.inkwell.query.graphql;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.inkwell.support.web.RequestSizeLimitFilter;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.BufferedReader;
import java.io.UnsupportedEncodingException;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockFilterChain;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.util.unit.DataSize;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A {@code POST /graphql} whose body is JSON {@code null} is refused as malformed (Spring for GraphQL would fail
 * with a 500); every other request reaches the handler with its body intact.
 */
class GraphQlBodyCheckTest {

    private static final String QUERY = "{\"query\":\"{ posts { totalCount } }\"}";

    private final AtomicReference<ServletRequest> handled = new AtomicReference<>();
    private final MockHttpServletResponse response = new MockHttpServletResponse();

    @Test
    void refusesAJsonNullBodyAsAMalformedRequest() throws Exception {
        filter(post("/graphql", " null "));

        assertThat(handled).hasNullValue();
        assertThat(response.getStatus()).isEqualTo(400);
        JsonNode problem = JsonMapper.shared().readTree(response.getContentAsByteArray());
        assertThat(problem.get("type").asString()).endsWith("/malformed-request");
        assertThat(problem.get("detail").asString()).contains("JSON object with a query");
    }

    @Test
    void refusesItAlsoOnAPathWithDoubledSlashes() throws Exception {
        filter(post("//graphql", "null"));

        assertThat(handled).hasNullValue();
        assertThat(response.getStatus()).isEqualTo(400);
    }

    @Test
    void passesAQueryOnWithItsBodyReadableAgain() throws Exception {
        filter(post("/graphql", QUERY));

        assertThat(response.getStatus()).isEqualTo(200);
        ServletInputStream body = ((HttpServletRequest) handled.get()).getInputStream();
        assertThat(body.isReady()).isTrue();
        assertThat(body.isFinished()).isFalse();
        assertThat(body.read()).isEqualTo('{');
        byte[] rest = new byte[QUERY.length()];
        int read = body.read(rest, 0, rest.length);
        assertThat(new String(rest, 0, read, StandardCharsets.UTF_8)).isEqualTo(QUERY.substring(1));
        assertThat(body.isFinished()).isTrue();
        assertThat(body.read()).isEqualTo(-1);
        assertThatThrownBy(() -> body.setReadListener(null)).isInstanceOf(UnsupportedOperationException.class);
    }

    @Test
    void hasTheBodyAlsoForAReaderInTheRequestsEncoding() throws Exception {
        String latin = "{\"query\":\"{ search(q: \\\"caf\u00e9\\\") { totalCount } }\"}";
        MockHttpServletRequest request = post("/graphql", "");
        request.setContent(latin.getBytes(StandardCharsets.ISO_8859_1));
        request.setCharacterEncoding("ISO-8859-1");
        filter(request);

        try (BufferedReader reader = handled.get().getReader()) {
            assertThat(reader.readLine()).isEqualTo(latin);
        }
    }

    @Test
    void readsTheBodyAsUtf8WhenNoEncodingIsGiven() throws Exception {
        String query = "{\"query\":\"{ search(q: \\\"caf\u00e9\\\") { totalCount } }\"}";
        MockHttpServletRequest request = new MockHttpServletRequest("POST", "/graphql");
        request.setServletPath("/graphql");
        request.setContentType("application/json");
        request.setContent(query.getBytes(StandardCharsets.UTF_8));
        filter(request);

        try (BufferedReader reader = handled.get().getReader()) {
            assertThat(reader.readLine()).isEqualTo(query);
        }
    }

    @Test
    void saysSoWhenTheRequestsEncodingIsUnknown() throws Exception {
        MockHttpServletRequest request = post("/graphql", QUERY);
        request.setCharacterEncoding("x-no-such-charset");
        filter(request);

        assertThatThrownBy(() -> handled.get().getReader()).isInstanceOf(UnsupportedEncodingException.class)
                .hasMessage("x-no-such-charset");
    }

    @Test
    void leavesBodiesThatAreNotJsonToSpringForGraphQl() throws Exception {
        filter(post("/graphql", "{ posts }"));

        assertThat(handled).doesNotHaveNullValue();
        assertThat(response.getStatus()).isEqualTo(200);
    }

    @Test
    void leavesOtherMethodsAndPathsAlone() throws Exception {
        MockHttpServletRequest get = new MockHttpServletRequest("GET", "/graphql");
        get.setServletPath("/graphql");
        get.setContent("null".getBytes(StandardCharsets.UTF_8));
        filter(get);
        assertThat(handled.get()).isSameAs(get);

        MockHttpServletRequest elsewhere = post("/api/v1/posts", "null");
        filter(elsewhere);
        assertThat(handled.get()).isSameAs(elsewhere);
        assertThat(response.getStatus()).isEqualTo(200);
    }

    @Test
    void answers413WhenAChunkedBodyTurnsOutTooLarge() throws Exception {
        MockHttpServletRequest chunked = new MockHttpServletRequest("POST", "/graphql") {
            @Override
            public long getContentLengthLong() {
                return -1;
            }

            @Override
            public int getContentLength() {
                return -1;
            }
        };
        chunked.setServletPath("/graphql");
        chunked.setContent(QUERY.getBytes(StandardCharsets.UTF_8));

        new MockFilterChain(handler(), new RequestSizeLimitFilter(DataSize.ofBytes(10)),
                new GraphQlBodyCheck()).doFilter(chunked, response);

        assertThat(handled).hasNullValue();
        assertThat(response.getStatus()).isEqualTo(413);
        assertThat(response.getContentAsString()).contains("request-too-large", "at most 10 bytes");
    }

    private void filter(MockHttpServletRequest request) throws Exception {
        handled.set(null);
        new MockFilterChain(handler(), new GraphQlBodyCheck()).doFilter(request, response);
    }

    /** Spring for GraphQL's place in the chain: it keeps the request it was handed. */
    private HttpServlet handler() {
        return new HttpServlet() {
            @Override
            protected void service(HttpServletRequest request, HttpServletResponse ignored) {
                handled.set(request);
            }
        };
    }

    private static MockHttpServletRequest post(String path, String body) {
        MockHttpServletRequest request = new MockHttpServletRequest("POST", path);
        request.setServletPath(path);
        request.setContentType("application/json");
        request.setCharacterEncoding("UTF-8");
        request.setContent(body.getBytes(StandardCharsets.UTF_8));
        return request;
    }
}
