package io.inkwell.localstack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InputStream;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.jar.Attributes;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * How the local stack starts a service: from its jar, in a JVM of its own with the documented options, on its
 * port and with the stack's environment, its output appended to its log. A tiny jar stands in for the service.
 */
class ServiceProcessTest {

    @TempDir
    Path folder;

    private ServiceProcess service;

    @AfterEach
    void stopService() {
        if (service != null) {
            service.close();
        }
    }

    @Test
    void startsTheJarWithTheServiceJvmOptionsItsPortAndTheStacksEnvironmentLoggingToItsOwnFile() throws Exception {
        Path logs = Files.createDirectories(folder.resolve("logs"));

        service = ServiceProcess.start("command-service", standInJar(), 18_181,
                Map.of("INKWELL_DB_URL", "jdbc:postgresql://127.0.0.1:55432/inkwell", "STAND_IN", "report"), logs);

        Path log = logs.resolve("command-service.log");
        assertThat(service.log()).isEqualTo(log);
        assertThat(service.port()).isEqualTo(18_181);
        String written = awaitLine(log, "done");
        assertThat(written).contains("the local stack starts command-service")
                .contains("SERVER_PORT=18181")
                .contains("INKWELL_DB_URL=jdbc:postgresql://127.0.0.1:55432/inkwell")
                .contains("jvm=" + String.join(" ", ServiceJvmOptions.OPTIONS));
        // The marker comes before what the service wrote, so that a restart's log reads in order.
        assertThat(written.indexOf("the local stack starts")).isLessThan(written.indexOf("SERVER_PORT="));
    }

    @Test
    void aServiceThatDiesBeforeItServesIsNamedWithItsExitStatusAndLog() throws Exception {
        Path logs = Files.createDirectories(folder.resolve("logs"));
        service = ServiceProcess.start("query-service", standInJar(), 18_182, Map.of("STAND_IN", "exit 3"), logs);

        assertThatThrownBy(() -> service.awaitHealthy(Duration.ofSeconds(60)))
                .isInstanceOf(IllegalStateException.class)
                .hasMessage("query-service exited with 3; see " + logs.resolve("query-service.log"));
    }

    @Test
    void refusesToStartWithoutTheJarAndSaysToBuildFirst() {
        Path missing = folder.resolve("command-service/target/command-service.jar");

        assertThatThrownBy(() -> ServiceProcess.start("command-service", missing, 18_183, Map.of(), folder))
                .isInstanceOf(IllegalStateException.class)
                .hasMessage(missing + " is missing: build first (./mvnw -DskipTests package)");
    }

    private Path standInJar() throws IOException {
        Manifest manifest = new Manifest();
        manifest.getMainAttributes().put(Attributes.Name.MANIFEST_VERSION, "1.0");
        manifest.getMainAttributes().put(Attributes.Name.MAIN_CLASS, StandIn.class.getName());
        Path jar = folder.resolve("service.jar");
        String entry = StandIn.class.getName().replace('.', '/') + ".class";
        try (JarOutputStream out = new JarOutputStream(Files.newOutputStream(jar), manifest);
             InputStream classFile = StandIn.class.getClassLoader().getResourceAsStream(entry)) {
            out.putNextEntry(new JarEntry(entry));
            classFile.transferTo(out);
            out.closeEntry();
        }
        return jar;
    }

    private static String awaitLine(Path log, String line) {
        return await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(50))
                .until(() -> Files.readString(log), written -> written.lines().anyMatch(line::equals));
    }

    /** The stand-in service: says how it was started, or exits with the status it is told. */
    public static final class StandIn {

        public static void main(String[] args) {
            String mode = System.getenv("STAND_IN");
            if (mode.startsWith("exit ")) {
                System.exit(Integer.parseInt(mode.substring("exit ".length())));
            }
            System.out.println("SERVER_PORT=" + System.getenv("SERVER_PORT"));
            System.out.println("INKWELL_DB_URL=" + System.getenv("INKWELL_DB_URL"));
            System.out.println("jvm=" + String.join(" ", ManagementFactory.getRuntimeMXBean().getInputArguments()));
            System.out.println("done");
        }
    }
}
