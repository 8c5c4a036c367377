package io.inkwell.localstack;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * Keeps the stack's children running. A child that dies, by exit or by signal, is started again after a
 * back-off while the others keep running; stopping goes by tier, highest first, so that services end
 * before the servers they use and PostgreSQL ends last.
 */
final class Supervisor {

    /** Something the supervisor keeps running. */
    interface Child {

        String name();

        /** Starts it and waits until it serves; the returned process ending means that it died. */
        ProcessHandle start();

        /** Stops it politely, waiting until it has ended; a no-op when it does not run. */
        void stop();

        /** Where to look when it dies. */
        default String log() {
            return "its log";
        }
    }

    /** Told when a child has (re)started, to record its pid. */
    interface Starts {
        void started(int tier, String name, ProcessHandle process);
    }

    private final List<Kept> kept = new ArrayList<>();
    private final Supplier<Backoff> backoff;
    private final Consumer<String> say;
    private final Starts starts;
    private volatile boolean stopping;

    Supervisor(Supplier<Backoff> backoff, Consumer<String> say, Starts starts) {
        this.backoff = backoff;
        this.say = say;
        this.starts = starts;
    }

    /**
     * Starts {@code child} now, failing if it does not come up, and keeps it running from then on.
     *
     * @param tier when it stops: higher tiers stop first
     */
    void start(int tier, Child child) {
        Kept k = new Kept(tier, child, backoff.get());
        synchronized (this) {
            if (stopping) {
                throw new IllegalStateException("the stack is stopping");
            }
            // Known before it runs, so that a stop during its start stops it too.
            kept.add(k);
        }
        ProcessHandle first = child.start();
        if (stopping) {
            child.stop();
            throw new IllegalStateException("the stack is stopping");
        }
        starts.started(tier, child.name(), first);
        k.watcher = Thread.ofPlatform().name("keep-" + child.name()).daemon().start(() -> k.keep(first));
    }

    /** Stops every child, tier by tier, and lets none restart. Safe to call more than once. */
    void stopAll() {
        List<Kept> all;
        synchronized (this) {
            stopping = true;
            all = List.copyOf(kept);
        }
        all.forEach(k -> k.stopRequested.countDown());
        all.stream().map(k -> k.tier).distinct().sorted(Comparator.reverseOrder()).forEach(tier -> {
            List<Thread> stoppers = all.stream().filter(k -> k.tier == tier)
                    .map(k -> Thread.ofPlatform().name("stop-" + k.child.name()).start(k::stop)).toList();
            stoppers.forEach(Supervisor::join);
        });
    }

    private static void join(Thread thread) {
        try {
            thread.join();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private final class Kept {

        final int tier;
        final Child child;
        final Backoff backoff;
        final CountDownLatch stopRequested = new CountDownLatch(1);
        volatile Thread watcher;

        Kept(int tier, Child child, Backoff backoff) {
            this.tier = tier;
            this.child = child;
            this.backoff = backoff;
        }

        void keep(ProcessHandle first) {
            ProcessHandle current = first;
            Instant healthySince = Instant.now();
            while (true) {
                Duration served = Duration.ZERO;
                if (current != null) {
                    if (endedOrStopping(current)) {
                        return;
                    }
                    served = Duration.between(healthySince, Instant.now());
                    say.accept(child.name() + " died after " + served.toSeconds() + " s; see " + child.log());
                }
                Duration wait = backoff.afterExit(served);
                say.accept("restarting " + child.name() + " in " + wait.toSeconds() + " s");
                if (waitOrStop(wait)) {
                    return;
                }
                try {
                    current = child.start();
                    healthySince = Instant.now();
                    starts.started(tier, child.name(), current);
                    if (stopRequested.getCount() == 0) {
                        return; // stop() stops this one once the watcher has returned
                    }
                    say.accept(child.name() + " is running again (pid " + current.pid() + ")");
                } catch (RuntimeException e) {
                    current = null;
                    if (stopRequested.getCount() == 0) {
                        return;
                    }
                    say.accept(child.name() + " did not come back: " + e.getMessage());
                }
            }
        }

        /**
         * Waits for {@code process} to end; true when the supervisor is stopping rather than the child dying.
         * It looks twice a second rather than waiting on {@code onExit()}: for a process that is not the
         * launcher's own child (PostgreSQL's postmaster, detached by pg_ctl) the JDK polls ever more slowly,
         * up to every 5 s.
         */
        private boolean endedOrStopping(ProcessHandle process) {
            while (process.isAlive()) {
                if (waitOrStop(Duration.ofMillis(500))) {
                    return true;
                }
            }
            return stopRequested.getCount() == 0;
        }

        private boolean waitOrStop(Duration wait) {
            try {
                return stopRequested.await(wait.toMillis(), TimeUnit.MILLISECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return true;
            }
        }

        void stop() {
            child.stop();
            Thread w = watcher;
            if (w != null) {
                // A restart that was under way when the stop came may have just finished: stop that one too.
                join(w);
                child.stop();
            }
        }
    }
}
