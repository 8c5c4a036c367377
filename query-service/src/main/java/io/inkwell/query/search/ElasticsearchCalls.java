package io.inkwell.query.search;

import co.elastic.clients.transport.Endpoint;
import co.elastic.clients.transport.TransportOptions;
import co.elastic.clients.transport.http.TransportHttpClient;
import co.elastic.clients.transport.instrumentation.Instrumentation;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.micrometer.tracing.Span;
import io.micrometer.tracing.Tracer;
import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Every call of the Elasticsearch client, seen through the client's own instrumentation hook: timed as
 * {@code elasticsearch.client.requests} (tags {@code endpoint} such as {@code search} or {@code bulk}, and
 * {@code outcome}), logged when slower than {@code inkwell.observability.slow-elasticsearch} with its method,
 * path and duration but never its body (search words, post texts), and traced as a child of the current span
 * when there is one (a search request, a projection's event or commit).
 */
class ElasticsearchCalls implements Instrumentation {

    private static final Logger slow = LoggerFactory.getLogger("io.inkwell.slow-query.elasticsearch");

    private final MeterRegistry meters;
    private final Tracer tracer;
    private final long thresholdNanos;

    ElasticsearchCalls(MeterRegistry meters, Tracer tracer, Duration threshold) {
        this.meters = meters;
        this.tracer = tracer;
        this.thresholdNanos = threshold.toNanos();
    }

    @Override
    public <T> Context newContext(T request, Endpoint<T, ?, ?> endpoint) {
        // Ids are namespaced ("es/search"); the tag and span name keep the API's own name.
        return new Call(endpoint.id().replaceFirst("^es/", ""));
    }

    private final class Call implements Context {

        private final String endpoint;
        private final long start = System.nanoTime();
        private final Span span;
        private String method = "";
        private String path = "";
        private int status;
        private Throwable failure;

        Call(String endpoint) {
            this.endpoint = endpoint;
            Span parent = tracer.currentSpan();
            this.span = parent == null ? null : tracer.nextSpan(parent).name("elasticsearch " + endpoint)
                    .tag("db.system", "elasticsearch").tag("db.operation", endpoint).start();
        }

        @Override
        public ThreadScope makeCurrent() {
            if (span == null) {
                return () -> { };
            }
            Tracer.SpanInScope scope = tracer.withSpan(span);
            return scope::close;
        }

        @Override
        public void beforeSendingHttpRequest(TransportHttpClient.Request request, TransportOptions options) {
            method = request.method();
            path = request.path();
        }

        @Override
        public void afterReceivingHttpResponse(TransportHttpClient.Response response) {
            status = response.statusCode();
        }

        @Override
        public <R> void afterDecodingApiResponse(R response) {
        }

        @Override
        public void recordException(Throwable thrown) {
            failure = thrown;
        }

        @Override
        public void close() {
            long nanos = System.nanoTime() - start;
            String outcome = failure != null || status >= 500 ? "error" : status >= 400 ? "client_error" : "success";
            Timer.builder("elasticsearch.client.requests").description("Calls of the Elasticsearch client")
                    .tag("endpoint", endpoint).tag("outcome", outcome).register(meters).record(Duration.ofNanos(nanos));
            if (nanos >= thresholdNanos) {
                slow.warn("Slow Elasticsearch request: {} ms, {} {} {} ({}){}", nanos / 1_000_000, endpoint, method, path,
                        status == 0 ? "no answer" : status, failure == null ? "" : ", " + failure);
            }
            if (span != null) {
                if (failure != null) {
                    span.error(failure);
                }
                span.tag("http.response.status_code", Integer.toString(status)).end();
            }
        }
    }
}
