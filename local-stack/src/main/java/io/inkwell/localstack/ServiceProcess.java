package io.inkwell.localstack;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/** One of Inkwell's Spring Boot services, run from its jar in a child JVM with its log in a file. */
final class ServiceProcess implements AutoCloseable {

    private final String name;
    private final Process process;
    private final int port;
    private final Path log;

    private ServiceProcess(String name, Process process, int port, Path log) {
        this.name = name;
        this.process = process;
        this.port = port;
        this.log = log;
    }

    static ServiceProcess start(String name, Path jar, int port, Map<String, String> environment, Path logs) {
        if (!Files.isRegularFile(jar)) {
            throw new IllegalStateException(jar + " is missing: build first (./mvnw -DskipTests install)");
        }
        String java = ProcessHandle.current().info().command().orElse("java");
        Path log = logs.resolve(name + ".log");
        ProcessBuilder builder = new ProcessBuilder(List.of(java, "-Xmx512m", "-jar", jar.toString()))
                .redirectErrorStream(true)
                .redirectOutput(log.toFile());
        builder.environment().putAll(environment);
        builder.environment().put("SERVER_PORT", Integer.toString(port));
        try {
            return new ServiceProcess(name, builder.start(), port, log);
        } catch (IOException e) {
            throw new UncheckedIOException("could not start " + name, e);
        }
    }

    /** Waits until the service's health endpoint answers UP. */
    void awaitHealthy(Duration timeout) {
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
        HttpRequest health = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/actuator/health"))
                .timeout(Duration.ofSeconds(5)).build();
        Instant deadline = Instant.now().plus(timeout);
        while (Instant.now().isBefore(deadline)) {
            if (!process.isAlive()) {
                throw new IllegalStateException(name + " exited with " + process.exitValue() + "; see " + log);
            }
            try {
                if (http.send(health, HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
                    return;
                }
            } catch (IOException e) {
                // not listening yet
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
            try {
                Thread.sleep(500);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
        throw new IllegalStateException(name + " was not healthy within " + timeout + "; see " + log);
    }

    String name() {
        return name;
    }

    Process process() {
        return process;
    }

    int port() {
        return port;
    }

    Path log() {
        return log;
    }

    @Override
    public void close() {
        Processes.stop(process, Duration.ofSeconds(30));
    }
}
