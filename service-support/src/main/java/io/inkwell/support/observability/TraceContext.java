package io.inkwell.support.observability;

import io.micrometer.tracing.Span;
import io.micrometer.tracing.Tracer;
import io.micrometer.tracing.propagation.Propagator;
import java.util.HashMap;
import java.util.Map;

/**
 * The current trace context as W3C Trace Context fields ({@code traceparent}, and {@code tracestate} when there
 * is one), to carry it in a message's metadata, and the way back: a span whose parent is the context a message
 * carries. That is how a projection's handling of an event joins the trace of the request that caused it.
 */
public class TraceContext {

    /** The metadata key of the W3C trace context, as the HTTP header is named. */
    public static final String TRACEPARENT = "traceparent";

    private final Tracer tracer;
    private final Propagator propagator;

    public TraceContext(Tracer tracer, Propagator propagator) {
        this.tracer = tracer;
        this.propagator = propagator;
    }

    /** The fields that carry the current span's context, sampled or not; empty outside any span. */
    public Map<String, String> current() {
        Span span = tracer.currentSpan();
        // An unsampled span records nothing but still has its ids: passing them on keeps the logs of both services
        // joined by one trace id whatever the sampling.
        if (span == null || span.context().traceId().isEmpty()) {
            return Map.of();
        }
        Map<String, String> fields = new HashMap<>();
        propagator.inject(span.context(), fields, Map::put);
        fields.keySet().retainAll(propagator.fields());
        return fields;
    }

    /** Starts a span as a child of the context in {@code carrier} (a message's metadata); the caller ends it. */
    public Span startChild(String name, Map<String, ?> carrier) {
        return propagator.extract(carrier, (fields, key) -> {
            Object value = fields.get(key);
            return value == null ? null : value.toString();
        }).name(name).kind(Span.Kind.CONSUMER).start();
    }

    public Tracer tracer() {
        return tracer;
    }
}
