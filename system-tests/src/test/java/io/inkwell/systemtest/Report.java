package io.inkwell.systemtest;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** The figures a crash run measured, printed as they come and kept in a file for the README and CI. */
final class Report {

    private final Path file;
    private final List<String> lines = new CopyOnWriteArrayList<>();

    Report(Path file) {
        this.file = file;
    }

    void line(String text) {
        System.out.println("[crash] " + text);
        lines.add(text);
    }

    void write() {
        try {
            Files.createDirectories(file.getParent());
            Files.write(file, lines);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
