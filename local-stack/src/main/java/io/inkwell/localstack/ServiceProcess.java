package io.inkwell.localstack;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
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
            throw new IllegalStateException(jar + " is missing: build first (./mvnw -DskipTests package)");
        }
        String java = ProcessHandle.current().info().command().orElse("java");
        Path log = LogFiles.prepare(logs.resolve(name + ".log"), "the local stack starts " + name);
        List<String> command = new ArrayList<>(List.of(java));
        command.addAll(ServiceJvmOptions.OPTIONS);
        command.addAll(List.of("-jar", jar.toString()));
        ProcessBuilder builder = new ProcessBuilder(Processes.detached(command))
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
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
        await("/actuator/health", timeout);
    }

    /**
     * Waits until the service has started and serves, whether or not all it depends on is up: a service
     * restarted while PostgreSQL is away still counts as back, and says so in its readiness.
     */
    void awaitLive(Duration timeout) {
        await("/actuator/health/liveness", timeout);
    }

    private void await(String path, Duration timeout) {
        Processes.awaitOk(process, URI.create("http://127.0.0.1:" + port + path), timeout, name, log);
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
