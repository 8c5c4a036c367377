package io.inkwell.query.projection;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.function.Supplier;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.springframework.stereotype.Component;

/**
 * Read-your-writes: projections say when their changes are committed, and a read that waits for a version
 * wakes up then instead of polling blindly. It still looks every 100 ms, for changes another instance made.
 */
@Component
public class ReadModelUpdates {

    private static final String REGISTERED = ReadModelUpdates.class.getName();
    private static final long LOOK_AGAIN_MILLIS = 100;

    private final Object monitor = new Object();

    /** Called by a projection after it changed a read model in the current unit of work. */
    public void changed() {
        if (!CurrentUnitOfWork.isStarted()) {
            signal();
            return;
        }
        CurrentUnitOfWork.get().root().getOrComputeResource(REGISTERED, key -> {
            CurrentUnitOfWork.get().root().afterCommit(unitOfWork -> signal());
            return Boolean.TRUE;
        });
    }

    /**
     * Reads until {@code read} finds what the caller waits for, or {@code maxWait} has passed.
     *
     * @return what was found, or empty if the read model did not catch up in time
     */
    public <T> Optional<T> await(Supplier<Optional<T>> read, Duration maxWait) {
        Instant deadline = Instant.now().plus(maxWait);
        while (true) {
            Optional<T> found = read.get();
            long remaining = Duration.between(Instant.now(), deadline).toMillis();
            if (found.isPresent() || remaining <= 0) {
                return found;
            }
            synchronized (monitor) {
                try {
                    monitor.wait(Math.min(remaining, LOOK_AGAIN_MILLIS));
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return Optional.empty();
                }
            }
        }
    }

    private void signal() {
        synchronized (monitor) {
            monitor.notifyAll();
        }
    }
}
