package io.inkwell.benchmarks;

import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;

/** {@code --name value} pairs after the scenario's name, with defaults that give about a million events. */
record Options(Map<String, String> values) {

    static Options parse(String[] args, int from) {
        Map<String, String> values = new HashMap<>();
        for (int i = from; i < args.length; i++) {
            if (!args[i].startsWith("--") || i + 1 == args.length) {
                throw new IllegalArgumentException("expected --name value, got " + args[i]);
            }
            values.put(args[i].substring(2), args[++i]);
        }
        return new Options(values);
    }

    private String get(String name, String fallback) {
        return values.getOrDefault(name, fallback);
    }

    int users() {
        return Integer.parseInt(get("users", "10000"));
    }

    int posts() {
        return Integer.parseInt(get("posts", "100000"));
    }

    long seed() {
        return Long.parseLong(get("seed", "8"));
    }

    /** Where PostgreSQL (and Elasticsearch) keep their data and the services their logs. */
    Path data() {
        return Path.of(get("data", "/tmp/inkwell-bench")).toAbsolutePath();
    }

    int postgresPort() {
        return Integer.parseInt(get("postgres-port", "55632"));
    }

    int queryPort() {
        return Integer.parseInt(get("query-port", "18082"));
    }

    int commandPort() {
        return Integer.parseInt(get("command-port", "18081"));
    }

    /** The longest a scenario waits for projections: a slow one is reported with the rate it reached. */
    Duration cap() {
        return Duration.ofMinutes(Long.parseLong(get("minutes", "15")));
    }

    /**
     * How long rebuild and export wait for query-service's live processors to reach the head before measuring
     * (then they measure beside the catch-up and say so); {@code --minutes} unless given.
     */
    Duration catchUpWait() {
        return values.containsKey("wait-minutes") ? Duration.ofMinutes(Long.parseLong(get("wait-minutes", "0"))) : cap();
    }

    /** The read models the rebuild scenario rebuilds, in this order. */
    java.util.List<String> projections() {
        return java.util.List.of(get("projections", String.join(",", Positions.GROUPS)).split(","));
    }

    /** Events in the smaller export that is compared with the whole history's. */
    long smallExport() {
        return Long.parseLong(get("small-export", "100000"));
    }

    /** Whether figures are appended to benchmarks/RESULTS.md. */
    boolean record() {
        return Boolean.parseBoolean(get("record", "true"));
    }

    /** A label for the section in RESULTS.md, e.g. "before" or "after". */
    String label() {
        return get("label", "");
    }

    /** How long each load scenario (and the insert baseline) runs; short by default, for a smoke run. */
    int seconds() {
        return Integer.parseInt(get("seconds", "20"));
    }

    /** The connections of the create scenarios, one run each. */
    java.util.List<Integer> createConnections() {
        return java.util.Arrays.stream(get("connections", "8,64,256").split(",")).map(Integer::valueOf).toList();
    }

    /** The connections of the read scenarios, the mixed one, and the insert baseline. */
    int readConnections() {
        return Integer.parseInt(get("read-connections", "64"));
    }

    /** Connections of the search scenario and of its baseline (a search costs far more than a read by id). */
    int searchConnections() {
        return Integer.parseInt(get("search-connections", "8"));
    }

    /** The load scenarios to run, in this order. */
    java.util.List<String> loads() {
        return java.util.List.of(get("loads", "creates,mixed,get-cache,list,search,lag").split(","));
    }

    /** The words of the search scenario and its baseline; words of the generated titles and bodies. */
    String searchQuery() {
        return get("q", "projection latency");
    }

    /** Writes per second of the projection-lag scenario. */
    int lagRate() {
        return Integer.parseInt(get("lag-rate", "500"));
    }

    /** Every how-many-th writer of the lag scenario measures a lag. */
    int lagSample() {
        return Integer.parseInt(get("lag-sample", "10"));
    }

    /** Users registered for the load, whose tokens the simulations use in turn. */
    int loadUsers() {
        return Integer.parseInt(get("load-users", "300"));
    }
}
