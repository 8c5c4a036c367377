package io.inkwell.benchmarks;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The figures of one scenario run, printed as they come and appended to RESULTS.md as one section: the
 * machine, the date, the method, and each figure beside its baseline measured in the same run.
 */
final class Results {

    private final String title;
    private final List<String> method = new ArrayList<>();
    private final List<String> rows = new ArrayList<>();
    private final List<String> notes = new ArrayList<>();

    Results(String title) {
        this.title = title;
    }

    void method(String line) {
        method.add(line);
        System.out.println("  method: " + line);
    }

    /** A figure; {@code baseline} is what the same machine did for the simplest equivalent work, or 0 for none. */
    void figure(String what, double value, String unit, double baseline, String baselineName) {
        // Small ratios (an API request against a raw insert) keep three significant digits rather than read 0.00.
        double times = value / baseline;
        String ratio = baseline > 0 ? String.format(Locale.ROOT, times < 0.1 ? "%.3g × %s" : "%.2f × %s", times, baselineName) : "";
        // Beside each figure, because the shared machine's load changes within one scenario.
        String load = loadAverage();
        rows.add("| " + what + " | " + number(value) + " " + unit + " | " + ratio + " | " + load + " |");
        System.out.println("  " + what + ": " + number(value) + " " + unit + (ratio.isEmpty() ? "" : " (" + ratio + ")")
                + " [load " + load + "]");
    }

    void note(String line) {
        notes.add(line);
        System.out.println("  note: " + line);
    }

    static String number(double value) {
        return value >= 100 || value == Math.rint(value)
                ? String.format(Locale.ROOT, "%,.0f", value) : String.format(Locale.ROOT, "%,.2f", value);
    }

    static String machine() {
        Runtime runtime = Runtime.getRuntime();
        long ramGib = ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
                .getTotalMemorySize() >> 30;
        return runtime.availableProcessors() + " cores, " + ramGib + " GiB RAM, " + System.getProperty("os.name") + " "
                + System.getProperty("os.arch") + ", JDK " + System.getProperty("java.vm.vendor") + " "
                + System.getProperty("java.runtime.version");
    }

    /** The 1, 5 and 15 minute load averages (Linux), to tell a quiet machine from a busy one. */
    static String loadAverage() {
        try {
            String[] load = Files.readString(Path.of("/proc/loadavg")).split(" ");
            return load[0] + " / " + load[1] + " / " + load[2];
        } catch (IOException e) {
            return "unknown";
        }
    }

    void appendTo(Path file, String label) {
        StringBuilder section = new StringBuilder();
        section.append("\n## ").append(title).append(label.isBlank() ? "" : " (" + label + ")").append(", ")
                .append(ZonedDateTime.now(ZoneOffset.UTC).format(DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'")))
                .append("\n\nMachine: ").append(machine()).append("; load average at the end ").append(loadAverage())
                .append(" (the machine is shared: other work ran beside this one).\n\n");
        method.forEach(line -> section.append("- ").append(line).append('\n'));
        if (!rows.isEmpty()) {
            section.append("\n| figure | value | against the baseline | load average 1 / 5 / 15 min |\n| --- | --- | --- | --- |\n");
            rows.forEach(row -> section.append(row).append('\n'));
        }
        if (!notes.isEmpty()) {
            section.append('\n');
            notes.forEach(line -> section.append("- ").append(line).append('\n'));
        }
        try {
            if (!Files.exists(file)) {
                Files.writeString(file, "# Benchmark results\n\nAppended by `benchmarks/run`; see the README's section"
                        + " \"Benchmarks\" for what each scenario does.\n");
            }
            Files.writeString(file, section, StandardOpenOption.APPEND);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
