package io.inkwell.query.search;

import static org.assertj.core.api.Assertions.assertThat;

import co.elastic.clients.elasticsearch.core.SearchRequest;
import co.elastic.clients.transport.http.TransportHttpClient;
import co.elastic.clients.transport.instrumentation.Instrumentation;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.micrometer.tracing.Tracer;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

/** Calls of the Elasticsearch client are timed by endpoint and outcome, and slow ones logged without their body. */
@ExtendWith(OutputCaptureExtension.class)
class ElasticsearchCallsTest {

    private final SimpleMeterRegistry meters = new SimpleMeterRegistry();

    @Test
    void aSlowCallIsLoggedWithItsPathAndDurationButNotItsBody(CapturedOutput output) {
        ElasticsearchCalls calls = new ElasticsearchCalls(meters, Tracer.NOOP, Duration.ZERO);
        SearchRequest search = SearchRequest.of(s -> s.index("posts").q("private words"));

        try (Instrumentation.Context call = calls.newContext(search, SearchRequest._ENDPOINT)) {
            call.beforeSendingHttpRequest(new TransportHttpClient.Request("POST", "/posts/_search", Map.of(), Map.of(),
                    List.of(ByteBuffer.wrap("{\"query\":\"private words\"}".getBytes(StandardCharsets.UTF_8)))), null);
        }

        assertThat(output.getOut()).containsPattern("Slow Elasticsearch request: \\d+ ms, search POST /posts/_search")
                .doesNotContain("private words");
        assertThat(meters.get("elasticsearch.client.requests").tag("endpoint", "search").timer().count()).isEqualTo(1);
    }

    @Test
    void aFailedCallCountsAsAnErrorAndAFastOneIsNotLogged(CapturedOutput output) {
        ElasticsearchCalls calls = new ElasticsearchCalls(meters, Tracer.NOOP, Duration.ofMinutes(1));
        SearchRequest search = SearchRequest.of(s -> s.index("posts"));

        try (Instrumentation.Context call = calls.newContext(search, SearchRequest._ENDPOINT)) {
            call.recordException(new java.net.ConnectException("refused"));
        }

        assertThat(meters.get("elasticsearch.client.requests").tag("outcome", "error").timer().count()).isEqualTo(1);
        assertThat(output.getOut()).doesNotContain("Slow Elasticsearch request");
    }
}
