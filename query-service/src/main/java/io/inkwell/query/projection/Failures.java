package io.inkwell.query.projection;

import java.io.IOException;
import java.sql.SQLException;
import java.sql.SQLRecoverableException;
import java.sql.SQLTransientException;
import java.time.DateTimeException;
import java.util.Set;
import org.axonframework.serialization.SerializationException;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.RecoverableDataAccessException;
import org.springframework.dao.TransientDataAccessException;
import org.springframework.transaction.CannotCreateTransactionException;

/**
 * Tells a poison event from an outage, by what a projection's failure says about its cause.
 * <p>
 * A failure that blames the event's data is poison: PostgreSQL's data exceptions and integrity violations
 * (SQLSTATE classes 22 and 23), an event that cannot be deserialized, and the programming errors that a
 * particular payload provokes (a null, a bad argument, a bad cast). Such an event fails the same way every
 * time, so it is parked and the other aggregates flow on.
 * <p>
 * An outage is an unreachable or restarting PostgreSQL or Elasticsearch, a lost connection, a deadlock, a
 * lock timeout, a server short of resources. Parking events during an outage would park every event of
 * every aggregate and need an operator to bring each back; retrying the batch with Axon's back-off instead
 * catches up by itself, with nothing lost.
 * <p>
 * Anything else is unexplained: it is retried with the batch like an outage, but only a bounded number of
 * times (see {@link DeadLetterPolicy}), so that an event no one foresaw cannot stall its segment for good.
 */
final class Failures {

    enum Kind { POISON, TRANSIENT, UNEXPLAINED }

    private static final Set<String> POISON_SQL_STATE_CLASSES = Set.of("22", "23");
    // Connection, transaction rollback (deadlock, serialization), resources, lock not available, shutdown, I/O.
    private static final Set<String> OUTAGE_SQL_STATE_CLASSES = Set.of("08", "40", "53", "55", "57", "58");

    private Failures() {
    }

    static Kind classify(Throwable failure) {
        boolean blamesData = false;
        for (Throwable cause = failure; cause != null; cause = cause.getCause() == cause ? null : cause.getCause()) {
            if (isOutage(cause)) {
                return Kind.TRANSIENT;
            }
            if (cause instanceof SQLException sql && sql.getSQLState() != null && sql.getSQLState().length() >= 2) {
                // The database said exactly what went wrong; that settles it, whatever wraps it.
                String stateClass = sql.getSQLState().substring(0, 2);
                return POISON_SQL_STATE_CLASSES.contains(stateClass) ? Kind.POISON
                        : OUTAGE_SQL_STATE_CLASSES.contains(stateClass) ? Kind.TRANSIENT : Kind.UNEXPLAINED;
            }
            blamesData |= blamesData(cause);
        }
        return blamesData ? Kind.POISON : Kind.UNEXPLAINED;
    }

    private static boolean isOutage(Throwable cause) {
        return cause instanceof DeadLetterPolicy.ProjectionOutageException
                || cause instanceof IOException
                || cause instanceof java.io.UncheckedIOException
                || cause instanceof SQLTransientException
                || cause instanceof SQLRecoverableException
                || cause instanceof TransientDataAccessException
                || cause instanceof RecoverableDataAccessException
                || cause instanceof DataAccessResourceFailureException
                || cause instanceof CannotCreateTransactionException;
    }

    private static boolean blamesData(Throwable cause) {
        return cause instanceof SerializationException
                || cause instanceof IllegalArgumentException
                || cause instanceof NullPointerException
                || cause instanceof ClassCastException
                || cause instanceof ArithmeticException
                || cause instanceof IndexOutOfBoundsException
                || cause instanceof DateTimeException;
    }

    /** The innermost cause: the one that names what went wrong (a PostgreSQL error rather than its wrappers). */
    static Throwable rootOf(Throwable failure) {
        Throwable root = failure;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root;
    }
}
