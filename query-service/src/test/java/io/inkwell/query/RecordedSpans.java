package io.inkwell.query;

import io.opentelemetry.sdk.common.CompletableResultCode;
import io.opentelemetry.sdk.trace.data.SpanData;
import io.opentelemetry.sdk.trace.export.SpanExporter;
import java.util.Collection;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import org.springframework.boot.test.context.TestConfiguration;

/**
 * The spans query-service exports, kept in memory so that tests can look for a trace: Spring Boot hands every
 * {@link SpanExporter} bean to the OpenTelemetry SDK, as it would the OTLP exporter.
 */
@TestConfiguration(proxyBeanMethods = false)
public class RecordedSpans implements SpanExporter {

    private final Queue<SpanData> spans = new ConcurrentLinkedQueue<>();

    /** Every span that ended, in the order they did. */
    public List<SpanData> all() {
        return List.copyOf(spans);
    }

    public List<SpanData> ofTrace(String traceId) {
        return spans.stream().filter(span -> span.getTraceId().equals(traceId)).toList();
    }

    @Override
    public CompletableResultCode export(Collection<SpanData> finished) {
        spans.addAll(finished);
        return CompletableResultCode.ofSuccess();
    }

    @Override
    public CompletableResultCode flush() {
        return CompletableResultCode.ofSuccess();
    }

    @Override
    public CompletableResultCode shutdown() {
        return CompletableResultCode.ofSuccess();
    }
}
