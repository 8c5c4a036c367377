package io.inkwell.benchmarks;

import java.util.Map;

/** The search scenario beside its baseline, and the projection lag, whose figures are Gatling groups. */
final class Searches {

    private Searches() {
    }

    /**
     * The same query at the same concurrency straight to Elasticsearch (the body query-service's PostSearch sends,
     * see benchmarks/load SearchBody), then through GET /api/v1/search/posts; each figure of the API against
     * Elasticsearch's.
     */
    static void run(Load.Runner runner, BenchStack stack, Options options, Results results) {
        String connections = Integer.toString(options.searchConnections());
        Map<String, GatlingRun.Stats> direct = runner.run("Reads", Map.of("connections", connections,
                "read", "elasticsearch", "q", options.searchQuery(), "elasticsearch", stack.elasticsearch()));
        Map<String, GatlingRun.Stats> api = runner.run("Reads", Map.of("connections", connections,
                "read", "search", "q", options.searchQuery()));
        GatlingRun.Stats baseline = direct.get("search elasticsearch");
        GatlingRun.Stats search = api.get("search posts");
        results.method("search: q=\"" + options.searchQuery() + "\" (anonymous) at " + connections + " connections; baseline: "
                + "the same bool/multi_match query with facets and highlights, POSTed to Elasticsearch's posts alias, "
                + "same connections, same duration, in the same run");
        Load.report(results, "baseline: search straight to Elasticsearch, " + connections + " connections", baseline, 0, "");
        if (baseline == null || search == null) {
            results.note("search: a run had no successful requests; see Gatling's report");
            return;
        }
        results.figure("search through the API, " + connections + " connections: throughput", search.perSecond(),
                "requests/s", baseline.perSecond(), "Elasticsearch direct");
        Load.latencies(results, "search through the API, " + connections + " connections", search, baseline,
                "Elasticsearch direct");
        if (search.failed() > 0) {
            results.note("search through the API: " + search.failed() + " requests failed");
        }
    }

    /**
     * Writes at --lag-rate per second (creates and publishes of registered users, open model); every --lag-sample-th
     * writer measures commit → read model or commit → searchable (see benchmarks/load ProjectionLag).
     */
    static void lag(Load.Runner runner, Options options, Results results) {
        Map<String, GatlingRun.Stats> stats = runner.run("ProjectionLag", Map.of("rate", Integer.toString(options.lagRate()),
                "sample", Integer.toString(options.lagSample())));
        results.method("projection lag: " + options.lagRate() + " writes/s arriving at a constant rate for " + options.seconds()
                + " s (each writer creates a post and publishes it); every " + options.lagSample() + "-th writer measures, from "
                + "the moment its create (read model) or its publish (search) was answered, until GET /api/v1/posts/{id}"
                + "?minVersion=1 answers 200 (the server waits up to 3 s per request; asked again after a 503), or until "
                + "GET /api/v1/search/posts?q=<a word only its title has> finds it (polled every 20 ms)");
        GatlingRun.Stats creates = stats.get("create post");
        GatlingRun.Stats publishes = stats.get("publish post");
        double writes = (creates == null ? 0 : creates.perSecond()) + (publishes == null ? 0 : publishes.perSecond());
        results.figure("lag scenario: writes answered", writes, "writes/s", options.lagRate(), "the rate asked");
        for (String group : new String[] {"commit to read model", "commit to searchable"}) {
            GatlingRun.Stats lag = stats.get(group);
            if (lag == null || lag.ok() == 0) {
                // Percentiles of samples that all gave up would only show the poller's patience.
                results.note(group + ": no sample succeeded" + (lag == null ? "" : " (" + lag.failed() + " failed)"));
                continue;
            }
            String what = group.replace(" to ", " → ") + " at " + options.lagRate() + " writes/s (" + lag.ok() + " samples)";
            results.figure(what + ": p50", lag.p50(), "ms", 0, "");
            results.figure(what + ": p99", lag.p99(), "ms", 0, "");
            if (lag.failed() > 0) {
                results.note(what + ": " + lag.failed() + " samples failed");
            }
        }
        for (String request : new String[] {"create post", "publish post"}) {
            GatlingRun.Stats write = stats.get(request);
            if (write != null && write.failed() > 0) {
                results.note("lag scenario: " + write.failed() + " of " + (write.ok() + write.failed()) + " " + request
                        + " requests failed");
            }
        }
    }
}
