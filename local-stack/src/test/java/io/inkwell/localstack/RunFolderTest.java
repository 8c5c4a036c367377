package io.inkwell.localstack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RunFolderTest {

    @TempDir
    Path data;

    private Process sleeper;

    @AfterEach
    void killSleeper() {
        if (sleeper != null) {
            sleeper.destroyForcibly();
        }
    }

    @Test
    void aSecondLauncherOnTheSameFolderIsToldInOneLineWhoHoldsIt() throws Exception {
        try (RunFolder first = RunFolder.claim(data)) {
            assertThatThrownBy(() -> RunFolder.claim(data))
                    .isInstanceOf(RunFolder.AlreadyRunning.class)
                    .hasMessageContaining("already running")
                    .hasMessageContaining("pid " + ProcessHandle.current().pid())
                    .hasMessageContaining(data.toString())
                    .hasMessageNotContaining("\n")
                    .satisfies(e -> assertThat(e.getStackTrace()).isEmpty());
        }
    }

    @Test
    void theFolderIsFreeAgainOnceTheLauncherHasGone() throws Exception {
        RunFolder.claim(data).close();

        try (RunFolder again = RunFolder.claim(data)) {
            assertThat(again.leftovers()).isEmpty();
        }
    }

    @Test
    void findsAndStopsWhatAKilledLauncherLeftBehind() throws Exception {
        sleeper = new ProcessBuilder("sleep", "600").start();
        Process ended = new ProcessBuilder("true").start();
        ended.waitFor();
        writeRecordOfAKilledLauncher(List.of(
                RunFolder.Recorded.of(2, "command-service", sleeper.toHandle()).orElseThrow().line(),
                "2 query-service " + ended.pid() + " 1000",
                // The pid of a live process, but not the one recorded: started at another time.
                "0 postgres " + ProcessHandle.current().pid() + " 1000"));

        try (RunFolder next = RunFolder.claim(data)) {
            List<RunFolder.Recorded> leftovers = next.leftovers();
            assertThat(leftovers).extracting(RunFolder.Recorded::name).containsExactly("command-service");

            RunFolder.stop(leftovers, Duration.ofSeconds(10));
        }
        assertThat(sleeper.isAlive()).isFalse();
    }

    @Test
    void recordsEveryIncarnationOfAChildUnderItsName() throws Exception {
        sleeper = new ProcessBuilder("sleep", "600").start();
        Process restarted = new ProcessBuilder("sleep", "600").start();
        try (RunFolder run = RunFolder.claim(data)) {
            run.record(2, "command-service", sleeper.toHandle());
            run.record(2, "command-service", restarted.toHandle());

            assertThat(Files.readAllLines(data.resolve("run/children")))
                    .singleElement().asString().startsWith("2 command-service " + restarted.pid() + " ");
        } finally {
            restarted.destroyForcibly();
        }
    }

    private void writeRecordOfAKilledLauncher(List<String> lines) throws IOException {
        Files.createDirectories(data.resolve("run"));
        Files.write(data.resolve("run/children"), lines);
        Files.writeString(data.resolve("run/launcher.pid"), "999999\n");
    }
}
