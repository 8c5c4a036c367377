package io.inkwell.query.projection;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.deadletter.jdbc.JdbcDeadLetter;
import org.axonframework.messaging.MetaData;
import org.axonframework.messaging.deadletter.Decisions;
import org.axonframework.messaging.deadletter.DeadLetter;
import org.axonframework.messaging.deadletter.EnqueueDecision;
import org.axonframework.messaging.deadletter.EnqueuePolicy;
import org.axonframework.messaging.deadletter.ThrowableCause;

/**
 * What happens to an event that a projection could not handle. Axon's dead-lettering invoker asks this
 * policy on every failure, both while processing the stream and when an operator retries a dead letter.
 * <p>
 * In the stream, an outage (see {@link Failures}) is thrown on: the invoker lets it through, the batch
 * rolls back with its token, and the processor retries it with back-off, so nothing is parked for an
 * outage. A poison event, which {@link IsolatedEventHandlers} has already tried a few times in place, is
 * parked, and with it every later event of its aggregate. An unexplained failure is retried with its batch
 * like an outage, but when the same event has failed so in {@code batchAttempts} batches it is parked too:
 * nothing stalls a segment for good. A dead letter being retried that fails again stays parked, whatever
 * the cause, with one more attempt counted.
 */
final class DeadLetterPolicy implements EnqueuePolicy<EventMessage<?>> {

    static final String ATTEMPTS = "attempts";
    // The events whose batches failed unexplained, with how often; only the head of a stalled segment is here.
    private static final int REMEMBERED_EVENTS = 1_000;

    private final int attemptsInPlace;
    private final int batchAttempts;
    private final Map<String, Integer> unexplainedFailures = Collections.synchronizedMap(
            new LinkedHashMap<>(16, 0.75f, true) {
                @Override
                protected boolean removeEldestEntry(Map.Entry<String, Integer> eldest) {
                    return size() > REMEMBERED_EVENTS;
                }
            });

    DeadLetterPolicy(int attemptsInPlace, int batchAttempts) {
        this.attemptsInPlace = attemptsInPlace;
        this.batchAttempts = Math.max(1, batchAttempts);
    }

    @Override
    public EnqueueDecision<EventMessage<?>> decide(DeadLetter<? extends EventMessage<?>> letter, Throwable cause) {
        ThrowableCause recorded = ThrowableCause.truncated(Failures.rootOf(cause));
        long attempts = attemptsOf(letter.diagnostics());
        if (letter instanceof JdbcDeadLetter<?> || attempts > 0) {
            // Read back from the queue: an operator's retry. It stays parked, whatever failed this time.
            return Decisions.requeue(recorded, retried -> retried.diagnostics().and(ATTEMPTS, attempts + 1));
        }
        switch (Failures.classify(cause)) {
            case TRANSIENT -> throw new ProjectionOutageException(cause);
            case UNEXPLAINED -> {
                int failures = unexplainedFailures.merge(letter.message().getIdentifier(), 1, Integer::sum);
                if (failures < batchAttempts) {
                    throw new ProjectionOutageException(cause);
                }
                unexplainedFailures.remove(letter.message().getIdentifier());
                return Decisions.enqueue(recorded, parked -> MetaData.with(ATTEMPTS, (long) failures));
            }
            default -> {
                return Decisions.enqueue(recorded, parked -> MetaData.with(ATTEMPTS, (long) attemptsInPlace));
            }
        }
    }
    static long attemptsOf(MetaData diagnostics) {
        return diagnostics.get(ATTEMPTS) instanceof Number number ? number.longValue() : 0;
    }

    /** An outage met while handling an event: the batch is to be retried, not the event parked. */
    static final class ProjectionOutageException extends RuntimeException {

        ProjectionOutageException(Throwable cause) {
            super("Projection failed for a reason that does not blame the event; the batch will be retried: " + cause, cause);
        }
    }
}
