package io.inkwell.query.projection;

import org.axonframework.common.jdbc.ConnectionProvider;
import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.config.Configuration;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.deadletter.jdbc.DeadLetterSchema;
import org.axonframework.messaging.deadletter.SequencedDeadLetterQueue;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/**
 * The dead-letter queue of a read model's rebuild, for a projection that parks events itself (the search index
 * parks a document Elasticsearch refuses at its bulk write). At the switch the rebuild's letters replace the live
 * ones, so a rebuild that skipped such an event instead would lose it.
 */
@Component
public class RebuildDeadLetters {

    // Resolved late: Axon's configuration is built after the projections that ask for it.
    private final ObjectProvider<Configuration> axon;
    private final ConnectionProvider connections;
    private final TransactionManager transactions;
    private final DeadLetterSchema schema;

    RebuildDeadLetters(ObjectProvider<Configuration> axon, ConnectionProvider connections, TransactionManager transactions,
                       DeadLetterSchema schema) {
        this.axon = axon;
        this.connections = connections;
        this.transactions = transactions;
        this.schema = schema;
    }

    /** The queue the rebuild of the read model {@code readModel} parks in. */
    public SequencedDeadLetterQueue<EventMessage<?>> of(String readModel) {
        return DeadLetterConfig.queue(RebuildProcessors.nameOf(readModel), axon.getObject(), connections, transactions,
                schema);
    }
}
