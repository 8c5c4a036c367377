package io.inkwell.query.projection;

import io.inkwell.query.projection.RebuildableReadModel.Generation;
import io.inkwell.support.axon.TokenOwner;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.axonframework.common.DateTimeUtils;
import org.axonframework.eventhandling.deadletter.jdbc.DeadLetterSchema;
import org.axonframework.eventhandling.tokenstore.jdbc.TokenSchema;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The end of a rebuild, each in one PostgreSQL transaction: the switch (the read model makes the new
 * generation live, the live processor takes over the rebuild's tokens and dead letters, the new generation is
 * recorded), or the discard of a rebuild's tokens and dead letters when it is cancelled or failed.
 * <p>
 * Tokens and letters are moved by renaming their rows: the token store has no API to hand a token from one
 * processor to another. The live processor's rows are replaced, not merged: the rebuild has the same segments
 * and has reached at least the live processor's position in each.
 * <p>
 * The switch holds the read model's row in {@code query.read_model} from its start, so that a cancel and a switch
 * never both happen: a cancel requested before it is honoured by it, one requested during it waits and finds no
 * rebuild left. Each lock it needs is waited for only briefly ({@link RebuildSettings#switchLockWait()}): while a
 * rename waits for a reader's lock, every reader after it waits too.
 */
@Component
class RebuildSwitch {

    private final JdbcClient jdbc;
    private final TransactionTemplate transaction;
    private final ReadModelGenerations generations;
    private final TokenSchema tokens;
    private final DeadLetterSchema letters;
    private final ApplicationEventPublisher events;
    private final Duration lockWait;

    /** The switch found a cancel requested; nothing was switched. */
    static final class CancelledException extends RuntimeException {
        CancelledException(String name) {
            super("The rebuild of " + name + " was cancelled before its switch", null, false, false);
        }
    }

    RebuildSwitch(JdbcClient jdbc, TransactionTemplate transaction, ReadModelGenerations generations, TokenSchema tokens,
                  DeadLetterSchema letters, ApplicationEventPublisher events, RebuildSettings settings) {
        this.events = events;
        this.lockWait = settings.switchLockWait();
        this.jdbc = jdbc;
        this.transaction = transaction;
        this.generations = generations;
        this.tokens = tokens;
        this.letters = letters;
    }

    void switchTo(RebuildableReadModel model, Generation next, Generation retired) {
        String live = model.name();
        String rebuild = RebuildProcessors.nameOf(live);
        transaction.executeWithoutResult(status -> {
            jdbc.sql("SET LOCAL lock_timeout = '" + Math.max(1, lockWait.toMillis()) + "ms'").update();
            ReadModelGenerations.Record record = generations.lock(live).orElseThrow();
            if (record.cancelRequested() || !record.rebuilding().equals(Optional.of(next))) {
                throw new CancelledException(live);
            }
            jdbc.sql("DELETE FROM " + tokens.tokenTable() + " WHERE " + tokens.processorNameColumn() + " = ?")
                    .param(live).update();
            // Claimed in this instance's name, not left unowned: Axon lets a processor store its token over an
            // unowned row, and another instance's batch in flight (its documents written to the retired index)
            // would store its position over the rebuild's. Claimed, its store fails and its batch rolls back;
            // this instance's live processor takes its share at once, the others' claims time out for them.
            int moved = jdbc.sql("UPDATE " + tokens.tokenTable() + " SET " + tokens.processorNameColumn() + " = ?, "
                            + tokens.ownerColumn() + " = ?, " + tokens.timestampColumn() + " = ? WHERE "
                            + tokens.processorNameColumn() + " = ?")
                    .params(live, TokenOwner.THIS_INSTANCE, DateTimeUtils.formatInstant(Instant.now()), rebuild).update();
            if (moved == 0) {
                throw new IllegalStateException("The rebuild of " + live + " has no tokens to hand over");
            }
            // The rebuild's dead letters replace the live ones: they say which events the new generation lacks.
            jdbc.sql("DELETE FROM " + letters.deadLetterTable() + " WHERE " + letters.processingGroupColumn() + " = ?")
                    .param(live).update();
            jdbc.sql("UPDATE " + letters.deadLetterTable() + " SET " + letters.processingGroupColumn() + " = ? WHERE "
                            + letters.processingGroupColumn() + " = ?")
                    .params(live, rebuild).update();
            generations.recordLive(next);
            // Last, so that a switch outside PostgreSQL (the search alias) happens only once everything else has.
            model.switchTo(next, retired);
        });
        // After the commit: a reader that sees what this sends on reads the new generation.
        events.publishEvent(new ReadModelReplaced(live));
    }

    /** Forgets a rebuild's progress: its tokens and its dead letters. */
    void discard(String live) {
        String rebuild = RebuildProcessors.nameOf(live);
        transaction.executeWithoutResult(status -> {
            jdbc.sql("DELETE FROM " + tokens.tokenTable() + " WHERE " + tokens.processorNameColumn() + " = ?")
                    .param(rebuild).update();
            jdbc.sql("DELETE FROM " + letters.deadLetterTable() + " WHERE " + letters.processingGroupColumn() + " = ?")
                    .param(rebuild).update();
        });
    }
}
