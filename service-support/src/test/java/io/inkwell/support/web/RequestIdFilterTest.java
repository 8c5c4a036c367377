package io.inkwell.support.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.UUID;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.slf4j.MDC;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;

class RequestIdFilterTest {

    private final RequestIdFilter filter = new RequestIdFilter();

    @Test
    void keepsAPlausibleIdOfTheClientInTheAnswerAndInTheLogsWhileTheRequestRuns() throws Exception {
        AtomicReference<String> logged = new AtomicReference<>();

        MockHttpServletResponse response = send("trace-42.a:b_c", logged);

        assertThat(response.getHeader(RequestIdFilter.HEADER)).isEqualTo("trace-42.a:b_c");
        assertThat(logged.get()).isEqualTo("trace-42.a:b_c");
        assertThat(MDC.get(RequestIdFilter.MDC_KEY)).as("gone from the logs after the request").isNull();
    }

    @Test
    void generatesAnIdWhenTheClientSendsNone() throws Exception {
        AtomicReference<String> logged = new AtomicReference<>();

        String generated = send(null, logged).getHeader(RequestIdFilter.HEADER);

        assertThat(UUID.fromString(generated)).isNotNull();
        assertThat(logged.get()).isEqualTo(generated);
        assertThat(send(null, new AtomicReference<>()).getHeader(RequestIdFilter.HEADER)).isNotEqualTo(generated);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "has space", "semi;colon", "line\nbreak", "ünïcode"})
    void replacesAnIdThatCouldForgeLogLines(String id) throws Exception {
        String answered = send(id, new AtomicReference<>()).getHeader(RequestIdFilter.HEADER);

        assertThat(answered).isNotEqualTo(id);
        assertThat(UUID.fromString(answered)).isNotNull();
    }

    @Test
    void acceptsUpTo64CharactersAndNoMore() throws Exception {
        String longest = "a".repeat(64);

        assertThat(send(longest, new AtomicReference<>()).getHeader(RequestIdFilter.HEADER)).isEqualTo(longest);
        assertThat(send(longest + "a", new AtomicReference<>()).getHeader(RequestIdFilter.HEADER)).hasSize(36);
    }

    private MockHttpServletResponse send(String requestId, AtomicReference<String> logged) throws Exception {
        MockHttpServletRequest request = new MockHttpServletRequest("GET", "/api/v1/posts");
        if (requestId != null) {
            request.addHeader(RequestIdFilter.HEADER, requestId);
        }
        MockHttpServletResponse response = new MockHttpServletResponse();
        filter.doFilter(request, response, (req, res) -> logged.set(MDC.get(RequestIdFilter.MDC_KEY)));
        return response;
    }
}
