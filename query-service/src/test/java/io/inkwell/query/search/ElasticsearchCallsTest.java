package io.inkwell.query.search;

import static org.assertj.core.api.Assertions.assertThat;

import co.elastic.clients.elasticsearch.core.BulkRequest;
import co.elastic.clients.elasticsearch.core.SearchRequest;
import co.elastic.clients.transport.http.TransportHttpClient;
import co.elastic.clients.transport.instrumentation.Instrumentation;
import co.elastic.clients.util.BinaryData;
import io.inkwell.query.RecordedSpans;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.micrometer.tracing.Span;
import io.micrometer.tracing.Tracer;
import io.micrometer.tracing.otel.bridge.OtelCurrentTraceContext;
import io.micrometer.tracing.otel.bridge.OtelTracer;
import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.trace.StatusCode;
import io.opentelemetry.sdk.OpenTelemetrySdk;
import io.opentelemetry.sdk.trace.SdkTracerProvider;
import io.opentelemetry.sdk.trace.data.SpanData;
import io.opentelemetry.sdk.trace.export.SimpleSpanProcessor;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

/**
 * Calls of the Elasticsearch client are timed by endpoint and outcome, slow ones logged without their body, and
 * traced as children of the span that made them.
 */
@ExtendWith(OutputCaptureExtension.class)
class ElasticsearchCallsTest {

    private static final SearchRequest SEARCH = SearchRequest.of(s -> s.index("posts").q("private words"));

    private final SimpleMeterRegistry meters = new SimpleMeterRegistry();
    private final RecordedSpans spans = new RecordedSpans();
    private final OpenTelemetrySdk otel = OpenTelemetrySdk.builder()
            .setTracerProvider(SdkTracerProvider.builder().addSpanProcessor(SimpleSpanProcessor.create(spans)).build())
            .build();
    private final Tracer tracer = new OtelTracer(otel.getTracer("test"), new OtelCurrentTraceContext(), event -> { });

    @Test
    void aSlowCallIsLoggedWithItsPathAndDurationButNotItsBody(CapturedOutput output) {
        ElasticsearchCalls calls = new ElasticsearchCalls(meters, Tracer.NOOP, Duration.ZERO);

        try (Instrumentation.Context call = calls.newContext(SEARCH, SearchRequest._ENDPOINT)) {
            call.beforeSendingHttpRequest(new TransportHttpClient.Request("POST", "/posts/_search", Map.of(), Map.of(),
                    List.of(ByteBuffer.wrap("{\"query\":\"private words\"}".getBytes(StandardCharsets.UTF_8)))), null);
            call.afterReceivingHttpResponse(answer(200));
        }

        assertThat(output.getOut())
                .containsPattern("Slow Elasticsearch request: \\d{1,5} ms, search POST /posts/_search \\(200\\)\\R")
                .doesNotContain("private words");
        assertThat(meters.get("elasticsearch.client.requests").tag("endpoint", "search").tag("outcome", "success")
                .timer().count()).isEqualTo(1);
    }

    @Test
    void aSlowCallWithoutAnAnswerSaysSoAndWhatFailed(CapturedOutput output) {
        ElasticsearchCalls calls = new ElasticsearchCalls(meters, Tracer.NOOP, Duration.ZERO);

        try (Instrumentation.Context call = calls.newContext(SEARCH, SearchRequest._ENDPOINT)) {
            call.beforeSendingHttpRequest(new TransportHttpClient.Request("POST", "/posts/_search", Map.of(), Map.of(),
                    List.of()), null);
            call.recordException(new java.net.ConnectException("Connection refused"));
        }

        assertThat(output.getOut()).contains("search POST /posts/_search (no answer), java.net.ConnectException: "
                + "Connection refused");
    }

    @Test
    void aFailedCallCountsAsAnErrorAndAFastOneIsNotLogged(CapturedOutput output) {
        ElasticsearchCalls calls = new ElasticsearchCalls(meters, Tracer.NOOP, Duration.ofMinutes(1));

        try (Instrumentation.Context call = calls.newContext(SEARCH, SearchRequest._ENDPOINT)) {
            call.recordException(new java.net.ConnectException("refused"));
        }

        assertThat(meters.get("elasticsearch.client.requests").tag("outcome", "error").timer().count()).isEqualTo(1);
        assertThat(output.getOut()).doesNotContain("Slow Elasticsearch request");
    }

    @Test
    void theOutcomeFollowsTheStatusOfTheAnswer() {
        ElasticsearchCalls calls = new ElasticsearchCalls(meters, Tracer.NOOP, Duration.ofMinutes(1));

        for (int status : new int[] {200, 399, 400, 499, 500, 503}) {
            try (Instrumentation.Context call = calls.newContext(SEARCH, SearchRequest._ENDPOINT)) {
                call.afterDecodingApiResponse(null);
                call.afterReceivingHttpResponse(answer(status));
            }
        }

        assertThat(count("search", "success")).isEqualTo(2);
        assertThat(count("search", "client_error")).isEqualTo(2);
        assertThat(count("search", "error")).isEqualTo(2);
    }

