package io.inkwell.localstack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The {@code ./inkwell} script of the README: finds a JDK 21 or newer by itself, runs the build with it, and
 * refuses a second launcher before building anything. It runs here from a copy beside a stand-in {@code mvnw}
 * that only says how it was called, so that no test builds or starts the stack.
 */
class InkwellScriptTest {

    private static final Path SCRIPT = Path.of("").toAbsolutePath().getParent().resolve("inkwell");
    private static final Path RUNNING_JDK = Path.of(System.getProperty("java.home"));

    @TempDir
    Path checkout;

    private Process launcher;

    @AfterEach
    void stopLauncher() {
        if (launcher != null) {
            launcher.destroyForcibly();
        }
    }

    @Test
    void answersAnUnknownCommandWithTheUsageAndStatus2() throws Exception {
        Result result = inkwell(Map.of("JAVA_HOME", RUNNING_JDK.toString()), "start");

        assertThat(result.status()).isEqualTo(2);
        assertThat(result.errors()).startsWith("usage: ./inkwell run ").contains("./inkwell test ");
        assertThat(result.output()).doesNotContain("mvnw");
        assertThat(inkwell(Map.of("JAVA_HOME", RUNNING_JDK.toString())).status()).isEqualTo(2);
    }

    @Test
    void testRunsTheWholeBuildWithTheJdkInJavaHomePassingItsArgumentsOn() throws Exception {
        Result result = inkwell(Map.of("JAVA_HOME", RUNNING_JDK.toString()), "test", "-pl", "local-stack");

        assertThat(result.status()).isZero();
        assertThat(result.output()).contains("mvnw -B verify -pl local-stack\n")
                .contains("JAVA_HOME=" + RUNNING_JDK + "\n")
                .contains("java=" + RUNNING_JDK.resolve("bin/java") + "\n");
    }

    @Test
    void passesOverAJdkOlderThan21AndAJreAndTakesTheJdkOnThePath() throws Exception {
        Path jdk17 = fakeJdk("jdk-17", "17", true);
        Path jdk8 = fakeJdk("jdk-8", "1.8", true);
        Path jre25 = fakeJdk("jre-25", "25", false);
        Path jdk21 = fakeJdk("jdk-21", "21", true);

        for (Path refused : List.of(jdk17, jdk8, jre25)) {
            Result result = inkwell(Map.of("JAVA_HOME", refused.toString(), "PATH", jdk21.resolve("bin") + ":/usr/bin:/bin"),
                    "test");

            assertThat(result.output()).as("JAVA_HOME=" + refused).contains("JAVA_HOME=" + jdk21.toRealPath() + "\n");
        }
    }

    @Test
    void takesTheJdkOnThePathWhenJavaHomeIsUnset() throws Exception {
        Path jdk22 = fakeJdk("jdk-22", "22", true);

        Result result = inkwell(Map.of("PATH", jdk22.resolve("bin") + ":/usr/bin:/bin"), "test");

        assertThat(result.status()).isZero();
        assertThat(result.output()).contains("JAVA_HOME=" + jdk22.toRealPath() + "\n");
    }

    @Test
    void aSecondRunBesideARunningLauncherSaysSoInOneLineAndBuildsNothing() throws Exception {
        Path data = Files.createDirectories(checkout.resolve("data"));
        // A live process whose command line names the local stack, as the running launcher's does.
        launcher = new ProcessBuilder("bash", "-c", "exec -a local-stack-exec.jar sleep 600").start();
        awaitExec(launcher, "sleep");
        Files.createDirectories(data.resolve("run"));
        Files.writeString(data.resolve("run/launcher.pid"), launcher.pid() + "\n");

        Result result = inkwell(Map.of("JAVA_HOME", RUNNING_JDK.toString(), "INKWELL_DATA_DIR", data.toString()), "run");

        assertThat(result.status()).isEqualTo(1);
        assertThat(result.errors()).isEqualTo("Inkwell is already running (pid " + launcher.pid() + ", data folder " + data
                + "); stop it first (Ctrl-C there, or kill " + launcher.pid()
                + ") or set INKWELL_DATA_DIR to another folder.\n");
        assertThat(result.output()).doesNotContain("Building").doesNotContain("mvnw");
    }

    private static void awaitExec(Process process, String program) {
        await().atMost(Duration.ofSeconds(5)).pollInterval(Duration.ofMillis(50))
                .until(() -> process.info().command().orElse("").endsWith("/" + program));
    }

    /** A JDK as far as the script can tell: bin/java reports the version, and bin/javac exists or not. */
    private Path fakeJdk(String name, String version, boolean withJavac) throws IOException {
        Path home = Files.createDirectories(checkout.resolve("jvms").resolve(name));
        executable(home.resolve("bin/java"), """
                #!/bin/sh
                echo "Property settings:" >&2
                echo "    java.specification.version = %s" >&2
                echo "    java.vendor = Test" >&2
                """.formatted(version));
        if (withJavac) {
            executable(home.resolve("bin/javac"), "#!/bin/sh\nexit 0\n");
        }
        return home;
    }

    private Result inkwell(Map<String, String> environment, String... arguments) throws Exception {
        Path script = checkout.resolve("inkwell");
        Files.copy(SCRIPT, script, StandardCopyOption.REPLACE_EXISTING);
        executable(checkout.resolve("mvnw"), """
                #!/bin/sh
                echo "mvnw $*"
                echo "JAVA_HOME=$JAVA_HOME"
                echo "java=$(command -v java)"
                """);
        List<String> command = new ArrayList<>(List.of("bash", script.toString()));
        command.addAll(List.of(arguments));
        ProcessBuilder builder = new ProcessBuilder(command).directory(checkout.toFile());
        builder.environment().clear();
        builder.environment().put("PATH", "/usr/bin:/bin");
        builder.environment().put("HOME", checkout.toString());
        builder.environment().putAll(environment);
        Path output = checkout.resolve("stdout");
        Path errors = checkout.resolve("stderr");
        Process process = builder.redirectOutput(output.toFile()).redirectError(errors.toFile()).start();
        if (!process.waitFor(60, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new AssertionError("./inkwell " + String.join(" ", arguments) + " did not end within 60 s");
        }
        return new Result(process.exitValue(), Files.readString(output, StandardCharsets.UTF_8),
                Files.readString(errors, StandardCharsets.UTF_8));
    }

    private static void executable(Path file, String content) throws IOException {
        Files.createDirectories(file.getParent());
        Files.writeString(file, content);
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rwxr-xr-x"));
    }

    private record Result(int status, String output, String errors) {
    }
}
