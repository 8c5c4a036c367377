package io.inkwell.support.axon;

import java.time.Duration;
import javax.sql.DataSource;
import org.axonframework.common.jdbc.ConnectionProvider;
import org.axonframework.common.jdbc.PersistenceExceptionResolver;
import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.eventhandling.tokenstore.TokenStore;
import org.axonframework.eventhandling.tokenstore.jdbc.JdbcTokenStore;
import org.axonframework.eventhandling.tokenstore.jdbc.TokenSchema;
import org.axonframework.eventsourcing.eventstore.EmbeddedEventStore;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.axonframework.eventsourcing.eventstore.jdbc.EventSchema;
import org.axonframework.eventsourcing.eventstore.jdbc.JdbcEventStorageEngine;
import org.axonframework.serialization.Serializer;
import org.axonframework.spring.jdbc.SpringDataSourceConnectionProvider;
import org.axonframework.spring.messaging.unitofwork.SpringTransactionManager;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.context.annotation.Bean;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.transaction.PlatformTransactionManager;

/**
 * Axon's JDBC storage engine on PostgreSQL, in tables that command-service's Flyway migrations own; each
 * service keeps its processors' tokens in a table of its own ({@code inkwell.axon.token-table}). Names are
 * snake_case so that analysts can query them without quoting; payloads are JSON in {@code bytea}.
 * <p>
 * Axon's own JDBC auto-configuration waits for a DataSource bean by the package names of Spring Boot 3 and
 * so never applies on Boot 4; these beans are the ones it would have made. Events, uniqueness claims and
 * idempotency records share one Spring transaction through {@link SpringTransactionManager}.
 */
@AutoConfiguration(beforeName = {"org.axonframework.springboot.autoconfig.AxonAutoConfiguration",
        "org.axonframework.springboot.autoconfig.TransactionAutoConfiguration",
        "org.axonframework.springboot.autoconfig.NoOpTransactionAutoConfiguration",
        "org.axonframework.springboot.autoconfig.JdbcAutoConfiguration",
        "org.axonframework.springboot.autoconfig.JpaAutoConfiguration",
        "org.axonframework.springboot.autoconfig.JpaEventStoreAutoConfiguration",
        "org.axonframework.springboot.autoconfig.EventProcessingAutoConfiguration"})
public class PostgresEventStoreAutoConfiguration {

    @Bean
    TransactionManager axonTransactionManager(PlatformTransactionManager transactions) {
        return new SpringTransactionManager(transactions);
    }

    @Bean
    ConnectionProvider connectionProvider(DataSource dataSource) {
        return new SpringDataSourceConnectionProvider(dataSource);
    }

    /** A lost race between two appends to one aggregate is a ConcurrencyException (409/412), not a 500. */
    @Bean
    PersistenceExceptionResolver persistenceExceptionResolver() {
        return new UniqueViolations();
    }

    /** Not with Axon Server, which then stores the events itself. */
    @Bean
    @ConditionalOnProperty(name = "axon.axonserver.enabled", havingValue = "false")
    EventStorageEngine eventStorageEngine(Serializer serializer, @Qualifier("eventSerializer") Serializer eventSerializer,
                                          PersistenceExceptionResolver exceptions, ConnectionProvider connections,
                                          TransactionManager transactions, EventSchema schema,
                                          org.axonframework.config.Configuration axon,
                                          @Value("${inkwell.axon.fetch-batch-size:1000}") int fetchBatchSize) {
        // Axon reads 100 events per query by default: a processor catching up on a long history (a rebuild,
        // a new deployment) then spends most of its time on round trips. A tailing processor is unaffected:
        // one query returns whatever has arrived.
        return new PostgresEventStorageEngine(JdbcEventStorageEngine.builder()
                .batchSize(fetchBatchSize)
                .snapshotSerializer(serializer)
                .eventSerializer(eventSerializer)
                .upcasterChain(axon.upcasterChain())
                .snapshotFilter(axon.snapshotFilter())
                .persistenceExceptionResolver(exceptions)
                .connectionProvider(connections)
                .transactionManager(transactions)
                .schema(schema));
    }

    /**
     * Events appended by another process (command-service, for query-service) are found by polling; Axon's
     * default of a second would make every read model lag by up to that much.
     */
    @Bean
    @ConditionalOnProperty(name = "axon.axonserver.enabled", havingValue = "false")
    EmbeddedEventStore eventStore(EventStorageEngine storageEngine,
                                  @Value("${inkwell.axon.poll-interval:100ms}") Duration pollInterval) {
        return EmbeddedEventStore.builder().storageEngine(storageEngine).fetchDelay(pollInterval.toMillis()).build();
    }

    /**
     * A claim not extended for {@code inkwell.axon.token-claim-timeout} may be taken by another instance: that is
     * how the segments of an instance that died move to the survivors (Axon's default, 10 s).
     */
    @Bean
    TokenStore tokenStore(ConnectionProvider connections, Serializer serializer, TokenSchema schema,
                          @Value("${inkwell.axon.token-claim-timeout:10s}") Duration claimTimeout) {
        return JdbcTokenStore.builder().connectionProvider(connections).serializer(serializer).schema(schema)
                .claimTimeout(claimTimeout).nodeId(TokenOwner.THIS_INSTANCE).build();
    }

    @Bean
    EventSchema eventSchema() {
        return EventSchema.builder()
                .eventTable("domain_event_entry")
                .snapshotTable("snapshot_event_entry")
                .globalIndexColumn("global_index")
                .timestampColumn("time_stamp")
                .eventIdentifierColumn("event_identifier")
                .aggregateIdentifierColumn("aggregate_identifier")
                .sequenceNumberColumn("sequence_number")
                .typeColumn("type")
                .payloadTypeColumn("payload_type")
                .payloadRevisionColumn("payload_revision")
                .payloadColumn("payload")
                .metaDataColumn("meta_data")
                .build();
    }

    @Bean
    TokenSchema tokenSchema(@Value("${inkwell.axon.token-table:token_entry}") String table) {
        return TokenSchema.builder()
                .setTokenTable(table)
                .setProcessorNameColumn("processor_name")
                .setSegmentColumn("segment")
                .setTokenColumn("token")
                .setTokenTypeColumn("token_type")
                .setTimestampColumn("time_stamp")
                .setOwnerColumn("owner")
                .build();
    }
}
