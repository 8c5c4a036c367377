package io.inkwell.localstack;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * The launcher's claim on a data folder, and its record of the processes it started there. The claim is
 * an operating-system lock, which dies with the launcher however it ends, so a second launcher on the same
 * folder knows for sure whether the first still runs. The record ({@code run/children}) lets the next
 * launcher stop what a killed one left behind: each line names a child, its pid and its start time, so
 * that a pid that the system has since given to another program is never touched.
 */
final class RunFolder implements AutoCloseable {

    private final Path folder;
    private final FileChannel channel;
    private final FileLock lock;
    private final Map<String, List<Recorded>> children = new LinkedHashMap<>();

    /** A process that a launcher started: its stop tier (higher stops first), name, pid and start time. */
    record Recorded(int tier, String name, long pid, long startedMillis) {

        static Optional<Recorded> parse(String line) {
            String[] parts = line.trim().split(" ");
            if (parts.length != 4) {
                return Optional.empty();
            }
            try {
                return Optional.of(new Recorded(Integer.parseInt(parts[0]), parts[1], Long.parseLong(parts[2]),
                        Long.parseLong(parts[3])));
            } catch (NumberFormatException e) {
                return Optional.empty();
            }
        }

        static Optional<Recorded> of(int tier, String name, ProcessHandle process) {
            return process.info().startInstant()
                    .map(started -> new Recorded(tier, name, process.pid(), started.toEpochMilli()));
        }

        String line() {
            return tier + " " + name + " " + pid + " " + startedMillis;
        }

        /** The very process that was recorded, if it still runs: same pid and same start time. */
        Optional<ProcessHandle> stillRunning() {
            return ProcessHandle.of(pid).filter(ProcessHandle::isAlive)
                    .filter(p -> p.info().startInstant().map(Instant::toEpochMilli).orElse(-1L) == startedMillis);
        }
    }

    /** Another launcher holds the data folder; the message is the one line to show. */
    static final class AlreadyRunning extends Exception {
        AlreadyRunning(String message) {
            super(message, null, false, false);
        }
    }

    private RunFolder(Path folder, FileChannel channel, FileLock lock) {
        this.folder = folder;
        this.channel = channel;
        this.lock = lock;
    }

    /**
     * Claims {@code data} for this launcher.
     *
     * @throws AlreadyRunning when a live launcher holds it
     */
    static RunFolder claim(Path data) throws AlreadyRunning {
        try {
            Path folder = Files.createDirectories(data.resolve("run"));
            FileChannel channel = FileChannel.open(folder.resolve("launcher.lock"),
                    StandardOpenOption.CREATE, StandardOpenOption.WRITE);
            FileLock lock;
            try {
                lock = channel.tryLock();
            } catch (OverlappingFileLockException e) {
                lock = null; // held by this very JVM
            }
            if (lock == null) {
                channel.close();
                String pid = readPid(folder).map(Object::toString).orElse("unknown");
                throw new AlreadyRunning("Inkwell is already running (pid " + pid + ", data folder " + data
                        + "); stop it first (Ctrl-C there, or kill " + pid + ") or set INKWELL_DATA_DIR to another folder.");
            }
            Files.writeString(folder.resolve("launcher.pid"), ProcessHandle.current().pid() + "\n");
            return new RunFolder(folder, channel, lock);
        } catch (IOException e) {
            throw new UncheckedIOException("could not claim the data folder " + data, e);
        }
    }

    private static Optional<Long> readPid(Path folder) {
        try {
            return Optional.of(Long.parseLong(Files.readString(folder.resolve("launcher.pid")).trim()));
        } catch (IOException | NumberFormatException e) {
            return Optional.empty();
        }
    }

    /** What the launcher before this one recorded and is still running, to be stopped before anything starts. */
    List<Recorded> leftovers() {
        Path file = folder.resolve("children");
        if (!Files.exists(file)) {
            return List.of();
        }
        try (Stream<String> lines = Files.lines(file)) {
            return lines.map(Recorded::parse).flatMap(Optional::stream)
                    .filter(r -> r.stillRunning().isPresent()).toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Stops the leftovers, higher tiers first. Within a tier the recorded top processes go first, politely,
     * so that each can end what it started in its own way (PostgreSQL its backends, Elasticsearch's launcher
     * its server); whatever of theirs still runs after that is killed. Each gets {@code grace} to end.
     */
    static void stop(List<Recorded> leftovers, Duration grace) {
        leftovers.stream().map(Recorded::tier).distinct().sorted(Comparator.reverseOrder()).forEach(tier -> {
            List<Recorded> inTier = leftovers.stream().filter(r -> r.tier() == tier).toList();
            Map<String, Recorded> tops = new LinkedHashMap<>();
            inTier.forEach(r -> tops.putIfAbsent(r.name(), r));
            stopAll(tops.values().stream().toList(), grace);
            stopAll(inTier.stream().filter(r -> !tops.containsValue(r)).toList(), grace);
        });
    }

    private static void stopAll(List<Recorded> recorded, Duration grace) {
        List<ProcessHandle> processes = recorded.stream().map(Recorded::stillRunning).flatMap(Optional::stream).toList();
        processes.forEach(ProcessHandle::destroy);
        processes.forEach(p -> Processes.awaitExit(p, grace));
    }

    /** Records {@code process} (and whatever it started) as the current incarnation of child {@code name}. */
    synchronized void record(int tier, String name, ProcessHandle process) {
        List<Recorded> now = new ArrayList<>();
        Stream.concat(Stream.of(process), process.descendants())
                .forEach(p -> Recorded.of(tier, name, p).ifPresent(now::add));
        children.put(name, now);
        List<String> lines = children.values().stream().flatMap(List::stream).map(Recorded::line).toList();
        try {
            Path next = folder.resolve("children.next");
            Files.write(next, lines);
            Files.move(next, folder.resolve("children"), java.nio.file.StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        try {
            Files.deleteIfExists(folder.resolve("children"));
            Files.deleteIfExists(folder.resolve("launcher.pid"));
            lock.release();
            channel.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
