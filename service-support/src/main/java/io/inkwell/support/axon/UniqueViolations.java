package io.inkwell.support.axon;

import java.sql.SQLException;
import org.axonframework.common.jdbc.PersistenceExceptionResolver;

/**
 * Tells Axon that an append lost a race: PostgreSQL refused an event because the (aggregate, sequence) pair is
 * taken (SQLSTATE 23505, unique_violation), which Axon then reports as a {@code ConcurrencyException} (409 or
 * 412 to the client) instead of an {@code EventStoreException} (500). Axon's {@code JdbcSQLErrorCodesResolver}
 * only knows {@code SQLIntegrityConstraintViolationException}, which pgjdbc never throws: it throws
 * {@code PSQLException}, wrapped in a {@code BatchUpdateException} for a batch of events, whose own state may be
 * empty, so every cause and every next exception of the chain is looked at.
 */
final class UniqueViolations implements PersistenceExceptionResolver {

    static final String UNIQUE_VIOLATION = "23505";

    @Override
    public boolean isDuplicateKeyViolation(Exception exception) {
        for (Throwable cause = exception; cause != null; cause = cause.getCause()) {
            if (cause instanceof SQLException sql && anyIsUniqueViolation(sql)) {
                return true;
            }
            if (cause.getCause() == cause) {
                return false;
            }
        }
        return false;
    }

    private static boolean anyIsUniqueViolation(SQLException first) {
        int guard = 0;
        for (SQLException e = first; e != null && guard++ < 100; e = e.getNextException()) {
            if (UNIQUE_VIOLATION.equals(e.getSQLState())) {
                return true;
            }
        }
        return false;
    }
}
