package io.inkwell.benchmarks;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One Gatling simulation of benchmarks/load, run in a child JVM on that module's own class path (Gatling brings
 * its own Netty, Jackson and Scala, which must not meet the services' versions), and its statistics as Gatling
 * computed them: percentiles (of all requests, failed ones included), throughput and counts of each request and
 * group. The HTML report stays beside its log.
 */
final class GatlingRun {

    private static final String SIMULATIONS = "io.inkwell.benchmarks.load.";
    private static final Pattern ASSERTION = Pattern.compile(
            "^(.+?): (.+?) is greater than or equal to [0-9.]+ : (?:true|false) \\(actual : ([0-9.Ee+-]+)\\)$");

    /** One request's or group's figures: successful and failed count, percentiles (ms), mean requests a second. */
    record Stats(String name, long ok, long failed, double p50, double p95, double p99, double perSecond) {
    }

    private GatlingRun() {
    }

    /**
     * Runs {@code simulation} with {@code settings} as {@code -Dload.<name>}; its report goes to a new folder
     * under {@code results}. Returns the figures by request or group name.
     */
    static Map<String, Stats> run(Path root, Path results, String simulation, Map<String, String> settings) {
        Path classPath = root.resolve("benchmarks/load/target/classpath.txt");
        if (!Files.isRegularFile(classPath)) {
            throw new IllegalStateException(classPath + " is missing: build benchmarks/load (benchmarks/run builds it)");
        }
        try {
            Files.createDirectories(results);
            Path folder = Files.createTempDirectory(results, simulation + "-");
            Path log = folder.resolve("gatling.log");
            List<String> command = new ArrayList<>(List.of(ProcessHandle.current().info().command().orElse("java"),
                    // The options Gatling's own launchers give its JVM: it reaches into java.lang and java.nio.
                    "-Xmx1g", "-XX:+UseG1GC", "--enable-native-access=ALL-UNNAMED",
                    "--add-opens=java.base/java.lang=ALL-UNNAMED", "--add-opens=java.base/java.nio=ALL-UNNAMED",
                    "--add-opens=java.base/jdk.internal.misc=ALL-UNNAMED",
                    "-cp", root.resolve("benchmarks/load/target/classes") + ":" + Files.readString(classPath).strip(),
                    // No usage report to gatling.io (the machines have no internet); a group's time is its duration.
                    "-Dgatling.data.enableAnalytics=false", "-Dgatling.charting.useGroupDurationMetric=true",
                    "-Dgatling.data.console.light=true"));
            settings.forEach((name, value) -> command.add("-Dload." + name + "=" + value));
            command.addAll(List.of("io.gatling.app.Gatling", "--simulation", SIMULATIONS + simulation,
                    "--results-folder", folder.toString(), "--launcher", "inkwell-benchmarks"));
            System.out.println("  gatling: " + simulation + " " + settings.getOrDefault("connections", "")
                    + settings.getOrDefault("read", "") + " for " + settings.get("seconds") + " s, log " + log);
            Process gatling = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
            if (!gatling.waitFor(Long.parseLong(settings.get("seconds")) + 600, TimeUnit.SECONDS)) {
                gatling.destroyForcibly();
                throw new IllegalStateException("Gatling did not end; see " + log);
            }
            int exit = gatling.exitValue();
            Map<String, Stats> figures = read(Files.readAllLines(log));
            // 2: an assertion did not hold, which ours only do for a request that never ran (it has no figures then).
            if ((exit != 0 && exit != 2) || figures.isEmpty()) {
                throw new IllegalStateException("Gatling ended with " + exit + " and no figures; see " + log);
            }
            return figures;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /**
     * The figures of the run from the lines Gatling prints for its assertions (see benchmarks/load Measured), e.g.
     * {@code create post: 99th percentile of response time is greater than or equal to 0.0 : true (actual : 41.0)},
     * by request or group name ("Global" for the whole run). A request that never ran has no figures.
     */
    static Map<String, Stats> read(List<String> lines) {
        Map<String, Map<String, Double>> metrics = new LinkedHashMap<>();
        for (String line : lines) {
            Matcher figure = ASSERTION.matcher(line);
            if (figure.matches()) {
                metrics.computeIfAbsent(figure.group(1), name -> new HashMap<>())
                        .put(figure.group(2), Double.parseDouble(figure.group(3)));
            }
        }
        Map<String, Stats> byName = new LinkedHashMap<>();
        metrics.forEach((name, values) -> byName.put(name, new Stats(name,
                values.getOrDefault("count of successful events", 0.0).longValue(),
                values.getOrDefault("count of failed events", 0.0).longValue(),
                values.getOrDefault("50th percentile of response time", 0.0),
                values.getOrDefault("95th percentile of response time", 0.0),
                values.getOrDefault("99th percentile of response time", 0.0),
                values.getOrDefault("mean requests per second", 0.0))));
        return byName;
    }
}
