package io.inkwell.localstack;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LogFilesTest {

    @TempDir
    Path logs;

    @Test
    void keepsWhatTheCrashedChildWroteAndMarksTheRestart() throws IOException {
        Path log = logs.resolve("command-service.log");
        LogFiles.prepare(log, "starting command-service");
        Files.writeString(log, "java.lang.OutOfMemoryError\n", java.nio.file.StandardOpenOption.APPEND);

        LogFiles.prepare(log, "restarting command-service after exit 137");

        assertThat(Files.readAllLines(log)).hasSize(3)
                .satisfies(lines -> assertThat(lines.get(1)).isEqualTo("java.lang.OutOfMemoryError"))
                .last().asString().contains("restarting command-service after exit 137");
    }

    @Test
    void rotatesALogThatGrewTooBigAndKeepsOnlySoManyOldOnes() throws IOException {
        Path log = logs.resolve("query-service.log");
        for (int start = 1; start <= 5; start++) {
            LogFiles.prepare(log, "start " + start, 10, 2);
            Files.writeString(log, "output of start " + start + "\n", java.nio.file.StandardOpenOption.APPEND);
        }

        assertThat(Files.readString(log)).contains("start 5").doesNotContain("start 4");
        assertThat(Files.readString(LogFiles.numbered(log, 1))).contains("output of start 4");
        assertThat(Files.readString(LogFiles.numbered(log, 2))).contains("output of start 3");
        assertThat(LogFiles.numbered(log, 3)).doesNotExist();
    }

    @Test
    void leavesASmallLogWhereItIs() throws IOException {
        Path log = logs.resolve("keycloak.log");
        LogFiles.prepare(log, "first", 1024, 2);
        LogFiles.prepare(log, "second", 1024, 2);

        assertThat(Files.readString(log)).contains("first").contains("second");
        assertThat(LogFiles.numbered(log, 1)).doesNotExist();
    }
}
