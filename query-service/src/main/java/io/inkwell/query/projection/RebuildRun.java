package io.inkwell.query.projection;

import io.inkwell.query.projection.RebuildProcessors.RebuildProcessor;
import io.inkwell.query.projection.RebuildableReadModel.Generation;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One rebuild, from an empty generation to the switch: fills the generation beside the live one, and once it
 * has caught up stops the live processor, lets the rebuild reach the head, and switches in one transaction.
 * Whatever fails, the live processor runs again and the live generation stays. Runs on a thread of its own.
 */
final class RebuildRun implements Runnable {

    private static final Logger log = LoggerFactory.getLogger(RebuildRun.class);

    enum Phase { PREPARING, FILLING, SWITCHING, ENDED }

    /** Ends a rebuild that was cancelled; {@code stopping} when the service stops (it resumes at the next start). */
    private static final class Interrupted extends Exception {
        final boolean stopping;

        Interrupted(boolean stopping) {
            super(null, null, false, false);
            this.stopping = stopping;
        }
    }

    private final RebuildableReadModel model;
    private final Generation next;
    private final Generation retired;
    private final boolean resumed;
    private final RebuildParts parts;
    private final RebuildProgress progress;
    private final Clock clock = Clock.systemUTC();
    private final CountDownLatch ended = new CountDownLatch(1);
    private volatile Phase phase = Phase.PREPARING;
    private volatile boolean cancelled;
    private volatile boolean stopping;
    private volatile boolean switched;
    private volatile boolean endedCancelled;
    private volatile RebuildProcessor processor;

    RebuildRun(RebuildableReadModel model, Generation next, Generation retired, boolean resumed, RebuildParts parts) {
        this.model = model;
        this.next = next;
        this.retired = retired;
        this.resumed = resumed;
        this.parts = parts;
        this.progress = new RebuildProgress(parts.settings().rateWindow());
    }

    Generation generation() {
        return next;
    }

    Phase phase() {
        return phase;
    }

    Optional<RebuildProgress.View> progress() {
        return progress.last();
    }

    Optional<StreamingEventProcessor> processor() {
        return Optional.ofNullable(processor).map(RebuildProcessor::processor);
    }

    /** Asks the rebuild to end without a switch and waits a while for it; true once it has ended cancelled. */
    boolean cancel(Duration wait) throws InterruptedException {
        cancelled = true;
        return ended.await(wait.toMillis(), TimeUnit.MILLISECONDS) && endedCancelled;
    }

    /** Stops the rebuild's processor for the service to stop; its tokens stay and it resumes at the next start. */
    void stop(Duration wait) throws InterruptedException {
        stopping = true;
        ended.await(wait.toMillis(), TimeUnit.MILLISECONDS);
    }

    @Override
    public void run() {
        String name = model.name();
        try {
            boolean fromTokens = resumed && parts.segmentsOf(RebuildProcessors.nameOf(name)) > 0;
            if (!fromTokens) {
                // A rebuild that stopped before its processor stored a token may have half-prepared its generation.
                if (resumed) {
                    model.drop(next);
                }
                model.prepare(next);
            }
            processor = parts.processors().create(model, next);
            processor.start();
            RebuildCatchUp catchUp = new RebuildCatchUp(parts, model.name(), processor.processor());
            phase = Phase.FILLING;
            log.info("Rebuilding {} into generation {} (definition {}){}", name, next.number(), next.definitionVersion(),
                    fromTokens ? ", resumed from its tokens" : " from the first event");
            sample();
            Instant reported = Instant.EPOCH;
            while (!catchUp.withLive()) {
                reported = pause(reported);
            }
            switchOver(catchUp);
        } catch (Interrupted interrupted) {
            if (interrupted.stopping) {
                stopProcessor();
                log.info("Rebuild of {} stopped with the service; it resumes from its tokens at the next start", name);
            } else {
                log.warn("Rebuild of {} into generation {} cancelled; generation {} stays live", name, next.number(), retired.number());
                end(Optional.empty());
                endedCancelled = true;
            }
        } catch (Exception | LinkageError e) {
            if (switched) {
                log.error("Switched {} to generation {}, but its live processor did not start again", name, next.number(), e);
                return;
            }
            log.error("Rebuild of {} into generation {} failed; generation {} stays live", name, next.number(), retired.number(), e);
            end(Optional.of(Failures.rootOf(e).toString()));
        } finally {
            phase = Phase.ENDED;
            ended.countDown();
        }
    }

