package io.inkwell.query.projection;

import io.inkwell.query.projection.RebuildableReadModel.Generation;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
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
import org.axonframework.eventhandling.pooled.PooledStreamingEventProcessor;
import org.axonframework.messaging.StreamableMessageSource;
import org.axonframework.messaging.interceptors.CorrelationDataInterceptor;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;

/**
 * Builds, at runtime, the processor that fills a new generation: a pooled streaming processor named
 * {@code <group>.rebuild} reading the event store from its first event, with the live group's segment count,
 * sequencing, dead-letter policy, handler enhancers, error handler and transactions, a dead-letter queue of its
 * own and larger batches. Axon's {@code EventProcessingModule} builds the live ones the same way.
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
    record RebuildProcessor(StreamingEventProcessor processor, ScheduledExecutorService coordinator,
                            ScheduledExecutorService workers) {

        void start() {
            processor.start();
        }

        /** Stops the processor (its tokens stay) and its threads. */
        void stop() throws InterruptedException, ExecutionException, TimeoutException {
            try {
                processor.shutdownAsync().get(1, TimeUnit.MINUTES);
            } finally {
                coordinator.shutdownNow();
                workers.shutdownNow();
            }
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
        ScheduledExecutorService coordinator = Executors.newScheduledThreadPool(1, new AxonThreadFactory("Coordinator[" + name + "]"));
        ScheduledExecutorService workers = Executors.newScheduledThreadPool(segments, new AxonThreadFactory("WorkPackage[" + name + "]"));
        PooledStreamingEventProcessor processor = PooledStreamingEventProcessor.builder()
                .name(name)
                .eventHandlerInvoker(invoker)
                .rollbackConfiguration(processing.rollbackConfiguration(live))
                // Keyed by the rebuild's name, so that its failures show apart from the live processor's.
                .errorHandler(failures)
                .messageMonitor(processing.messageMonitor(PooledStreamingEventProcessor.class, name))
                .messageSource(axon.eventStore())
                .tokenStore(processing.tokenStore(live))
                .transactionManager(processing.transactionManager(live))
                .coordinatorExecutor(coordinator)
                .workerExecutor(workers)
                .initialSegmentCount(segments)
                .maxClaimedSegments(segments)
                .initialToken(StreamableMessageSource::createTailToken)
                .batchSize(batchSize)
                .spanFactory(axon.getComponent(EventProcessorSpanFactory.class))
                .build();
        processor.registerHandlerInterceptor(new CorrelationDataInterceptor<>(axon.correlationDataProviders()));
        processor.registerHandlerInterceptor(failures.successOf(name));
        return new RebuildProcessor(processor, coordinator, workers);
    }
}
