package io.inkwell.query.projection;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.inkwell.api.post.PostPublishedEvent;
import io.inkwell.api.post.PostUnpublishedEvent;
import io.inkwell.query.RecordedSpans;
import io.inkwell.support.observability.ObservabilityProperties;
import io.inkwell.support.observability.TraceContext;
import io.micrometer.tracing.Span;
import io.micrometer.tracing.Tracer;
import io.micrometer.tracing.otel.bridge.OtelCurrentTraceContext;
import io.micrometer.tracing.otel.bridge.OtelPropagator;
import io.micrometer.tracing.otel.bridge.OtelTracer;
import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.trace.StatusCode;
import io.opentelemetry.api.trace.propagation.W3CTraceContextPropagator;
import io.opentelemetry.context.propagation.ContextPropagators;
import io.opentelemetry.sdk.OpenTelemetrySdk;
import io.opentelemetry.sdk.trace.SdkTracerProvider;
import io.opentelemetry.sdk.trace.data.SpanData;
import io.opentelemetry.sdk.trace.export.SimpleSpanProcessor;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.axonframework.config.Configuration;
import org.axonframework.config.Configurer;
import org.axonframework.config.DefaultConfigurer;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.GenericEventMessage;
import org.axonframework.eventhandling.PropagatingErrorHandler;
import org.axonframework.eventhandling.SimpleEventBus;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.support.StaticListableBeanFactory;
import org.springframework.core.NestedExceptionUtils;

/**
 * A projection's handling of an event joins the trace whose context the event's metadata carries, and the batch's
 * commit gets a span of its own in that trace; old events and processors that are not projections start no span.
 * Run on a real Axon configuration with subscribing processors and the real OpenTelemetry bridge.
 */
class ProjectionTracingTest {

    private static final String TRACE_ID = "4bf92f3577b34da6a3ce929d0e0e4736";
    private static final String REQUEST_SPAN = "00f067aa0ba902b7";
    private static final Map<String, String> TRACED = Map.of(TraceContext.TRACEPARENT,
            "00-" + TRACE_ID + "-" + REQUEST_SPAN + "-01");

    private final RecordedSpans spans = new RecordedSpans();
    private final OpenTelemetrySdk otel = OpenTelemetrySdk.builder()
            .setTracerProvider(SdkTracerProvider.builder().addSpanProcessor(SimpleSpanProcessor.create(spans)).build())
            .setPropagators(ContextPropagators.create(W3CTraceContextPropagator.getInstance()))
            .build();
    private final Tracer tracer = new OtelTracer(otel.getTracer("test"), new OtelCurrentTraceContext(), event -> { });
    private final TraceContext traces = new TraceContext(tracer, new OtelPropagator(otel.getPropagators(),
            otel.getTracer("test")));
    private final PostsProjection posts = new PostsProjection();
    private final RebuildProjection rebuild = new RebuildProjection();
    private Configuration axon;

    @AfterEach
    void shutDown() {
        if (axon != null) {
            axon.shutdown();
        }
    }

    @Test
    void projectsATracedEventInsideASpanOfTheRequestsTrace() {
        start(traces);
        EventMessage<?> event = GenericEventMessage.asEventMessage(new PostPublishedEvent("p-1")).andMetaData(TRACED);

        axon.eventBus().publish(event);

        SpanData projected = only("project PostPublishedEvent");
        assertThat(projected.getTraceId()).isEqualTo(TRACE_ID);
        assertThat(projected.getParentSpanId()).isEqualTo(REQUEST_SPAN);
        assertThat(projected.getAttributes().get(AttributeKey.stringKey("inkwell.processing_group"))).isEqualTo("posts");
        assertThat(projected.getAttributes().get(AttributeKey.stringKey("inkwell.event_id"))).isEqualTo(event.getIdentifier());
        assertThat(posts.during).singleElement().satisfies(span -> {
            assertThat(span).as("current while the handler runs").isNotNull();
            assertThat(span.context().spanId()).isEqualTo(projected.getSpanId());
        });
        assertThat(tracer.currentSpan()).as("nothing left current after the batch").isNull();
    }

    @Test
    void theBatchsCommitHasASpanAfterItsFirstTracedEvent() {
        start(traces);

        axon.eventBus().publish(GenericEventMessage.asEventMessage(new PostPublishedEvent("p-1")).andMetaData(TRACED),
                GenericEventMessage.asEventMessage(new PostUnpublishedEvent("p-1")).andMetaData(TRACED));

        SpanData commit = only("commit posts");
        assertThat(commit.getTraceId()).isEqualTo(TRACE_ID);
        assertThat(commit.getParentSpanId()).isEqualTo(only("project PostPublishedEvent").getSpanId());
        assertThat(commit.getAttributes().get(AttributeKey.stringKey("inkwell.processing_group"))).isEqualTo("posts");
        assertThat(commit.getStatus().getStatusCode()).isNotEqualTo(StatusCode.ERROR);
        assertThat(posts.atCommit).as("what the batch writes at commit belongs to the commit's span").singleElement()
                .satisfies(span -> assertThat(span.context().spanId()).isEqualTo(commit.getSpanId()));
        assertThat(tracer.currentSpan()).isNull();
    }

