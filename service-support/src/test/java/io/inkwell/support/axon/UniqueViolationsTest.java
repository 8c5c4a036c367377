package io.inkwell.support.axon;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.BatchUpdateException;
import java.sql.SQLException;
import org.axonframework.eventsourcing.eventstore.EventStoreException;
import org.junit.jupiter.api.Test;

/** Which failures of an append are a lost race (409/412 to the client) and which are faults (500). */
class UniqueViolationsTest {

    private final UniqueViolations violations = new UniqueViolations();

    @Test
    void aBatchRefusedForADuplicateSequenceIsALostRaceAsPgjdbcReportsIt() {
        // pgjdbc: a BatchUpdateException without a state of its own, the server's error as its next exception.
        BatchUpdateException batch = new BatchUpdateException("Batch entry 0 ... was aborted", null, 0, new int[0], null);
        batch.setNextException(new SQLException("duplicate key value violates unique constraint", "23505"));
        assertThat(violations.isDuplicateKeyViolation(new RuntimeException("append failed", batch))).isTrue();
    }

    @Test
    void aUniqueViolationAnywhereInTheCausesIsALostRace() {
        SQLException server = new SQLException("duplicate key value", "23505");
        assertThat(violations.isDuplicateKeyViolation(new EventStoreException("x", new RuntimeException(server)))).isTrue();
    }

    @Test
    void aCircularChainOfNextExceptionsEndsTheSearch() {
        SQLException first = new SQLException("one", "40001");
        SQLException second = new SQLException("two", "40001");
        first.setNextException(second);
        second.setNextException(first);

        assertThat(violations.isDuplicateKeyViolation(new RuntimeException(first))).isFalse();
    }

    @Test
    void anExceptionThatNamesItselfAsItsCauseEndsTheSearch() {
        RuntimeException selfCaused = new RuntimeException("odd") {
            @Override
            public synchronized Throwable getCause() {
                return this;
            }
        };

        assertThat(violations.isDuplicateKeyViolation(selfCaused)).isFalse();
    }

    @Test
    void otherFailuresAreNot() {
        assertThat(violations.isDuplicateKeyViolation(new RuntimeException(new SQLException("connection refused", "08001"))))
                .isFalse();
        assertThat(violations.isDuplicateKeyViolation(new RuntimeException(new SQLException("not null", "23502")))).isFalse();
        assertThat(violations.isDuplicateKeyViolation(new IllegalStateException("no SQL at all"))).isFalse();
    }
}
