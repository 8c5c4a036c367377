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
 * Only a failure that blames the event's data is poison: PostgreSQL's data exceptions and integrity
 * violations (SQLSTATE classes 22 and 23), an event that cannot be deserialized, and the programming errors
 * that a particular payload provokes (a null, a bad argument, a bad cast). Such an event fails the same way
 * every time, so it is parked and the other aggregates flow on.
 * <p>
 * Everything else is treated as an outage: an unreachable or restarting PostgreSQL or Elasticsearch, a
 * deadlock, a lock timeout, and any failure we cannot explain. Parking events during an outage would park
 * every event of every aggregate and need an operator to bring each back; retrying the batch with Axon's
 * back-off instead catches up by itself, with nothing lost. The price of an unexplained failure is a
 * stalled segment, which the projections' health shows.
 */
final class Failures {

    enum Kind { POISON, TRANSIENT }

    private static final Set<String> POISON_SQL_STATE_CLASSES = Set.of("22", "23");

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
                return POISON_SQL_STATE_CLASSES.contains(sql.getSQLState().substring(0, 2)) ? Kind.POISON : Kind.TRANSIENT;
            }
            blamesData |= blamesData(cause);
        }
        return blamesData ? Kind.POISON : Kind.TRANSIENT;
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
