package io.inkwell.support.observability;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.tracing.Span;
import io.micrometer.tracing.Tracer;
import io.micrometer.tracing.otel.bridge.OtelCurrentTraceContext;
import io.micrometer.tracing.otel.bridge.OtelPropagator;
import io.micrometer.tracing.otel.bridge.OtelTracer;
import io.opentelemetry.api.trace.propagation.W3CTraceContextPropagator;
import io.opentelemetry.context.propagation.ContextPropagators;
import io.opentelemetry.sdk.OpenTelemetrySdk;
import io.opentelemetry.sdk.trace.SdkTracerProvider;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The trace context in and out of a message's metadata, on the real OpenTelemetry bridge. */
class TraceContextTest {

    private static final String TRACE_ID = "4bf92f3577b34da6a3ce929d0e0e4736";
    private static final String PARENT_ID = "00f067aa0ba902b7";

    private final OpenTelemetrySdk otel = OpenTelemetrySdk.builder()
            .setTracerProvider(SdkTracerProvider.builder().build())
            .setPropagators(ContextPropagators.create(W3CTraceContextPropagator.getInstance()))
            .build();
    private final Tracer tracer = new OtelTracer(otel.getTracer("test"), new OtelCurrentTraceContext(), event -> { });
    private final TraceContext traces = new TraceContext(tracer, new OtelPropagator(otel.getPropagators(),
            otel.getTracer("test")));

    @Test
    void carriesNothingOutsideASpan() {
        assertThat(traces.current()).isEmpty();
    }

    @Test
    void carriesTheCurrentSpansTraceparentAndNoOtherField() {
        Span request = tracer.nextSpan().name("request").start();
        try (Tracer.SpanInScope ignored = tracer.withSpan(request)) {
            Map<String, String> fields = traces.current();

            assertThat(fields).containsKey(TraceContext.TRACEPARENT);
            assertThat(fields.get(TraceContext.TRACEPARENT))
                    .isEqualTo("00-" + request.context().traceId() + "-" + request.context().spanId() + "-01");
            assertThat(Set.of(TraceContext.TRACEPARENT, "tracestate")).containsAll(fields.keySet());
        } finally {
            request.end();
        }
    }

    @Test
    void startsASpanInTheTraceThatAMessageCarries() {
        Span child = traces.startChild("project PostPublishedEvent", Map.of(
                TraceContext.TRACEPARENT, new StringBuilder("00-" + TRACE_ID + "-" + PARENT_ID + "-01"),
                "correlationId", 42L));
        try {
            assertThat(child.context().traceId()).isEqualTo(TRACE_ID);
            assertThat(child.context().parentId()).isEqualTo(PARENT_ID);
        } finally {
            child.end();
        }
    }

    @Test
    void startsANewTraceForAMessageWithoutOne() {
        Span child = traces.startChild("project PostPublishedEvent", Map.of("correlationId", "c-1"));
        try {
            assertThat(child.context().traceId()).isNotEmpty().isNotEqualTo(TRACE_ID);
            assertThat(child.context().parentId()).isNull();
        } finally {
            child.end();
        }
    }
}
