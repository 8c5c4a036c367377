package io.inkwell.support.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import jakarta.servlet.ServletInputStream;
import jakarta.servlet.ServletRequest;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockFilterChain;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.util.unit.DataSize;

class RequestSizeLimitFilterTest {

    private final RequestSizeLimitFilter filter = new RequestSizeLimitFilter(DataSize.ofBytes(10));

    @Test
    void refusesABodyAnnouncedAsTooLargeBeforeAnythingReadsIt() throws Exception {
        MockHttpServletRequest request = post(new byte[11]);
        MockHttpServletResponse response = new MockHttpServletResponse();
        MockFilterChain chain = new MockFilterChain();

        filter.doFilter(request, response, chain);

        assertThat(chain.getRequest()).isNull();
        assertThat(response.getStatus()).isEqualTo(413);
        assertThat(response.getContentType()).isEqualTo("application/problem+json");
        assertThat(response.getContentAsString()).contains("request-too-large", "at most 10 bytes");
    }

    @Test
    void passesABodyOfExactlyTheLimitWhole() throws Exception {
        ServletRequest passed = pass(post("0123456789".getBytes()));

        assertThat(passed.getInputStream().readAllBytes()).asString().isEqualTo("0123456789");
    }

    @Test
    void stopsAChunkedBodyAsSoonAsItGrowsPastTheLimit() throws Exception {
        ServletRequest passed = pass(chunked(new byte[11]));
        ServletInputStream body = passed.getInputStream();

        assertThatThrownBy(body::readAllBytes).isInstanceOf(RequestSizeLimitFilter.RequestTooLargeException.class)
                .hasMessageContaining("at most 10 bytes");
    }

    @Test
    void countsBytesReadOneAtATimeToo() throws Exception {
        ServletInputStream body = pass(chunked(new byte[11])).getInputStream();
        for (int i = 0; i < 10; i++) {
            assertThat(body.read()).isZero();
        }
        assertThatThrownBy(body::read).isInstanceOf(RequestSizeLimitFilter.RequestTooLargeException.class);
    }

    @Test
    void readsAChunkedBodyWithinTheLimitToItsEnd() throws Exception {
        ServletInputStream body = pass(chunked("0123456789".getBytes())).getInputStream();
        assertThat(body.isFinished()).isFalse();

        assertThat(body.readAllBytes()).hasSize(10);
        assertThat(body.read()).isEqualTo(-1);
        assertThat(body.isFinished()).isTrue();
        assertThat(body.isReady()).isTrue();
    }

    private ServletRequest pass(MockHttpServletRequest request) throws Exception {
        MockFilterChain chain = new MockFilterChain();
        filter.doFilter(request, new MockHttpServletResponse(), chain);
        assertThat(chain.getRequest()).isNotNull();
        // The same stream every time, so that the count covers everything that is read.
        assertThat(chain.getRequest().getInputStream()).isSameAs(chain.getRequest().getInputStream());
        return chain.getRequest();
    }

    private static MockHttpServletRequest post(byte[] body) {
        MockHttpServletRequest request = new MockHttpServletRequest("POST", "/api/v1/posts");
        request.setContent(body);
        return request;
    }

    /** A body without Content-Length, as chunked transfer encoding sends it. */
    private static MockHttpServletRequest chunked(byte[] body) {
        MockHttpServletRequest request = new MockHttpServletRequest("POST", "/api/v1/posts") {
            @Override
            public long getContentLengthLong() {
                return -1;
            }

            @Override
            public int getContentLength() {
                return -1;
            }
        };
        request.setContent(body);
        return request;
    }
}
