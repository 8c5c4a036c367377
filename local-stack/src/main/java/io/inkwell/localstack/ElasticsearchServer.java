package io.inkwell.localstack;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermission;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * A real single-node Elasticsearch from Elastic's minimal distribution on Maven Central, in a child
 * process. Elasticsearch refuses to run as root, so under root it runs as {@code nobody}; the unpacked
 * distribution therefore lives in a world-readable folder under the temp directory, and the node's own
 * files (config, data, logs) in a work folder that {@code nobody} owns. It can be stopped and started
 * again on the same data, which is how tests simulate an outage.
 */
public final class ElasticsearchServer implements AutoCloseable {

    private static final Duration START_TIMEOUT = Duration.ofMinutes(3);

    private final Path home;
    private final Path work;
    private final boolean temporary;
    private final int httpPort;
    private final int transportPort;
    private Process process;

    private ElasticsearchServer(Path home, Path work, boolean temporary, int httpPort) {
        this.home = home;
        this.work = work;
        this.temporary = temporary;
        this.httpPort = httpPort > 0 ? httpPort : freePort();
        this.transportPort = freePort();
        Runtime.getRuntime().addShutdownHook(new Thread(this::close, "elasticsearch-stop"));
    }

    /**
     * @param workDirectory the node's config, data and logs, or {@code null} for a throw-away folder
     * @param httpPort      the HTTP port, or 0 for any free port
     */
    public static ElasticsearchServer start(Path workDirectory, int httpPort) {
        Path home = Distributions.unpack(Path.of(Distributions.property("elasticsearch.distribution")),
                Path.of(System.getProperty("java.io.tmpdir"), "inkwell-elasticsearch-" + version()));
        try {
            boolean temporary = workDirectory == null;
            Path work = temporary ? Files.createTempDirectory("inkwell-es-") : workDirectory.toAbsolutePath();
            ElasticsearchServer server = new ElasticsearchServer(home, work, temporary, httpPort);
            server.start();
            return server;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Where a node that should keep its data in {@code wanted} can actually keep it. Under root the node
     * runs as {@code nobody}; when a parent of {@code wanted} is closed to others (a home folder, say), the
     * data goes to a folder under /var/tmp and {@code wanted} becomes a link to it. A missing link means a
     * fresh start, so whatever the outside folder held before is dropped with it.
     */
    public static Path workDirectoryFor(Path wanted) throws IOException {
        Path target = wanted.toAbsolutePath();
        if (!runningAsRoot() || reachableByOthers(target.getParent())) {
            return target;
        }
        Path outside = Path.of("/var/tmp", "inkwell-elasticsearch-" + Integer.toHexString(target.toString().hashCode()));
        if (!Files.isSymbolicLink(target)) {
            Distributions.deleteRecursively(outside);
            Files.createDirectories(outside);
            Files.createDirectories(target.getParent());
            Files.createSymbolicLink(target, outside);
        }
        return outside;
    }

    private static boolean reachableByOthers(Path folder) throws IOException {
        for (Path p = folder; p != null; p = p.getParent()) {
            if (Files.exists(p) && !Files.getPosixFilePermissions(p).contains(PosixFilePermission.OTHERS_EXECUTE)) {
                return false;
            }
        }
        return true;
    }

    public static String version() {
        return Distributions.property("elasticsearch.version");
    }

    public String uri() {
        return "http://127.0.0.1:" + httpPort;
    }

    public int port() {
        return httpPort;
    }

    /** The node's process, whose end means that it died. */
    public ProcessHandle process() {
        return process.toHandle();
    }

    /** Starts the node again on its data after {@link #stop()}. */
    public synchronized void start() {
        if (process != null && process.isAlive()) {
            return;
        }
        try {
            prepareWorkDirectory();
            List<String> command = new ArrayList<>();
            if (runningAsRoot()) {
                command.addAll(List.of("setpriv", "--reuid=" + id("-u"), "--regid=" + id("-g"), "--clear-groups"));
            }
            command.addAll(List.of(home.resolve("bin/elasticsearch").toString(),
                    "-Ediscovery.type=single-node",
                    "-Expack.security.enabled=false",
                    "-Enetwork.host=127.0.0.1",
                    "-Ehttp.port=" + httpPort,
                    "-Etransport.port=" + transportPort,
                    "-Epath.data=" + work.resolve("data"),
                    "-Epath.logs=" + work.resolve("logs"),
                    "-Ecluster.routing.allocation.disk.threshold_enabled=false"));
            ProcessBuilder builder = new ProcessBuilder(Processes.detached(command))
                    .redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(
                            LogFiles.prepare(work.resolve("elasticsearch.out"), "Elasticsearch starts").toFile()));
            builder.environment().put("ES_JAVA_HOME", System.getProperty("java.home"));
            builder.environment().put("ES_PATH_CONF", work.resolve("config").toString());
            builder.environment().put("ES_TMPDIR", work.resolve("tmp").toString());
            builder.environment().putIfAbsent("ES_JAVA_OPTS", "-Xms256m -Xmx256m");
            process = builder.start();
            awaitReady();
        } catch (IOException e) {
            throw new UncheckedIOException("Elasticsearch did not start", e);
        }
    }

    /** Stops the node, keeping its data. */
    public synchronized void stop() {
        if (process != null) {
            Processes.stop(process, Duration.ofSeconds(30));
        }
    }

    @Override
    public void close() {
        stop();
        if (temporary) {
            try {
                Distributions.deleteRecursively(work);
            } catch (IOException e) {
                // a temp folder; the system cleans it eventually
            }
        }
    }

    private void prepareWorkDirectory() throws IOException {
        for (String folder : List.of("config", "data", "logs", "tmp")) {
            Files.createDirectories(work.resolve(folder));
        }
        try (var files = Files.list(home.resolve("config"))) {
            for (Path file : files.filter(Files::isRegularFile).toList()) {
                Path target = work.resolve("config").resolve(file.getFileName());
                if (!Files.exists(target)) {
                    Files.copy(file, target, StandardCopyOption.COPY_ATTRIBUTES);
                }
            }
        }
        if (runningAsRoot()) {
            run("chown", "-R", id("-u") + ":" + id("-g"), work.toString());
            if (!reachableByOthers(work.getParent())) {
                throw new IllegalStateException("Elasticsearch runs as 'nobody', who cannot reach " + work
                        + "; use ElasticsearchServer.workDirectoryFor to place its data");
            }
        }
    }

    private void awaitReady() {
        try {
            Processes.awaitOk(process, URI.create(uri() + "/_cluster/health?wait_for_status=yellow&timeout=1s"),
                    START_TIMEOUT, "Elasticsearch", work.resolve("elasticsearch.out"));
        } catch (IllegalStateException e) {
            stop();
            throw e;
        }
    }

    private static boolean runningAsRoot() {
        return "root".equals(System.getProperty("user.name"));
    }

    private static String id(String flag) {
        return run("id", flag, "nobody").strip();
    }

    private static String run(String... command) {
        try {
            Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
            String output = new String(p.getInputStream().readAllBytes());
            if (p.waitFor() != 0) {
                throw new IllegalStateException(String.join(" ", command) + " failed: " + output);
            }
            return output;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
