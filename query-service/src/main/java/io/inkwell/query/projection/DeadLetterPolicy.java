package io.inkwell.query.projection;

import org.axonframework.eventhandling.EventMessage;
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
 * parked, and with it every later event of its aggregate. A retried dead letter that fails again stays
 * parked, whatever the cause, with one more attempt counted.
 */
final class DeadLetterPolicy implements EnqueuePolicy<EventMessage<?>> {

    static final String ATTEMPTS = "attempts";

    private final int attemptsInPlace;

    DeadLetterPolicy(int attemptsInPlace) {
        this.attemptsInPlace = attemptsInPlace;
    }

    @Override
    public EnqueueDecision<EventMessage<?>> decide(DeadLetter<? extends EventMessage<?>> letter, Throwable cause) {
        ThrowableCause recorded = ThrowableCause.truncated(Failures.rootOf(cause));
        long attempts = attemptsOf(letter.diagnostics());
        if (attempts > 0) {
            return Decisions.requeue(recorded, retried -> retried.diagnostics().and(ATTEMPTS, attempts + 1));
        }
        if (Failures.classify(cause) == Failures.Kind.TRANSIENT) {
            throw new ProjectionOutageException(cause);
        }
        return Decisions.enqueue(recorded, parked -> MetaData.with(ATTEMPTS, (long) attemptsInPlace));
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