    private void switchOver(RebuildCatchUp catchUp) throws Exception {
        phase = Phase.SWITCHING;
        String name = model.name();
        Optional<StreamingEventProcessor> live = parts.axon().eventProcessingConfiguration()
                .eventProcessor(name, StreamingEventProcessor.class);
        boolean restart = live.map(StreamingEventProcessor::isRunning).orElse(false);
        try {
            if (restart) {
                live.get().shutdownAsync().get(1, TimeUnit.MINUTES);
            }
            long head = parts.positions().head();
            Instant deadline = clock.instant().plus(parts.settings().switchTimeout());
            Instant reported = Instant.EPOCH;
            while (!catchUp.reached(head)) {
                if (clock.instant().isAfter(deadline)) {
                    throw new IllegalStateException("The rebuild did not reach position " + head + " within "
                            + parts.settings().switchTimeout() + " once the live processor had stopped");
                }
                reported = pause(reported);
            }
            processor.stop();
            switchBefore(deadline);
        } catch (RebuildSwitch.CancelledException cancelledAtTheSwitch) {
            throw new Interrupted(false);
        } finally {
            if (restart) {
                live.get().start();
            }
        }
        log.info("Switched {} to generation {} (definition {}); generation {} is retired", name, next.number(),
                next.definitionVersion(), retired.number());
        try {
            model.drop(retired);
        } catch (RuntimeException e) {
            log.warn("Could not drop the retired generation {} of {}; it can be dropped by hand", retired.number(), name, e);
        }
    }

    /** Switches, trying again while a reader's lock on the live tables keeps the switch from its renames. */
    private void switchBefore(Instant deadline) throws Exception {
        for (int attempt = 1; ; attempt++) {
            try {
                parts.rebuildSwitch().switchTo(model, next, retired);
                switched = true;
                return;
            } catch (RuntimeException e) {
                if (!waitedForLock(e) || clock.instant().isAfter(deadline)) {
                    throw e;
                }
                log.info("The switch of {} to generation {} waited for a lock that a reader holds (attempt {}); trying again",
                        model.name(), next.number(), attempt);
                pause(Instant.now());
            }
        }
    }

    /**
     * Whether PostgreSQL gave up waiting for a lock: {@code lock_timeout} (55P03), or a deadlock it broke (40P01),
     * as with another instance's batch holding a live table while it waits for a token row the switch holds.
     */
    static boolean waitedForLock(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof SQLException sql && ("55P03".equals(sql.getSQLState()) || "40P01".equals(sql.getSQLState()))) {
                return true;
            }
        }
        return false;
    }

    /** Waits a tick, logs progress now and then, and ends the wait early when cancelled or stopping. */
    private Instant pause(Instant reported) throws Interrupted {
        try {
            Thread.sleep(parts.settings().tick().toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new Interrupted(true);
        }
        if (stopping) {
            throw new Interrupted(true);
        }
        if (cancelled || parts.generations().find(model.name()).map(ReadModelGenerations.Record::cancelRequested).orElse(false)) {
            throw new Interrupted(false);
        }
        Instant now = clock.instant();
        RebuildProgress.View view = sample();
        if (Duration.between(reported, now).compareTo(parts.settings().reportEvery()) >= 0) {
            log.info("Rebuild of {} ({}): {}% of the stream, {} events/s, ETA {}", model.name(), phase.name().toLowerCase(),
                    view.percent(), view.eventsPerSecond(), view.eta() == null ? "unknown" : view.eta());
            return now;
        }
        return reported;
    }

    private RebuildProgress.View sample() {
        long tail = parts.positions().tail();
        Optional<Long> position = StreamPositions.position(parts.positions().segments(processor.processor().getName(), processor()));
        return progress.record(clock.instant(), tail, position.orElse(tail), parts.positions().head());
    }

    private void stopProcessor() {
        if (processor != null) {
            try {
                processor.stop();
            } catch (Exception e) {
                log.warn("The rebuild processor of {} did not stop cleanly", model.name(), e);
            }
        }
    }

    /** Ends a rebuild without a switch: its processor, tokens, dead letters and generation go. */
    private void end(Optional<String> failure) {
        stopProcessor();
        try {
            parts.rebuildSwitch().discard(model.name());
            model.drop(next);
            parts.generations().recordEnded(model.name(), failure);
        } catch (RuntimeException e) {
            log.error("Could not clean up the rebuild of {} into generation {}; it is retried at the next start",
                    model.name(), next.number(), e);
        }
    }
}