    @Test
    void aFailedHandlingOrCommitMarksItsSpan() {
        start(traces);
        posts.failOn = "p-bad";
        assertThatThrownBy(() -> axon.eventBus().publish(
                GenericEventMessage.asEventMessage(new PostPublishedEvent("p-bad")).andMetaData(TRACED)))
                .satisfies(e -> assertThat(NestedExceptionUtils.getMostSpecificCause(e)).hasMessage("refused p-bad"));
        assertThat(only("project PostPublishedEvent").getStatus().getStatusCode()).isEqualTo(StatusCode.ERROR);
        assertThat(named("commit posts")).as("nothing was committed").isEmpty();

        posts.failOn = null;
        posts.failCommit = true;
        assertThatThrownBy(() -> axon.eventBus().publish(
                GenericEventMessage.asEventMessage(new PostUnpublishedEvent("p-1")).andMetaData(TRACED)))
                .satisfies(e -> assertThat(NestedExceptionUtils.getMostSpecificCause(e)).hasMessage("bulk request refused"));
        SpanData commit = only("commit posts");
        assertThat(commit.getStatus().getStatusCode()).isEqualTo(StatusCode.ERROR);
        assertThat(commit.hasEnded()).isTrue();
        assertThat(tracer.currentSpan()).isNull();
    }

    @Test
    void startsNoSpanForAnEventWithoutTraceOrOlderThanTheLimit() {
        start(traces);
        Instant old = Instant.now().minus(Duration.ofMinutes(3));

        axon.eventBus().publish(GenericEventMessage.asEventMessage(new PostPublishedEvent("p-1")),
                new GenericEventMessage<>("e-old", new PostUnpublishedEvent("p-1"), TRACED, old));

        assertThat(posts.during).hasSize(2).containsOnlyNulls();
        assertThat(spans.all()).isEmpty();
    }

    @Test
    void tracesAnEventYoungerThanTheLimit() {
        start(traces);

        axon.eventBus().publish(new GenericEventMessage<>("e-recent", new PostUnpublishedEvent("p-1"), TRACED,
                Instant.now().minus(Duration.ofSeconds(100))));

        assertThat(only("project PostUnpublishedEvent").getTraceId()).isEqualTo(TRACE_ID);
    }

    @Test
    void tracesOnlyTheProjectionsProcessors() {
        start(traces);

        axon.eventBus().publish(GenericEventMessage.asEventMessage(new PostPublishedEvent("p-1")).andMetaData(TRACED));

        assertThat(rebuild.during).singleElement().isNull();
        assertThat(named("project PostPublishedEvent")).hasSize(1);
        assertThat(named("commit posts-rebuild")).isEmpty();
    }

    @Test
    void withoutTracingEventsAreProjectedAsBefore() {
        start(null);

        axon.eventBus().publish(GenericEventMessage.asEventMessage(new PostPublishedEvent("p-1")).andMetaData(TRACED));

        assertThat(posts.during).singleElement().isNull();
        assertThat(spans.all()).isEmpty();
    }

    private void start(TraceContext available) {
        StaticListableBeanFactory beans = new StaticListableBeanFactory();
        if (available != null) {
            beans.addBean("traceContext", available);
        }
        Configurer configurer = DefaultConfigurer.defaultConfiguration(false)
                .configureEventBus(config -> SimpleEventBus.builder().build());
        configurer.eventProcessing(processing -> processing.usingSubscribingEventProcessors()
                .registerDefaultListenerInvocationErrorHandler(config -> PropagatingErrorHandler.instance())
                .registerEventHandler(config -> posts)
                .registerEventHandler(config -> rebuild));
        new ProjectionTracing().projectionTraces(new ProjectionGroups(List.of("posts")),
                        beans.getBeanProvider(TraceContext.class),
                        new ObservabilityProperties(Duration.ofMillis(500), Duration.ofMillis(500), Duration.ofMinutes(2)))
                .configureModule(configurer);
        axon = configurer.start();
    }

    private SpanData only(String name) {
        return named(name).stream().reduce((a, b) -> {
            throw new AssertionError("more than one span " + name);
        }).orElseThrow(() -> new AssertionError("no span " + name + " in " + spans.all()));
    }

    private List<SpanData> named(String name) {
        return spans.all().stream().filter(span -> span.getName().equals(name)).toList();
    }

    @ProcessingGroup("posts")
    final class PostsProjection {

        final List<Span> during = new ArrayList<>();
        final List<Span> atCommit = new ArrayList<>();
        String failOn;
        boolean failCommit;

        @EventHandler
        void on(PostPublishedEvent event) {
            handled(event.postId());
        }

        @EventHandler
        void on(PostUnpublishedEvent event) {
            handled(event.postId());
        }

        private void handled(String postId) {
            during.add(tracer.currentSpan());
            if (postId.equals(failOn)) {
                throw new IllegalArgumentException("refused " + postId);
            }
            CurrentUnitOfWork.get().root().resources().computeIfAbsent("test.commit", key -> {
                CurrentUnitOfWork.get().root().onPrepareCommit(work -> {
                    atCommit.add(tracer.currentSpan());
                    if (failCommit) {
                        throw new IllegalStateException("bulk request refused");
                    }
                });
                return Boolean.TRUE;
            });
        }
    }

    @ProcessingGroup("posts-rebuild")
    final class RebuildProjection {

        final List<Span> during = new ArrayList<>();

        @EventHandler
        void on(PostPublishedEvent event) {
            during.add(tracer.currentSpan());
        }
    }
}
