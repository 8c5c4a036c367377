package io.inkwell.query.projection;

import jakarta.persistence.EntityManager;
import java.lang.reflect.Field;
import java.util.Optional;
import org.hibernate.engine.spi.SharedSessionContractImplementor;
import org.hibernate.resource.transaction.spi.TransactionCoordinator;

/**
 * Takes back the rollback-only mark that Hibernate sets on the whole transaction when a flush fails, once
 * the failed changes have been rolled back to a savepoint. JPA requires the mark, and neither JPA nor
 * Hibernate can clear it, but after a savepoint rollback the transaction is as sound as before the
 * failure: without this, one refused row would roll back the whole batch, dead letter included.
 * <p>
 * It sets a private field of Hibernate's JDBC transaction driver; if a Hibernate upgrade moves it, {@link
 * #clear} says so, and the failure is then handled as an outage (the batch is retried) instead.
 */
final class HibernateRollbackOnly {

    private static final Optional<Field> FLAG = flag();

    private HibernateRollbackOnly() {
    }

    /** Whether this Hibernate has the flag where we take it back; a test pins it for upgrades. */
    static boolean available() {
        return FLAG.isPresent();
    }

    /** Whether the mark is now off. */
    static boolean clear(EntityManager entityManager) {
        if (FLAG.isEmpty()) {
            return false;
        }
        TransactionCoordinator.TransactionDriver driver = entityManager.unwrap(SharedSessionContractImplementor.class)
                .getTransactionCoordinator().getTransactionDriverControl();
        if (!FLAG.get().getDeclaringClass().isInstance(driver)) {
            return false;
        }
        try {
            FLAG.get().setBoolean(driver, false);
            return driver.isActiveAndNoMarkedForRollback();
        } catch (IllegalAccessException e) {
            return false;
        }
    }

    private static Optional<Field> flag() {
        try {
            Field field = Class.forName("org.hibernate.resource.transaction.backend.jdbc.internal."
                    + "JdbcResourceLocalTransactionCoordinatorImpl$TransactionDriverControlImpl")
                    .getDeclaredField("rollbackOnly");
            field.setAccessible(true);
            return Optional.of(field);
        } catch (ReflectiveOperationException | RuntimeException e) {
            return Optional.empty();
        }
    }
}
