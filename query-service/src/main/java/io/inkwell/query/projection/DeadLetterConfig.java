package io.inkwell.query.projection;

import java.time.Clock;
import org.axonframework.common.jdbc.ConnectionProvider;
import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.config.ConfigurerModule;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.deadletter.jdbc.DeadLetterSchema;
import org.axonframework.eventhandling.deadletter.jdbc.JdbcSequencedDeadLetterQueue;
import org.axonframework.messaging.deadletter.SequencedDeadLetterQueue;
import org.axonframework.spring.messaging.unitofwork.SpringTransactionManager;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.DefaultTransactionDefinition;

/**
 * Every processing group gets Axon's sequenced dead-letter queue, in PostgreSQL ({@code query.dead_letter_entry},
 * created by Flyway). A poison event is parked with the later events of its own aggregate only; the
 * other aggregates flow on. Which failures park an event is {@link DeadLetterPolicy}'s decision.
 */
@Configuration(proxyBeanMethods = false)
class DeadLetterConfig {

    static final String TABLE = "query.dead_letter_entry";

    @Bean
    static DeadLetterSchema deadLetterSchema() {
        return DeadLetterSchema.builder()
                .deadLetterTable(TABLE)
                .deadLetterIdentifierColumn("dead_letter_id")
                .processingGroupColumn("processing_group")
                .sequenceIdentifierColumn("sequence_identifier")
                .sequenceIndexColumn("sequence_index")
                .messageTypeColumn("message_type")
                .eventIdentifierColumn("event_identifier")
                .timestampColumn("time_stamp")
                .payloadTypeColumn("payload_type")
                .payloadRevisionColumn("payload_revision")
                .payloadColumn("payload")
                .metaDataColumn("meta_data")
                .aggregateTypeColumn("aggregate_type")
                .aggregateIdentifierColumn("aggregate_identifier")
                .sequenceNumberColumn("sequence_number")
                .tokenTypeColumn("token_type")
                .tokenColumn("token")
                .enqueuedAtColumn("enqueued_at")
                .lastTouchedColumn("last_touched")
                .processingStartedColumn("processing_started")
                .causeTypeColumn("cause_type")
                .causeMessageColumn("cause_message")
                .diagnosticsColumn("diagnostics")
                .build();
    }

    @Bean
    ProcessorFailures processorFailures() {
        return new ProcessorFailures(Clock.systemUTC());
    }

    @Bean
    ConfigurerModule deadLetterQueues(ProjectionGroups groups, ConnectionProvider connections,
                                      TransactionManager transactions, PlatformTransactionManager platform,
                                      DeadLetterSchema schema, IsolatedEventHandlers handlers,
                                      ProcessorFailures failures,
                                      @Value("${inkwell.projections.unexplained-failure-attempts:5}") int batchAttempts) {
        TransactionManager perLetter = perLetterTransactions(platform);
        DeadLetterPolicy policy = new DeadLetterPolicy(handlers.attempts(), batchAttempts);
        return configurer -> configurer.eventProcessing(processing -> {
            processing.registerDefaultErrorHandler(config -> failures);
            for (String group : groups.names()) {
                // Queue operations join the batch's transaction: a letter is parked exactly when the batch
                // that met it commits its token. Registered per group, as that wins over any provider that
                // Axon's auto-configuration registers for groups without "dlq.enabled".
                processing.registerDeadLetterQueue(group,
                        config -> queue(group, config, connections, transactions, schema));
                processing.registerDeadLetterPolicy(group, config -> policy);
                processing.registerDeadLetteringEventHandlerInvokerConfiguration(group, (config, invoker) -> invoker
                        .transactionManager(perLetter)
                        // Remembers which aggregates have no dead letters, instead of asking the table per event.
                        .enableSequenceIdentifierCache()
                        // A replay rebuilds the read model from every event, the parked ones included.
                        .allowReset(true));
                processing.registerHandlerInterceptor(group, config -> failures.successOf(group));
            }
        });
    }

    /**
     * Retrying a dead letter runs each letter in a transaction of its own: a letter that fails again rolls back
     * alone, and the queue still records the new attempt and cause in the outer transaction.
     */
    static TransactionManager perLetterTransactions(PlatformTransactionManager platform) {
        return new SpringTransactionManager(platform,
                new DefaultTransactionDefinition(TransactionDefinition.PROPAGATION_REQUIRES_NEW));
    }

    /** The dead-letter queue of one processing group (a live one, or a rebuild's). */
    static SequencedDeadLetterQueue<EventMessage<?>> queue(String group, org.axonframework.config.Configuration config,
                                                          ConnectionProvider connections,
                                                          TransactionManager transactions, DeadLetterSchema schema) {
        return JdbcSequencedDeadLetterQueue.builder()
                .processingGroup(group)
                .connectionProvider(connections)
                .transactionManager(transactions)
                .schema(schema)
                .genericSerializer(config.serializer())
                .eventSerializer(config.eventSerializer())
                // Parking is the safety net: a full queue would stall the projection it protects.
                .maxSequences(Integer.MAX_VALUE)
                .maxSequenceSize(Integer.MAX_VALUE)
                .build();
    }
}
