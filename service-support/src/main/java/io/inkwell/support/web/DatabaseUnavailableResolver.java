package io.inkwell.support.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.sql.SQLException;
import java.sql.SQLRecoverableException;
import java.sql.SQLNonTransientConnectionException;
import java.sql.SQLTransientConnectionException;
import java.time.Duration;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.Ordered;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.http.HttpHeaders;
import org.springframework.jdbc.CannotGetJdbcConnectionException;
import org.springframework.transaction.CannotCreateTransactionException;
import org.springframework.transaction.TransactionSystemException;
import org.springframework.web.servlet.HandlerExceptionResolver;
import org.springframework.web.servlet.ModelAndView;

/**
 * A request that failed because PostgreSQL cannot be reached answers 503 {@code service-unavailable} with
 * {@code Retry-After}, wherever the failure was wrapped: by Spring's transaction or JDBC support, by
 * Hibernate, or by Axon's command bus ({@code CommandExecutionException}). It is a resolver ahead of every
 * {@code @ExceptionHandler} rather than one of them, because the services' own advice claims Axon's
 * exceptions by type before any cause is looked at.
 */
public class DatabaseUnavailableResolver implements HandlerExceptionResolver, Ordered {

    private static final Logger log = LoggerFactory.getLogger(DatabaseUnavailableResolver.class);

    /** SQLSTATEs beyond class 08 (connection exception) that mean "the server is going or not there yet". */
    private static final Set<String> SERVER_GONE = Set.of("57P01", "57P02", "57P03");

    /** The message of the exception that HikariCP's proxy of a closed connection throws, without a SQLSTATE. */
    private static final String HIKARI_CLOSED_CONNECTION = "Connection is closed";

    private final Duration retryAfter;

    DatabaseUnavailableResolver(Duration retryAfter) {
        this.retryAfter = retryAfter;
    }

    @Override
    public ModelAndView resolveException(HttpServletRequest request, HttpServletResponse response, Object handler,
                                         Exception e) {
        Throwable cause = unavailableCause(e);
        if (cause == null || response.isCommitted()) {
            return null;
        }
        log.warn("{} {}: database unavailable ({})", request.getMethod(), request.getRequestURI(), cause.toString());
        try {
            response.setHeader(HttpHeaders.RETRY_AFTER, Long.toString(Math.max(1, retryAfter.toSeconds())));
            // Not "nothing was changed": the connection may have died while a commit was on its way.
            Problem.SERVICE_UNAVAILABLE.write(response, "The database cannot be reached just now; retry later. A write "
                    + "answered this way may or may not have been applied: retry a create with the same Idempotency-Key.");
            return new ModelAndView();
        } catch (IOException written) {
            return null;
        }
    }

    @Override
    public int getOrder() {
        // Ahead of Spring MVC's own resolvers (order 0), which hold every @ExceptionHandler.
        return Ordered.HIGHEST_PRECEDENCE + 1;
    }

    /** The first cause in the chain that says the database cannot be reached, or {@code null}. */
    public static Throwable unavailableCause(Throwable e) {
        boolean rollbackOfAnotherFailure = false;
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            // When the server dies mid-transaction, the failed rollback hides the failure that caused it.
            if (t instanceof TransactionSystemException rollback && rollback.getApplicationException() != null) {
                Throwable original = unavailableCause(rollback.getApplicationException());
                if (original != null) {
                    return original;
                }
                rollbackOfAnotherFailure = true;
            }
            // Hikari closes a pooled connection once PostgreSQL broke it, and its proxy then answers every call
            // with this state-less exception; after another failure it is only that failure's consequence.
            if (!rollbackOfAnotherFailure && t instanceof SQLException closed && closed.getSQLState() == null
                    && HIKARI_CLOSED_CONNECTION.equals(closed.getMessage())) {
                return t;
            }
            if (t instanceof CannotGetJdbcConnectionException || t instanceof CannotCreateTransactionException
                    || t instanceof DataAccessResourceFailureException
                    || t instanceof SQLTransientConnectionException || t instanceof SQLNonTransientConnectionException
                    || t instanceof SQLRecoverableException
                    || t instanceof SQLException sql && connectionState(sql.getSQLState())
                    || "org.hibernate.exception.JDBCConnectionException".equals(t.getClass().getName())) {
                return t;
            }
        }
        return null;
    }

    private static boolean connectionState(String state) {
        return state != null && (state.startsWith("08") || SERVER_GONE.contains(state));
    }
}
