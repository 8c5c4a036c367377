package io.inkwell.benchmarks;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * One Gatling simulation of benchmarks/load, run in a child JVM on that module's own class path (Gatling brings
 * its own Netty, Jackson and Scala, which must not meet the services' versions), and its statistics as Gatling's
 * report computed them ({@code js/stats.json}): percentiles and throughput of each request and group.
 */
final class GatlingRun {

    private static final String SIMULATIONS = "io.inkwell.benchmarks.load.";

    /** One request's or group's figures: successful and failed count, percentiles of the successful ones (ms). */
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
                    "-Xmx1g", "-cp", root.resolve("benchmarks/load/target/classes") + ":" + Files.readString(classPath).strip(),
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
            Path stats;
            try (Stream<Path> files = Files.walk(folder)) {
                stats = files.filter(path -> path.endsWith(Path.of("js", "stats.json"))).findFirst()
                        .orElseThrow(() -> new IllegalStateException("Gatling wrote no report (exit "
                                + gatling.exitValue() + "); see " + log));
            }
            return read(JsonMapper.shared().readTree(Files.readString(stats)));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** The requests and groups of a report's tree, by name (groups nest; names are unique in our simulations). */
    static Map<String, Stats> read(JsonNode report) {
        Map<String, Stats> byName = new LinkedHashMap<>();
        collect(report, byName);
        return byName;
    }

    private static void collect(JsonNode node, Map<String, Stats> byName) {
        JsonNode stats = node.path("stats");
        if (!stats.isMissingNode()) {
            String name = node.path("name").asString();
            byName.put(name, new Stats(name, (long) number(stats, "numberOfRequests"),
                    (long) ko(stats, "numberOfRequests"), number(stats, "percentiles1"), number(stats, "percentiles3"),
                    number(stats, "percentiles4"), number(stats, "meanNumberOfRequestsPerSecond")));
        }
        for (JsonNode child : node.path("contents")) {
            collect(child, byName);
        }
    }

    /** Gatling writes "-" where there were no such requests. */
    private static double number(JsonNode stats, String field) {
        JsonNode ok = stats.path(field).path("ok");
        return ok.isNumber() ? ok.asDouble() : parse(ok.asString());
    }

    private static double ko(JsonNode stats, String field) {
        JsonNode ko = stats.path(field).path("ko");
        return ko.isNumber() ? ko.asDouble() : parse(ko.asString());
    }

    private static double parse(String text) {
        try {
            return Double.parseDouble(text);
        } catch (NumberFormatException e) {
            return 0;
        }
    }
}
