package io.inkwell.query.projection;

/**
 * A projection whose handler calls may write nothing, leaving the writes to the batch's commit (as a rebuild's
 * batches do). Isolating such a call behind a savepoint protects nothing and costs two round trips to
 * PostgreSQL per event, which is most of a rebuild's time; a call that does write (the live path, or a
 * batch retried event by event) still needs its savepoint.
 */
public interface DeferredWrites {

    /** Whether the handler call about to run, in the current unit of work, writes before it returns. */
    boolean writesInHandlerCall();
}
