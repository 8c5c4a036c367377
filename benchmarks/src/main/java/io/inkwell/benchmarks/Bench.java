package io.inkwell.benchmarks;

import io.inkwell.benchmarks.generate.EventStoreFiller;
import io.inkwell.benchmarks.generate.SyntheticHistory;
import java.nio.file.Path;
import java.sql.Connection;
import java.time.Instant;

/**
 * {@code benchmarks/run <scenario> [--name value ...]}: one scenario against a stack of its own (see
 * {@link BenchStack}), figures printed and appended to benchmarks/RESULTS.md. Scenarios: generate, baseline,
 * catchup, verify, rebuild, export, load.
 */
public final class Bench {

    private Bench() {
    }

    public static void main(String[] args) {
        try {
            run(args);
        } catch (Exception e) {
            e.printStackTrace();
            // The embedded servers' threads would keep a failed run's JVM alive, holding its ports.
            System.exit(1);
        }
    }

    private static void run(String[] args) throws Exception {
        System.setProperty("logback.configurationFile", "local-stack-logback.xml");
        if (args.length == 0) {
            System.err.println("usage: benchmarks/run generate|baseline|catchup|verify|rebuild|export|load [--name value ...]");
            System.exit(2);
        }
        Options options = Options.parse(args, 1);
        Path root = Path.of(System.getProperty("inkwell.root", ".")).toAbsolutePath().normalize();
        String scenario = args[0];
        Results results = new Results(switch (scenario) {
            case "generate" -> "Generating the event store";
            case "baseline" -> "Baselines";
            case "catchup" -> "Catch-up of today's projections (the rebuild before issue 8)";
            case "verify" -> "Services accept the generated store";
            case "rebuild" -> "Rebuild through the admin API";
            case "export" -> "Streamed export";
            case "load" -> "Load through the API (Gatling)";
            default -> throw new IllegalArgumentException("no scenario " + scenario);
        });
        System.out.println("Scenario " + scenario + " on " + Results.machine() + ", data in " + options.data());
        try (BenchStack stack = BenchStack.start(root, options.data(), options.postgresPort())) {
            switch (scenario) {
                case "generate" -> generate(stack, options, results);
                case "baseline" -> baseline(stack, results);
                case "catchup" -> CatchUp.run(stack, options, results);
                case "verify" -> Verify.run(stack, options, results);
                case "rebuild" -> Rebuild.run(stack, options, results);
                case "export" -> Export.run(stack, options, results);
                case "load" -> Load.run(stack, options, results);
                default -> throw new IllegalStateException(scenario);
            }
        }
        if (options.record()) {
            results.appendTo(root.resolve("benchmarks/RESULTS.md"), options.label());
        }
        System.exit(0); // the embedded servers' threads would keep the JVM alive otherwise
    }

    private static void generate(BenchStack stack, Options options, Results results) throws Exception {
        try (Connection connection = stack.connect()) {
            // The search index of an earlier store would outlive it otherwise.
            stack.freshElasticsearch();
            SyntheticHistory history = new SyntheticHistory(options.users(), options.posts(), options.seed(), Instant.now());
            EventStoreFiller.Filled filled = new EventStoreFiller().fill(connection, history);
            // After the fill, because the baseline inserts copies of stored events.
            double inserts = Baselines.singleRowInserts(connection, 3_000);
            results.method(Results.number(filled.users()) + " users and " + Results.number(filled.posts()) + " posts (seed "
                    + options.seed() + "): serialized with Axon's JacksonSerializer, written with one binary COPY into "
                    + "domain_event_entry (indexes in place) plus the uniqueness claims, one transaction");
            results.figure("baseline: single-row inserts (3,000, each its own transaction)", inserts, "rows/s", 0, "");
            results.figure("events generated", filled.events(), "events", 0, "");
            results.figure("generation and COPY", filled.took().toMillis() / 1000.0, "s", 0, "");
            results.figure("generation rate", filled.eventsPerSecond(), "events/s", inserts, "single-row inserts");
        }
    }

    private static void baseline(BenchStack stack, Results results) throws Exception {
        try (Connection connection = stack.connect()) {
            results.method("single-row INSERTs of copies of stored events, each its own transaction (fsync on), into a "
                    + "table shaped like domain_event_entry; a plain COPY (SELECT * FROM domain_event_entry ORDER BY "
                    + "global_index) TO STDOUT read to nowhere");
            results.figure("single-row inserts", Baselines.singleRowInserts(connection, 5_000), "rows/s", 0, "");
            Baselines.CopyRead copy = Baselines.copyOut(connection, 0);
            results.figure("COPY read of " + Results.number(copy.events()) + " events", copy.eventsPerSecond(), "events/s", 0, "");
            results.figure("COPY read volume", copy.megabytesPerSecond(), "MB/s", 0, "");
        }
    }
}