    @Test
    void namesTheEndpointWithoutItsNamespace() {
        ElasticsearchCalls calls = new ElasticsearchCalls(meters, Tracer.NOOP, Duration.ofMinutes(1));
        BulkRequest bulk = BulkRequest.of(b -> b.index("posts").operations(List.of()));

        calls.newContext(bulk, BulkRequest._ENDPOINT).close();

        assertThat(count("bulk", "success")).isEqualTo(1);
    }

    @Test
    void aCallInsideASpanIsTracedAsItsChild() {
        ElasticsearchCalls calls = new ElasticsearchCalls(meters, tracer, Duration.ofMinutes(1));
        Span request = tracer.nextSpan().name("GET /api/v1/search/posts").start();
        try (Tracer.SpanInScope ignored = tracer.withSpan(request)) {
            try (Instrumentation.Context call = calls.newContext(SEARCH, SearchRequest._ENDPOINT)) {
                try (Instrumentation.ThreadScope scope = call.makeCurrent()) {
                    assertThat(tracer.currentSpan().context().parentId()).as("the call's span is current while it runs")
                            .isEqualTo(request.context().spanId());
                }
                assertThat(tracer.currentSpan().context().spanId()).isEqualTo(request.context().spanId());
                call.afterReceivingHttpResponse(answer(404));
            }
        } finally {
            request.end();
        }

        SpanData call = spans.all().stream()
                .filter(span -> span.getName().equals("elasticsearch search")).findFirst().orElseThrow();
        assertThat(call.getParentSpanId()).isEqualTo(request.context().spanId());
        assertThat(call.getAttributes().get(AttributeKey.stringKey("db.system"))).isEqualTo("elasticsearch");
        assertThat(call.getAttributes().get(AttributeKey.stringKey("db.operation"))).isEqualTo("search");
        assertThat(call.getAttributes().get(AttributeKey.stringKey("http.response.status_code"))).isEqualTo("404");
        assertThat(call.getStatus().getStatusCode()).isNotEqualTo(StatusCode.ERROR);
        assertThat(call.hasEnded()).isTrue();
    }

    @Test
    void aFailedCallMarksItsSpanAsAnError() {
        ElasticsearchCalls calls = new ElasticsearchCalls(meters, tracer, Duration.ofMinutes(1));
        Span request = tracer.nextSpan().name("commit post-search").start();
        try (Tracer.SpanInScope ignored = tracer.withSpan(request)) {
            try (Instrumentation.Context call = calls.newContext(SEARCH, SearchRequest._ENDPOINT)) {
                call.recordException(new java.net.ConnectException("refused"));
            }
        } finally {
            request.end();
        }

        SpanData call = spans.all().stream()
                .filter(span -> span.getName().equals("elasticsearch search")).findFirst().orElseThrow();
        assertThat(call.getStatus().getStatusCode()).isEqualTo(StatusCode.ERROR);
        assertThat(call.getAttributes().get(AttributeKey.stringKey("http.response.status_code"))).isEqualTo("0");
    }

    @Test
    void aCallOutsideAnySpanStartsNoTrace() {
        ElasticsearchCalls calls = new ElasticsearchCalls(meters, tracer, Duration.ofMinutes(1));

        try (Instrumentation.Context call = calls.newContext(SEARCH, SearchRequest._ENDPOINT)) {
            try (Instrumentation.ThreadScope scope = call.makeCurrent()) {
                assertThat(tracer.currentSpan()).isNull();
            }
            call.afterReceivingHttpResponse(answer(200));
        }

        assertThat(spans.all()).isEmpty();
        assertThat(count("search", "success")).isEqualTo(1);
    }

    private long count(String endpoint, String outcome) {
        var timer = meters.find("elasticsearch.client.requests").tag("endpoint", endpoint).tag("outcome", outcome).timer();
        return timer == null ? 0 : timer.count();
    }

    private static TransportHttpClient.Response answer(int status) {
        return new TransportHttpClient.Response() {
            @Override
            public TransportHttpClient.Node node() {
                return null;
            }

            @Override
            public int statusCode() {
                return status;
            }

            @Override
            public String header(String name) {
                return null;
            }

            @Override
            public List<String> headers(String name) {
                return List.of();
            }

            @Override
            public BinaryData body() {
                return null;
            }

            @Override
            public Object originalResponse() {
                return null;
            }

            @Override
            public void close() {
            }
        };
    }
}
