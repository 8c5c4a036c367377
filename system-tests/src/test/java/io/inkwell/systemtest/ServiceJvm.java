package io.inkwell.systemtest;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.awaitility.Awaitility;

/**
 * One of Inkwell's services run from its boot jar in a child JVM, as in production: it can be killed with
 * SIGKILL and started again on the same port. Its output of every start is appended to one log file, so
 * that the evidence of a crash survives the restart.
 */
final class ServiceJvm implements AutoCloseable {

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    private final String name;
    private final Path jar;
    private final int port;
    private final Map<String, String> environment;
    private final Path log;
    private Process process;

    ServiceJvm(String name, Path jar, int port, Map<String, String> environment, Path logs) {
        if (!Files.isRegularFile(jar)) {
            throw new IllegalStateException(jar + " is missing: package the services first (./mvnw verify does)");
        }
        this.name = name;
        this.jar = jar;
        this.port = port;
        this.environment = environment;
        this.log = logs.resolve(name + ".log");
        // Also when the test JVM is ended before its clean-up runs.
        Runtime.getRuntime().addShutdownHook(new Thread(this::close, name + "-kill"));
    }

    synchronized ServiceJvm start() {
        String java = ProcessHandle.current().info().command().orElse("java");
        // C1 only and a small heap: these JVMs start several times on two shared cores.
        ProcessBuilder builder = new ProcessBuilder(List.of(java, "-Xmx384m", "-XX:TieredStopAtLevel=1",
                "-XX:+UseSerialGC", "-jar", jar.toString()))
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
        builder.environment().putAll(environment);
        builder.environment().put("SERVER_PORT", Integer.toString(port));
        try {
            process = builder.start();
        } catch (IOException e) {
            throw new UncheckedIOException("could not start " + name, e);
        }
        return this;
    }

    /** SIGKILL: no shutdown hook, no graceful stop, connections cut mid-request. */
    synchronized void kill() throws InterruptedException {
        process.destroyForcibly();
        if (!process.waitFor(30, TimeUnit.SECONDS)) {
            throw new IllegalStateException(name + " survived SIGKILL");
        }
    }

    /** Waits until readiness answers 200, failing early when the JVM dies. */
    void awaitReady(Duration timeout) {
        HttpRequest request = HttpRequest.newBuilder(uri("/actuator/health/readiness")).timeout(Duration.ofSeconds(5)).build();
        Awaitility.await(name + " ready (see " + log + ")").atMost(timeout).pollInterval(Duration.ofMillis(200))
                .ignoreExceptionsInstanceOf(IOException.class)
                .until(() -> {
                    if (!process.isAlive()) {
                        throw new IllegalStateException(name + " exited with " + process.exitValue() + "; see " + log);
                    }
                    return HTTP.send(request, HttpResponse.BodyHandlers.discarding()).statusCode() == 200;
                });
    }

    URI uri(String path) {
        return URI.create("http://127.0.0.1:" + port + path);
    }

    String name() {
        return name;
    }

    /** The process id, which Axon's token claims name their owner by ({@code pid@host}). */
    synchronized long pid() {
        return process.pid();
    }

    Path log() {
        return log;
    }

    @Override
    public synchronized void close() {
        if (process != null && process.isAlive()) {
            process.destroyForcibly();
        }
    }
}
