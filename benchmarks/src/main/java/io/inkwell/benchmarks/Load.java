package io.inkwell.benchmarks;

import java.nio.file.Path;
import java.sql.Connection;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;

/**
 * The load scenarios: both services started on the store (their start-up timed), users registered, then each
 * scenario as one Gatling simulation (see benchmarks/load) against the real services with rate limiting off,
 * its baseline measured in the same run: single-row inserts from as many clients for the writes, the same
 * search query straight to Elasticsearch for the search. Resident memory of each service at the end.
 */
final class Load {

    /** The request name of the graphql read in benchmarks/load's Reads simulation. */
    static final String GRAPHQL_PAGE = "graphql page of 20 posts with authors";

    private Load() {
    }

    static void run(BenchStack stack, Options options, Results results) throws Exception {
        try (Connection connection = stack.connect()) {
            long head = Positions.head(connection);
            long started = System.nanoTime();
            ServiceJvm query = stack.startService("query-service", options.queryPort(), true);
            double queryStart = (System.nanoTime() - started) / 1e9;
            started = System.nanoTime();
            ServiceJvm command = stack.startService("command-service", options.commandPort(), true);
            double commandStart = (System.nanoTime() - started) / 1e9;
            CatchUpWait.untilHead(connection, head, options.catchUpWait(), results);
            LoadFeeders feeders = LoadFeeders.prepare(command, connection, options.data().resolve("load"), options.loadUsers());
            results.method("both services from their jars with the JVM options of ./inkwell run (256 MB heap, serial GC), rate limiting off (INKWELL_RATE_LIMIT_ENABLED=false), "
                    + "tokens from the in-process issuer; " + Results.number(head) + " events in the store, "
                    + feeders.users() + " users registered through the API before the load, " + feeders.publishedPosts()
                    + " published posts to read; start-up is from the JVM's start until /actuator/health answers 200");
            results.method("load: Gatling " + "(Java DSL, benchmarks/load) in a child JVM on the same machine; closed model "
                    + "(each virtual user one connection, the next request when the last is answered) for "
                    + options.seconds() + " s per scenario, except the projection lag (open model, constant arrival rate); "
                    + "percentiles over all requests (failed ones included, and counted in a note), throughput as Gatling's "
                    + "mean requests/s over the run, both as Gatling reports them");
            results.figure("query-service start until healthy", queryStart, "s", 0, "");
            results.figure("command-service start until healthy", commandStart, "s", 0, "");

            Map<String, String> common = new HashMap<>(Map.of("command", command.uri("").toString(),
                    "query", query.uri("").toString(), "tokens", feeders.tokens().toString(),
                    "posts", feeders.posts().toString(), "seconds", Integer.toString(options.seconds())));
            Path reports = options.data().resolve("load").resolve("gatling");
            Runner runner = new Runner(stack.root(), reports, common);
            double inserts = 0;
            String insertsName = "inserts from " + options.readConnections() + " clients";
            if (options.loads().stream().anyMatch(load -> load.equals("creates") || load.equals("mixed"))) {
                inserts = ConcurrentInserts.run(stack, options.readConnections(), Duration.ofSeconds(options.seconds()));
                results.method("baseline: single-row INSERTs of copies of stored events from " + options.readConnections()
                        + " JDBC clients, each on its own thread and each row its own transaction (fsync on), into a table "
                        + "shaped like domain_event_entry, for " + options.seconds() + " s");
                results.figure("baseline: single-row inserts, " + options.readConnections() + " clients", inserts, "rows/s", 0, "");
            }
            for (String load : options.loads()) {
                switch (load) {
                    case "creates" -> {
                        for (int connections : options.createConnections()) {
                            Map<String, GatlingRun.Stats> stats = runner.run("CreatePosts", Map.of("connections", "" + connections));
                            report(results, "create post, " + connections + " connections", stats.get("create post"), inserts, insertsName);
                        }
                    }
                    case "mixed" -> {
                        Map<String, GatlingRun.Stats> stats = runner.run("ReadsAndWrites",
                                Map.of("connections", "" + options.readConnections()));
                        String what = "80/20 reads/writes, " + options.readConnections() + " connections";
                        results.figure(what + ": all requests", stats.get("Global").perSecond(), "requests/s", inserts, insertsName);
                        report(results, what + ", its reads", stats.get("get post by id"), 0, "");
                        report(results, what + ", its creates", stats.get("create post"), 0, "");
                    }
                    case "get", "list", "graphql" -> {
                        Map<String, GatlingRun.Stats> stats = runner.run("Reads",
                                Map.of("connections", "" + options.readConnections(), "read", load));
                        String request = switch (load) {
                            case "get" -> "get post by id";
                            case "list" -> "list posts";
                            default -> GRAPHQL_PAGE;
                        };
                        report(results, request + " with a token, " + options.readConnections() + " connections",
                                stats.get(request), 0, "");
                    }
                    case "get-cache" -> query = cacheOnAndOff(stack, options, runner, query, results);
                    case "search" -> Searches.run(runner, stack, options, results);
                    case "lag" -> Searches.lag(runner, options, results);
                    default -> throw new IllegalArgumentException("no load " + load
                            + ": creates, mixed, get, get-cache, graphql, list, search, lag");
                }
            }
            results.figure("query-service VmRSS after the load", query.residentKib() / 1024.0, "MiB", 0, "");
            results.figure("command-service VmRSS after the load", command.residentKib() / 1024.0, "MiB", 0, "");
            results.note("Gatling's reports (HTML) are under " + reports);
        }
    }

