package io.inkwell.localstack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A launcher in a JVM of its own holds a data folder; this test is the second launcher beside it. */
class RunFolderIT {

    @TempDir
    Path data;

    private Process launcher;

    @AfterEach
    void killLauncher() {
        if (launcher != null) {
            launcher.destroyForcibly();
        }
    }

    @Test
    void refusesASecondLauncherAndCleansUpAfterTheFirstWasKilled() throws Exception {
        launcher = new ProcessBuilder(ProcessHandle.current().info().command().orElse("java"),
                "-cp", System.getProperty("java.class.path"), HoldsDataFolder.class.getName(), data.toString())
                .redirectErrorStream(true).start();
        BufferedReader out = new BufferedReader(new InputStreamReader(launcher.getInputStream()));
        long child = Long.parseLong(out.readLine().replace("child ", ""));

        assertThatThrownBy(() -> RunFolder.claim(data))
                .isInstanceOf(RunFolder.AlreadyRunning.class)
                .hasMessageContaining("pid " + launcher.pid());

        new ProcessBuilder("kill", "-KILL", Long.toString(launcher.pid())).start().waitFor();
        launcher.waitFor();
        assertThat(ProcessHandle.of(child)).hasValueSatisfying(p -> assertThat(p.isAlive()).isTrue());

        try (RunFolder next = RunFolder.claim(data)) {
            List<RunFolder.Recorded> leftovers = next.leftovers();
            assertThat(leftovers).extracting(RunFolder.Recorded::pid).containsExactly(child);
            RunFolder.stop(leftovers, Duration.ofSeconds(10));
        }
        await().atMost(Duration.ofSeconds(10)).until(() -> ProcessHandle.of(child).isEmpty()
                || !ProcessHandle.of(child).orElseThrow().isAlive());
    }

    /** What a launcher does with its data folder: claims it, starts a child, records it, runs on. */
    static final class HoldsDataFolder {
        public static void main(String[] args) throws Exception {
            RunFolder run = RunFolder.claim(Path.of(args[0]));
            Process child = new ProcessBuilder("sleep", "600").start();
            run.record(2, "command-service", child.toHandle());
            System.out.println("child " + child.pid());
            System.out.flush();
            new java.util.concurrent.CountDownLatch(1).await(); // runs until killed
        }
    }
}
