package io.inkwell.query.projection;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.ConnectException;
import java.sql.SQLException;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.GenericEventMessage;
import org.axonframework.messaging.MetaData;
import org.axonframework.messaging.deadletter.DeadLetter;
import org.axonframework.messaging.deadletter.EnqueueDecision;
import org.axonframework.messaging.deadletter.GenericDeadLetter;
import org.junit.jupiter.api.Test;
import org.springframework.dao.DataIntegrityViolationException;

class DeadLetterPolicyTest {

    private final DeadLetterPolicy policy = new DeadLetterPolicy(3, 2);
    private final EventMessage<String> event = GenericEventMessage.asEventMessage("payload");

    @Test
    void aPoisonEventIsParkedWithItsAttemptsAndTheRootCause() {
        SQLException root = new SQLException("ERROR: row refused", "23514");
        Throwable failure = new DataIntegrityViolationException("could not execute statement", root);

        EnqueueDecision<EventMessage<?>> decision = policy.decide(new GenericDeadLetter<>("post-1", event, failure), failure);

        assertThat(decision.shouldEnqueue()).isTrue();
        assertThat(decision.enqueueCause()).hasValueSatisfying(cause ->
                assertThat(cause.getMessage()).isEqualTo("ERROR: row refused"));
        assertThat(decision.withDiagnostics(new GenericDeadLetter<>("post-1", event)).diagnostics())
                .containsEntry(DeadLetterPolicy.ATTEMPTS, 3L);
    }

    @Test
    void anOutageIsThrownOnSoThatTheBatchIsRetriedAndNothingIsParked() {
        Throwable failure = new IllegalStateException(new ConnectException("Connection refused"));

        assertThatThrownBy(() -> policy.decide(new GenericDeadLetter<>("post-1", event, failure), failure))
                .isInstanceOf(DeadLetterPolicy.ProjectionOutageException.class)
                .hasCause(failure);
    }

    @Test
    void aRetriedLetterThatFailsAgainStaysParkedWithOneMoreAttemptWhateverTheCause() {
        DeadLetter<EventMessage<?>> parked = new GenericDeadLetter<EventMessage<?>>("post-1", event)
                .withDiagnostics(MetaData.with(DeadLetterPolicy.ATTEMPTS, 3));
        Throwable outage = new ConnectException("Connection refused");

        EnqueueDecision<EventMessage<?>> decision = policy.decide(parked, outage);

        assertThat(decision.shouldEnqueue()).isTrue();
        assertThat(decision.withDiagnostics(parked).diagnostics()).containsEntry(DeadLetterPolicy.ATTEMPTS, 4L);
    }

    @Test
    void anUnexplainedFailureIsRetriedWithItsBatchAndThenParkedSoThatItCannotStallForGood() {
        Throwable failure = new IllegalStateException("no one foresaw this");

        assertThatThrownBy(() -> policy.decide(new GenericDeadLetter<>("post-1", event, failure), failure))
                .isInstanceOf(DeadLetterPolicy.ProjectionOutageException.class);
        EnqueueDecision<EventMessage<?>> second = policy.decide(new GenericDeadLetter<>("post-1", event, failure), failure);

        assertThat(second.shouldEnqueue()).isTrue();
        assertThat(second.withDiagnostics(new GenericDeadLetter<>("post-1", event)).diagnostics())
                .containsEntry(DeadLetterPolicy.ATTEMPTS, 2L);
    }

    @Test
    void unexplainedFailuresAreCountedPerEvent() {
        Throwable failure = new IllegalStateException("no one foresaw this");
        EventMessage<String> other = GenericEventMessage.asEventMessage("other payload");

        assertThatThrownBy(() -> policy.decide(new GenericDeadLetter<>("post-1", event, failure), failure))
                .isInstanceOf(DeadLetterPolicy.ProjectionOutageException.class);
        assertThatThrownBy(() -> policy.decide(new GenericDeadLetter<>("post-2", other, failure), failure))
                .isInstanceOf(DeadLetterPolicy.ProjectionOutageException.class);
    }
}
