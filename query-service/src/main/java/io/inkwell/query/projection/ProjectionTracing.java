package io.inkwell.query.projection;

import io.inkwell.support.observability.ObservabilityProperties;
import io.inkwell.support.observability.TraceContext;
import io.micrometer.tracing.Span;
import io.micrometer.tracing.Tracer;
import java.time.Duration;
import java.time.Instant;
import org.axonframework.config.ConfigurerModule;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.messaging.InterceptorChain;
import org.axonframework.messaging.MessageHandlerInterceptor;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Puts each projection's handling of an event into the trace of the request that caused it: command-service
 * stores the request's {@code traceparent} in the event's metadata, and here each handled event gets a span
 * ({@code project <EventType>}) whose parent is that context, so its SQL and Elasticsearch calls, and its log
 * lines (trace and span ids in the MDC), belong to the same trace. The batch's commit (the search projection's
 * bulk request, the transaction with its token) gets a span too, parented to the batch's first traced event.
 * Events older than {@code inkwell.observability.event-trace-age-limit} start no span: a replay of old events
 * would only add late spans to traces that ended long ago. Rebuild processors are not traced for that reason.
 */
@Configuration(proxyBeanMethods = false)
class ProjectionTracing {

    private static final Logger log = LoggerFactory.getLogger(ProjectionTracing.class);
    private static final String COMMIT_SPAN = ProjectionTracing.class.getName() + ".commit";

    @Bean
    ConfigurerModule projectionTraces(ProjectionGroups groups, ObjectProvider<TraceContext> traces,
                                      ObservabilityProperties properties) {
        TraceContext trace = traces.getIfAvailable();
        if (trace == null) {
            return configurer -> { };
        }
        return configurer -> configurer.eventProcessing(processing -> groups.names().forEach(group ->
                processing.registerHandlerInterceptor(group,
                        config -> new Interceptor(group, trace, properties.eventTraceAgeLimit()))));
    }

    private record Interceptor(String group, TraceContext trace, Duration ageLimit)
            implements MessageHandlerInterceptor<EventMessage<?>> {

        @Override
        public Object handle(UnitOfWork<? extends EventMessage<?>> unitOfWork, InterceptorChain chain) throws Exception {
            EventMessage<?> event = unitOfWork.getMessage();
            if (!event.getMetaData().containsKey(TraceContext.TRACEPARENT)
                    || event.getTimestamp().isBefore(Instant.now().minus(ageLimit))) {
                return chain.proceed();
            }
            Tracer tracer = trace.tracer();
            Span span = trace.startChild("project " + event.getPayloadType().getSimpleName(), event.getMetaData())
                    .tag("inkwell.processing_group", group).tag("inkwell.event_id", event.getIdentifier());
            traceCommit(unitOfWork, tracer, span);
            try (Tracer.SpanInScope ignored = tracer.withSpan(span)) {
                log.debug("Projecting {} {} into {}", event.getPayloadType().getSimpleName(), event.getIdentifier(), group);
                return chain.proceed();
            } catch (Exception | Error e) {
                span.error(e);
                throw e;
            } finally {
                span.end();
            }
        }

        /**
         * The batch's commit runs after every event's span has ended, on the same thread: a span current from the
         * start of commit until clean-up covers what the batch writes then.
         */
        private void traceCommit(UnitOfWork<?> unitOfWork, Tracer tracer, Span first) {
            UnitOfWork<?> root = unitOfWork.root();
            if (root.resources().putIfAbsent(COMMIT_SPAN, Boolean.TRUE) != null) {
                return;
            }
            Span[] commit = new Span[1];
            Tracer.SpanInScope[] scope = new Tracer.SpanInScope[1];
            root.onPrepareCommit(work -> {
                commit[0] = tracer.nextSpan(first).name("commit " + group).tag("inkwell.processing_group", group).start();
                scope[0] = tracer.withSpan(commit[0]);
            });
            root.onRollback(work -> {
                if (commit[0] != null && work.getExecutionResult() != null && work.getExecutionResult().isExceptionResult()) {
                    commit[0].error(work.getExecutionResult().getExceptionResult());
                }
            });
            root.onCleanup(work -> {
                if (scope[0] != null) {
                    scope[0].close();
                    commit[0].end();
                }
            });
        }
    }
}
