package io.inkwell.query.projection;

import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.axonframework.eventhandling.ErrorContext;
import org.axonframework.eventhandling.ErrorHandler;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.PropagatingErrorHandler;
import org.axonframework.messaging.MessageHandlerInterceptor;

/**
 * Remembers, per processor, since when its batches have been failing, and forgets it at the next batch that
 * commits. Axon's own status shows a failing segment only for the moment between its failure and its
 * release, so health could not tell a projection that cannot move from one that merely hiccuped.
 * <p>
 * As the processors' error handler it also keeps their behaviour: the failure propagates, the batch rolls
 * back with its token, and the processor retries it with back-off.
 */
final class ProcessorFailures implements ErrorHandler {

    record Streak(Instant since, Throwable last) {
    }

    private final Clock clock;
    private final Map<String, Streak> streaks = new ConcurrentHashMap<>();

    ProcessorFailures(Clock clock) {
        this.clock = clock;
    }

    @Override
    public void handleError(ErrorContext context) throws Exception {
        streaks.merge(context.eventProcessor(), new Streak(clock.instant(), context.error()),
                (ongoing, now) -> new Streak(ongoing.since(), now.last()));
        PropagatingErrorHandler.instance().handleError(context);
    }

    /** Ends a processor's streak of failures when one of its batches commits. */
    MessageHandlerInterceptor<EventMessage<?>> successOf(String processor) {
        return (unitOfWork, chain) -> {
            if (streaks.containsKey(processor)) {
                unitOfWork.onCommit(committed -> streaks.remove(processor));
            }
            return chain.proceed();
        };
    }

    Optional<Streak> of(String processor) {
        return Optional.ofNullable(streaks.get(processor));
    }

    void clear(String processor) {
        streaks.remove(processor);
    }
}
