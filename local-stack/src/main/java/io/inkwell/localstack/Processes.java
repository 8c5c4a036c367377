package io.inkwell.localstack;

import java.time.Duration;
import java.util.concurrent.TimeUnit;

/** Stopping child processes: politely first, then for good, with whatever they started themselves. */
final class Processes {

    private Processes() {
    }

    static void stop(Process process, Duration grace) {
        if (!process.isAlive()) {
            return;
        }
        var descendants = process.descendants().toList();
        process.destroy();
        descendants.forEach(ProcessHandle::destroy);
        try {
            if (!process.waitFor(grace.toMillis(), TimeUnit.MILLISECONDS)) {
                descendants.forEach(ProcessHandle::destroyForcibly);
                process.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            process.destroyForcibly();
        }
    }
}
