package io.inkwell.query.projection;

import jakarta.persistence.EntityManager;
import java.sql.Connection;
import java.sql.Savepoint;
import java.time.Duration;
import java.util.concurrent.Callable;
import javax.sql.DataSource;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.messaging.Message;
import org.axonframework.messaging.annotation.HandlerEnhancerDefinition;
import org.axonframework.messaging.annotation.MessageHandlingMember;
import org.axonframework.messaging.annotation.WrappedMessageHandlingMember;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.datasource.DataSourceUtils;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Runs every event handler of query-service's projections on its own, inside the batch's transaction.
 * <p>
 * A batch of events shares one transaction with its token. Without this, a row that PostgreSQL refuses
 * would surface only when the batch flushes, blamed on whichever event happened to flush it, and would
 * leave the transaction aborted, so that neither the other events nor the dead letter could be written.
 * So each handler runs behind a savepoint and flushes its changes before it returns: a refused change fails
 * its own event, is rolled back to the savepoint (and forgotten by the persistence context), and the
 * dead-lettering invoker can park that one event while the rest of the batch commits.
 * <p>
 * A failure that blames the event's data (see {@link Failures}) is tried again in place a few times before
 * the invoker sees it; an outage is handed on at once, for the whole batch to be retried.
 */
@Component
class IsolatedEventHandlers implements HandlerEnhancerDefinition {

    private static final Logger log = LoggerFactory.getLogger(IsolatedEventHandlers.class);

    // Resolved late: handler enhancers are created while Axon is configured, before JPA is ready.
    private final ObjectProvider<DataSource> dataSource;
    private final ObjectProvider<EntityManager> entityManager;
    private final int attempts;
    private final Duration pause;

    IsolatedEventHandlers(ObjectProvider<DataSource> dataSource, ObjectProvider<EntityManager> entityManager,
                          @Value("${inkwell.projections.attempts:3}") int attempts,
                          @Value("${inkwell.projections.attempt-pause:50ms}") Duration pause) {
        this.dataSource = dataSource;
        this.entityManager = entityManager;
        this.attempts = Math.max(1, attempts);
        this.pause = pause;
    }

    int attempts() {
        return attempts;
    }

    @Override
    public <T> MessageHandlingMember<T> wrapHandler(MessageHandlingMember<T> original) {
        if (original.annotationAttributes(EventHandler.class).isEmpty()) {
            return original;
        }
        return new WrappedMessageHandlingMember<>(original) {
            @Override
            public Object handle(Message<?> message, T target) throws Exception {
                if (target instanceof DeferredWrites deferred && !deferred.writesInHandlerCall()) {
                    // Nothing to isolate: the call only folds, and the batch writes at its commit.
                    return super.handle(message, target);
                }
                return isolated(() -> super.handle(message, target), message);
            }
        };
    }

    private Object isolated(Callable<Object> handler, Message<?> message) throws Exception {
        if (!TransactionSynchronizationManager.isActualTransactionActive()) {
            return handler.call();
        }
        Connection connection = DataSourceUtils.getConnection(dataSource.getObject());
        for (int attempt = 1; ; attempt++) {
            Savepoint savepoint = connection.setSavepoint();
            try {
                Object result = handler.call();
                entityManager.getObject().flush();
                connection.releaseSavepoint(savepoint);
                return result;
            } catch (Exception e) {
                try {
                    connection.rollback(savepoint);
                    // The failed changes are still in the persistence context; earlier ones are flushed already.
                    entityManager.getObject().clear();
                } catch (Exception rollbackFailure) {
                    // The connection is gone: the whole batch rolls back anyway; the first failure says why.
                    e.addSuppressed(rollbackFailure);
                    throw e;
                }
                if (!HibernateRollbackOnly.clear(entityManager.getObject())) {
                    // The batch cannot commit any more: let it be retried as a whole, as before dead letters.
                    throw new DeadLetterPolicy.ProjectionOutageException(e);
                }
                if (attempt >= attempts || Failures.classify(e) != Failures.Kind.POISON) {
                    throw e;
                }
                log.warn("Event {} ({}) failed, attempt {} of {}: {}", message.getIdentifier(),
                        message.getPayloadType().getSimpleName(), attempt, attempts, Failures.rootOf(e).toString());
                Thread.sleep(pause.multipliedBy(attempt));
            }
        }
    }
}
