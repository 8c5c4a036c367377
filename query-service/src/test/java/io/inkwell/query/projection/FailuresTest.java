package io.inkwell.query.projection;

import static io.inkwell.query.projection.Failures.Kind.POISON;
import static io.inkwell.query.projection.Failures.Kind.TRANSIENT;
import static io.inkwell.query.projection.Failures.Kind.UNEXPLAINED;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ConnectException;
import java.sql.SQLException;
import java.sql.SQLRecoverableException;
import java.sql.SQLTransientConnectionException;
import java.time.DateTimeException;
import org.axonframework.serialization.SerializationException;
import org.junit.jupiter.api.Test;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.dao.QueryTimeoutException;
import org.springframework.dao.RecoverableDataAccessException;
import org.springframework.transaction.CannotCreateTransactionException;

class FailuresTest {

    @Test
    void dataErrorsAndIntegrityViolationsOfPostgresqlArePoisonHoweverWrapped() {
        assertThat(Failures.classify(new SQLException("invalid byte sequence for encoding \"UTF8\": 0x00", "22021")))
                .isEqualTo(POISON);
        assertThat(Failures.classify(new DataIntegrityViolationException("could not execute statement",
                new SQLException("value too long for type character varying(255)", "22001")))).isEqualTo(POISON);
        assertThat(Failures.classify(new RuntimeException(new SQLException("check", "23514")))).isEqualTo(POISON);
    }

    @Test
    void connectionLossShutdownAndDeadlocksAreOutages() {
        assertThat(Failures.classify(new SQLException("connection refused", "08001"))).isEqualTo(TRANSIENT);
        assertThat(Failures.classify(new SQLException("terminating connection due to administrator command", "57P01")))
                .isEqualTo(TRANSIENT);
        assertThat(Failures.classify(new SQLException("deadlock detected", "40P01"))).isEqualTo(TRANSIENT);
        assertThat(Failures.classify(new SQLTransientConnectionException("pool timed out"))).isEqualTo(TRANSIENT);
        assertThat(Failures.classify(new CannotCreateTransactionException("no connection"))).isEqualTo(TRANSIENT);
    }

    @Test
    void elasticsearchOutOfReachIsAnOutage() {
        assertThat(Failures.classify(new UncheckedIOException(new ConnectException("Connection refused")))).isEqualTo(TRANSIENT);
        assertThat(Failures.classify(new IOException("reset"))).isEqualTo(TRANSIENT);
    }

    @Test
    void anOutageAnywhereInTheChainWinsOverAnErrorThatWrapsIt() {
        assertThat(Failures.classify(new IllegalArgumentException(new ConnectException("Connection refused"))))
                .isEqualTo(TRANSIENT);
    }

    @Test
    void undeserializableEventsAndErrorsThatAPayloadProvokesArePoison() {
        assertThat(Failures.classify(new SerializationException("unknown type"))).isEqualTo(POISON);
        assertThat(Failures.classify(new NullPointerException("title"))).isEqualTo(POISON);
        assertThat(Failures.classify(new IllegalArgumentException("bad tag"))).isEqualTo(POISON);
    }

    @Test
    void whatNeitherBlamesTheDataNorNamesAnOutageIsUnexplained() {
        assertThat(Failures.classify(new IllegalStateException("something"))).isEqualTo(UNEXPLAINED);
        assertThat(Failures.classify(new RuntimeException())).isEqualTo(UNEXPLAINED);
        assertThat(Failures.classify(new SQLException("raised by a trigger", "P0001"))).isEqualTo(UNEXPLAINED);
        assertThat(Failures.classify(new SQLException("relation does not exist", "42P01"))).isEqualTo(UNEXPLAINED);
    }

    @Test
    void everyKindOfErrorThatAPayloadProvokesIsPoison() {
        assertThat(Failures.classify(new ClassCastException("not a String"))).isEqualTo(POISON);
        assertThat(Failures.classify(new ArithmeticException("/ by zero"))).isEqualTo(POISON);
        assertThat(Failures.classify(new IndexOutOfBoundsException(3))).isEqualTo(POISON);
        assertThat(Failures.classify(new DateTimeException("year out of range"))).isEqualTo(POISON);
        assertThat(Failures.classify(new IllegalStateException("handler failed", new NullPointerException())))
                .as("the blame may sit deeper in the chain").isEqualTo(POISON);
    }

    @Test
    void everyKindOfOutageThatSpringOrAxonReportsIsTransient() {
        assertThat(Failures.classify(new DeadLetterPolicy.ProjectionOutageException(new IllegalStateException("x"))))
                .isEqualTo(TRANSIENT);
        assertThat(Failures.classify(new QueryTimeoutException("lock timeout"))).isEqualTo(TRANSIENT);
        assertThat(Failures.classify(new RecoverableDataAccessException("failover"))).isEqualTo(TRANSIENT);
        assertThat(Failures.classify(new DataAccessResourceFailureException("pool closed"))).isEqualTo(TRANSIENT);
        assertThat(Failures.classify(new SQLRecoverableException("connection reset"))).isEqualTo(TRANSIENT);
        assertThat(Failures.classify(new SQLException("out of memory", "53200"))).isEqualTo(TRANSIENT);
        assertThat(Failures.classify(new SQLException("lock not available", "55P03"))).isEqualTo(TRANSIENT);
        assertThat(Failures.classify(new SQLException("i/o error", "58030"))).isEqualTo(TRANSIENT);
    }

    @Test
    void aStateOfJustItsClassSettlesItAndAShorterOneDoesNot() {
        assertThat(Failures.classify(new SQLException("data exception", "22"))).isEqualTo(POISON);
        assertThat(Failures.classify(new IllegalArgumentException(new SQLException("odd driver", "2")))).isEqualTo(POISON);
        assertThat(Failures.classify(new SQLException("no state", (String) null))).isEqualTo(UNEXPLAINED);
    }

    @Test
    void aFailureThatIsItsOwnCauseIsReadOnce() {
        RuntimeException selfCaused = new IllegalStateException("loops") {
            @Override
            public synchronized Throwable getCause() {
                return this;
            }
        };
        assertThat(Failures.classify(selfCaused)).isEqualTo(UNEXPLAINED);
        assertThat(Failures.rootOf(selfCaused)).isSameAs(selfCaused);
    }

    @Test
    void theRootCauseNamesWhatWentWrong() {
        SQLException root = new SQLException("refused", "23514");
        assertThat(Failures.rootOf(new DataIntegrityViolationException("wrapped", new RuntimeException(root)))).isSameAs(root);
    }
}