    /**
     * GET by id and a GraphQL page of 20 posts with authors, with query-service's read model cache (the default)
     * and without it (INKWELL_CACHE_ENABLED=false, query-service restarted), the same requests from the same
     * connections; query-service is left running with its cache, as the later loads expect.
     */
    private static ServiceJvm cacheOnAndOff(BenchStack stack, Options options, Runner runner, ServiceJvm query,
                                            Results results) {
        Map<String, String> get = Map.of("connections", "" + options.readConnections(), "read", "get");
        Map<String, String> graphql = Map.of("connections", "" + options.readConnections(), "read", "graphql");
        GatlingRun.Stats cachedGet = runner.run("Reads", get).get("get post by id");
        GatlingRun.Stats cachedPage = runner.run("Reads", graphql).get(GRAPHQL_PAGE);
        stack.stop(query);
        ServiceJvm uncached = stack.startService("query-service", options.queryPort(), true,
                Map.of("INKWELL_CACHE_ENABLED", "false"));
        GatlingRun.Stats directGet = runner.run("Reads", get).get("get post by id");
        GatlingRun.Stats directPage = runner.run("Reads", graphql).get(GRAPHQL_PAGE);
        stack.stop(uncached);
        results.method("get-cache: the get load and the graphql load (" + GRAPHQL_PAGE + ": posts(first: 20) with "
                + "id, title, tags, version and author { id name }), each first with query-service's read model cache "
                + "(in process, Caffeine), then with query-service restarted without it (INKWELL_CACHE_ENABLED=false); "
                + "the second is the first's baseline");
        String connections = ", " + options.readConnections() + " connections";
        compare(results, "get post by id with a token" + connections, cachedGet, directGet);
        compare(results, GRAPHQL_PAGE + ", with a token" + connections, cachedPage, directPage);
        return stack.startService("query-service", options.queryPort(), true);
    }

    private static void compare(Results results, String what, GatlingRun.Stats cached, GatlingRun.Stats direct) {
        if (cached == null || direct == null) {
            results.note(what + ": no such request in Gatling's report");
            return;
        }
        results.figure(what + ", cache on: throughput", cached.perSecond(), "requests/s", direct.perSecond(), "cache off");
        latencies(results, what + ", cache on", cached, direct, "cache off");
        results.figure(what + ", cache off: throughput", direct.perSecond(), "requests/s", 0, "");
        latencies(results, what + ", cache off", direct, null, "");
        for (GatlingRun.Stats stats : new GatlingRun.Stats[] {cached, direct}) {
            if (stats.failed() > 0) {
                results.note(what + ": " + stats.failed() + " of " + (stats.ok() + stats.failed())
                        + " requests failed (see Gatling's report)");
            }
        }
    }

    /** Throughput (against the baseline, if any) and p50 / p95 / p99 of one request or group. */
    static void report(Results results, String what, GatlingRun.Stats stats, double baseline, String baselineName) {
        if (stats == null) {
            results.note(what + ": no such request in Gatling's report");
            return;
        }
        results.figure(what + ": throughput", stats.perSecond(), "requests/s", baseline, baselineName);
        latencies(results, what, stats, null, "");
        if (stats.failed() > 0) {
            results.note(what + ": " + stats.failed() + " of " + (stats.ok() + stats.failed())
                    + " requests failed (see Gatling's report)");
        }
    }

    /** p50, p95 and p99 in ms, each against the same percentile of {@code baseline} where given. */
    static void latencies(Results results, String what, GatlingRun.Stats stats, GatlingRun.Stats baseline, String baselineName) {
        results.figure(what + ": p50", stats.p50(), "ms", baseline == null ? 0 : baseline.p50(), baselineName);
        results.figure(what + ": p95", stats.p95(), "ms", baseline == null ? 0 : baseline.p95(), baselineName);
        results.figure(what + ": p99", stats.p99(), "ms", baseline == null ? 0 : baseline.p99(), baselineName);
    }

    /** Runs simulations with the settings every one of them needs. */
    record Runner(Path root, Path reports, Map<String, String> common) {
        Map<String, GatlingRun.Stats> run(String simulation, Map<String, String> settings) {
            Map<String, String> all = new HashMap<>(common);
            all.putAll(settings);
            return GatlingRun.run(root, reports, simulation, all);
        }
    }
}
