package io.inkwell.query.projection;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Optional;

/**
 * How far a rebuild has come through the stream, and how fast it goes: events per second over the last
 * {@code window} of samples (a rebuild slows down and speeds up with the traffic beside it, so the rate since
 * its start would mislead), and an ETA at that rate. Fed by the rebuild's own monitoring thread.
 */
final class RebuildProgress {

    /** As {@code GET /admin/projections/{name}} shows it. */
    record View(double percent, double eventsPerSecond, Instant eta) {
    }

    private record Sample(Instant at, long position) {
    }

    private final Duration window;
    private final Deque<Sample> samples = new ArrayDeque<>();
    private volatile View last;

    RebuildProgress(Duration window) {
        this.window = window;
    }

    /**
     * Records where the rebuild is.
     *
     * @param tail     the position before the first event of the stream
     * @param position the rebuild's position (its slowest segment's)
     * @param head     the position of the newest event
     */
    synchronized View record(Instant now, long tail, long position, long head) {
        samples.addLast(new Sample(now, position));
        while (samples.size() > 2 && samples.peekFirst().at().isBefore(now.minus(window))) {
            samples.removeFirst();
        }
        Sample first = samples.peekFirst();
        double seconds = Duration.between(first.at(), now).toMillis() / 1000.0;
        double rate = seconds > 0 ? Math.max(0, position - first.position()) / seconds : 0;
        long total = Math.max(0, head - tail);
        double percent = total == 0 ? 100 : Math.min(100, Math.max(0, position - tail) * 100.0 / total);
        long remaining = Math.max(0, head - position);
        Instant eta = remaining == 0 ? now : rate > 0 ? now.plusMillis((long) (remaining / rate * 1000)) : null;
        last = new View(Math.floor(percent * 10) / 10, Math.round(rate * 10) / 10.0, eta);
        return last;
    }

    Optional<View> last() {
        return Optional.ofNullable(last);
    }
}
