package io.inkwell.query.projection;

import io.inkwell.query.projection.RebuildableReadModel.Generation;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.axonframework.common.AxonThreadFactory;
import org.axonframework.common.jdbc.ConnectionProvider;
import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.config.Configuration;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.EventProcessorSpanFactory;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.axonframework.eventhandling.deadletter.DeadLetteringEventHandlerInvoker;
import org.axonframework.eventhandling.deadletter.jdbc.DeadLetterSchema;
import org.axonframework.eventhandling.TrackingEventProcessor;
import org.axonframework.eventhandling.TrackingEventProcessorConfiguration;
import org.axonframework.monitoring.NoOpMessageMonitor;
import org.axonframework.messaging.StreamableMessageSource;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;

/**
 * Builds, at runtime, the processor that fills a new generation: a tracking processor named
 * {@code <group>.rebuild} reading the event store from its first event, with the live group's segment count,
 * sequencing, dead-letter policy, handler enhancers, error handler and transactions, a dead-letter queue of its
 * own and larger batches. Axon's {@code EventProcessingModule} builds the live ones the same way.
 * <p>
 * Tracking rather than pooled, unlike the live groups: a pooled processor's coordinator hands events to its
 * workers through a queue of at most 1,024 that it counts by walking it for every event, which cost a rebuild
 * a sixth of its time, and which caps its batches near that size whatever the batch size says; a rebuild
 * wants large batches, in which a post's many events fold into one write. And no correlation data: a
 * projection sends no messages that would carry it, and gathering it read every event's metadata.
 */
@Component
class RebuildProcessors {

    static final String SUFFIX = ".rebuild";

    private final Configuration axon;
    private final ProcessorFailures failures;
    private final ConnectionProvider connections;
    private final TransactionManager transactions;
    private final TransactionManager perLetter;
    private final DeadLetterSchema schema;
    private final int batchSize;

    RebuildProcessors(Configuration axon, ProcessorFailures failures, ConnectionProvider connections,
                      TransactionManager transactions, PlatformTransactionManager platform, DeadLetterSchema schema,
                      RebuildSettings settings) {
        this.axon = axon;
        this.failures = failures;
        this.connections = connections;
        this.transactions = transactions;
        this.perLetter = DeadLetterConfig.perLetterTransactions(platform);
        this.schema = schema;
        this.batchSize = settings.batchSize();
    }

    static String nameOf(String group) {
        return group + SUFFIX;
    }

    /** A rebuild processor with the executors it owns; not started. */
    record RebuildProcessor(StreamingEventProcessor processor) {

        void start() {
            processor.start();
        }

        /** Stops the processor (its tokens stay) and its threads. */
        void stop() throws InterruptedException, ExecutionException, TimeoutException {
            processor.shutdownAsync().get(1, TimeUnit.MINUTES);
        }
    }

    RebuildProcessor create(RebuildableReadModel model, Generation generation) {
        String live = model.name();
        String name = nameOf(live);
        EventProcessingConfiguration processing = axon.eventProcessingConfiguration();
        int segments = Math.max(1, processing.tokenStore(live).fetchSegments(live).length);
        List<Object> handlers = model.handlers(generation);
        DeadLetteringEventHandlerInvoker invoker = DeadLetteringEventHandlerInvoker.builder()
                .eventHandlers(handlers)
                .handlerDefinition(axon.handlerDefinition(handlers.getFirst().getClass()))
                .parameterResolverFactory(axon.parameterResolverFactory())
                .sequencingPolicy(processing.sequencingPolicy(live))
                .queue(DeadLetterConfig.queue(name, axon, connections, transactions, schema))
                .enqueuePolicy(processing.deadLetterPolicy(live).orElseThrow(
                        () -> new IllegalStateException("No dead-letter policy for " + live)))
                .transactionManager(perLetter)
                .enableSequenceIdentifierCache()
                .allowReset(true)
                .build();
        TrackingEventProcessor processor = TrackingEventProcessor.builder()
                .name(name)
                .eventHandlerInvoker(invoker)
                .rollbackConfiguration(processing.rollbackConfiguration(live))
                // Keyed by the rebuild's name, so that its failures show apart from the live processor's.
                .errorHandler(failures)
                // No Micrometer monitor: axon-micrometer's capacity and latency monitors keep every measurement of
                // their time window, over a million at a rebuild's pace, and filled a 256 MB heap (the run's own
                // progress, in the admin API and the log, is the rebuild's measure).
                .messageMonitor(NoOpMessageMonitor.INSTANCE)
                .messageSource(axon.eventStore())
                .tokenStore(processing.tokenStore(live))
                .transactionManager(processing.transactionManager(live))
                .trackingEventProcessorConfiguration(TrackingEventProcessorConfiguration
                        .forParallelProcessing(segments)
                        .andInitialSegmentsCount(segments)
                        .andBatchSize(batchSize)
                        .andInitialTrackingToken(StreamableMessageSource::createTailToken)
                        .andThreadFactory(n -> new AxonThreadFactory(name)))
                .spanFactory(axon.getComponent(EventProcessorSpanFactory.class))
                .build();
        processor.registerHandlerInterceptor(failures.successOf(name));
        return new RebuildProcessor(processor);
    }
}
