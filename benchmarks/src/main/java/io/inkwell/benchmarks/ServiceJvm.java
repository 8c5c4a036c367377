package io.inkwell.benchmarks;

import io.inkwell.localstack.ServiceJvmOptions;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** A service run from its jar in a child JVM, as ./inkwell run runs it, whose memory can be read while it works. */
final class ServiceJvm implements AutoCloseable {

    private static final Pattern HEAP_USED = Pattern.compile("heap[^\\n]*?used (\\d+)K");
    private static final Pattern GENERATION_USED = Pattern.compile("(?m)^(?:DefNew|Tenured)\\s+total \\d+K, used (\\d+)K");

    private final String name;
    private final Process process;
    private final int port;
    private final Path log;

    private ServiceJvm(String name, Process process, int port, Path log) {
        this.name = name;
        this.process = process;
        this.port = port;
        this.log = log;
    }

    static ServiceJvm start(String name, Path jar, int port, Map<String, String> environment, Path logs) {
        if (!Files.isRegularFile(jar)) {
            throw new IllegalStateException(jar + " is missing: build first (benchmarks/run builds it)");
        }
        String java = ProcessHandle.current().info().command().orElse("java");
        Path log = logs.resolve(name + ".log");
        // The heap of ./inkwell run, so that memory figures mean what they mean there.
        List<String> command = new ArrayList<>(List.of(java));
        command.addAll(ServiceJvmOptions.OPTIONS);
        command.addAll(List.of("-jar", jar.toString()));
        ProcessBuilder builder = new ProcessBuilder(command)
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.to(log.toFile()));
        builder.environment().putAll(environment);
        builder.environment().put("SERVER_PORT", Integer.toString(port));
        try {
            return new ServiceJvm(name, builder.start(), port, log);
        } catch (IOException e) {
            throw new UncheckedIOException("could not start " + name, e);
        }
    }

    /** Waits until the health endpoint answers 200; returns when that was. */
    Instant awaitHealthy(Duration timeout) {
        Instant deadline = Instant.now().plus(timeout);
        while (Instant.now().isBefore(deadline)) {
            if (isHealthy()) {
                return Instant.now();
            }
            Http.pause(Duration.ofMillis(250));
        }
        throw new IllegalStateException(name + " was not healthy within " + timeout + "; see " + log);
    }

    /** Whether the health endpoint answers 200 now; a service that has exited is an error. */
    boolean isHealthy() {
        if (!process.isAlive()) {
            throw new IllegalStateException(name + " exited with " + process.exitValue() + "; see " + log);
        }
        try {
            return Http.CLIENT.send(HttpRequest.newBuilder(uri("/actuator/health")).timeout(Duration.ofSeconds(2)).build(),
                    HttpResponse.BodyHandlers.discarding()).statusCode() == 200;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    URI uri(String path) {
        return URI.create("http://127.0.0.1:" + port + path);
    }

    long pid() {
        return process.pid();
    }

    Path log() {
        return log;
    }

    /** The resident set size from /proc (Linux), in KiB; -1 where there is no /proc. */
    long residentKib() {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/" + pid() + "/status"))) {
                if (line.startsWith("VmRSS:")) {
                    return Long.parseLong(line.replaceAll("\\D", ""));
                }
            }
        } catch (IOException | NumberFormatException e) {
            return -1;
        }
        return -1;
    }

    /** Heap in use right after a full GC, in KiB, read with jcmd (GC.run, then GC.heap_info). */
    long heapAfterGcKib() {
        jcmd("GC.run");
        String info = jcmd("GC.heap_info");
        Matcher used = HEAP_USED.matcher(info);
        if (used.find()) {
            return Long.parseLong(used.group(1));
        }
        // The serial collector (./inkwell run's) names its generations instead of a heap: add them up.
        Matcher generation = GENERATION_USED.matcher(info);
        long total = -1;
        while (generation.find()) {
            total = Math.max(total, 0) + Long.parseLong(generation.group(1));
        }
        return total;
    }

    private String jcmd(String command) {
        Path jcmd = Path.of(System.getProperty("java.home"), "bin", "jcmd");
        try {
            Process run = new ProcessBuilder(jcmd.toString(), Long.toString(pid()), command).redirectErrorStream(true).start();
            String output = new String(run.getInputStream().readAllBytes());
            run.waitFor(30, TimeUnit.SECONDS);
            return output;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void close() {
        process.destroy();
        try {
            if (!process.waitFor(30, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
