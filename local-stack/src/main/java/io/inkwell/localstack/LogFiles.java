package io.inkwell.localstack;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

/**
 * The log files of the stack's children. A restarted child appends to the log of the one before it, after
 * a marker line, so that the evidence of a crash survives the restart; a log that has grown past a size
 * is rotated away at the next start ({@code x.log} becomes {@code x.log.1}, and so on, the oldest dropped).
 */
final class LogFiles {

    static final long ROTATE_AT_BYTES = 10L * 1024 * 1024;
    static final int KEEP = 5;

    private LogFiles() {
    }

    /**
     * Makes {@code log} ready for a child that is about to start: rotated if it has grown too big, then
     * ended with a marker line that says what starts now. The child should append to it.
     */
    static Path prepare(Path log, String marker) {
        return prepare(log, marker, ROTATE_AT_BYTES, KEEP);
    }

    static Path prepare(Path log, String marker, long rotateAtBytes, int keep) {
        try {
            Files.createDirectories(log.toAbsolutePath().getParent());
            if (Files.exists(log) && Files.size(log) >= rotateAtBytes) {
                rotate(log, keep);
            }
            String line = "----- " + Instant.now().truncatedTo(ChronoUnit.SECONDS) + " " + marker + " -----\n";
            Files.writeString(log, line, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
            return log;
        } catch (IOException e) {
            throw new UncheckedIOException("could not prepare the log " + log, e);
        }
    }

    /** Shifts {@code log} to {@code log.1}, {@code log.1} to {@code log.2} ..., keeping {@code keep} old ones. */
    static void rotate(Path log, int keep) throws IOException {
        Files.deleteIfExists(numbered(log, keep));
        for (int i = keep - 1; i >= 1; i--) {
            if (Files.exists(numbered(log, i))) {
                Files.move(numbered(log, i), numbered(log, i + 1), StandardCopyOption.REPLACE_EXISTING);
            }
        }
        if (keep > 0) {
            Files.move(log, numbered(log, 1), StandardCopyOption.REPLACE_EXISTING);
        } else {
            Files.delete(log);
        }
    }

    static Path numbered(Path log, int n) {
        return log.resolveSibling(log.getFileName() + "." + n);
    }
}
