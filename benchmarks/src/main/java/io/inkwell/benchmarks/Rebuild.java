package io.inkwell.benchmarks;

import java.net.URI;
import java.net.http.HttpRequest;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import tools.jackson.databind.JsonNode;

/**
 * Issue 8's rebuild through the admin API, once per read model: POST .../rebuild, then GET .../{name} every
 * second until the rebuilt model is switched in (its generation number went up and no rebuild shows). Needs query-service with
 * the projection admin API; on a branch without it the scenario says so and measures nothing.
 */
final class Rebuild {

    static final double TARGET_READ_MODELS = 20_000;
    static final double TARGET_SEARCH = 5_000;

    private Rebuild() {
    }

    static void run(BenchStack stack, Options options, Results results) throws SQLException {
        String admin = BenchStack.token("admin");
        try (Connection connection = stack.connect()) {
            long head = Positions.head(connection);
            ServiceJvm query = stack.startService("query-service", options.queryPort(), true);
            Http.Answer list = Http.get(query.uri("/api/v1/admin/projections"), admin);
            if (list.status() != 200) {
                results.note("GET /api/v1/admin/projections answered " + list.status() + ": no admin API on this branch, "
                        + "nothing measured");
                return;
            }
            CatchUpWait.untilHead(connection, head, options.catchUpWait(), results);
            double inserts = Baselines.singleRowInserts(connection, 3_000);
            results.method("baseline: 3,000 single-row INSERTs of stored events, each its own transaction, same PostgreSQL");
            results.figure("baseline: single-row inserts", inserts, "rows/s", 0, "");
            results.method("per read model, on " + Results.number(head) + " events: POST /api/v1/admin/projections/{name}/rebuild, "
                    + "then GET /api/v1/admin/projections/{name} every second until its generation.number has gone up and "
                    + "rebuild is absent (state back to running); "
                    + "rate = events in the store / time from the POST to the switch; cap " + options.cap().toMinutes() + " min each");
            RebuildReader reader = new RebuildReader(query);
            results.method("beside each rebuild, from the POST to the switch, one reader in a loop: anonymous GET "
                    + "/api/v1/posts/{id} for the first 150 published posts of GET /api/v1/posts and, every fifth request, "
                    + "GET /api/v1/search/posts?q=<the first word of their titles> (30 words), each answer compared with the "
                    + "one taken just before that rebuild's POST (nothing writes meanwhile, unless a live processor still "
                    + "catches up): missing = 404 or fewer hits, error = any other failure, changed = a different body or total");
            for (String name : options.projections()) {
                behind(connection, head, name, results);
                rebuild(query, admin, name, head, options.cap(), inserts, results, stack, reader);
            }
        }
    }

    /** A rebuild left by an earlier run that was stopped midway resumes when the service starts: cancel it. */
    private static void cancelLeftover(URI projection, String admin, String name) {
        if (!unwrap(Http.get(projection, admin).json(), name).has("rebuild")) {
            return;
        }
        System.out.println("  cancelling the rebuild of " + name + " left by an earlier run");
        Http.send(HttpRequest.newBuilder(URI.create(projection + "/rebuild")).header("Authorization", "Bearer " + admin)
                .DELETE());
        while (unwrap(Http.get(projection, admin).json(), name).has("rebuild")) {
            Http.pause(Duration.ofSeconds(1));
        }
    }

    private static void rebuild(ServiceJvm query, String admin, String name, long head, Duration cap, double inserts,
                                Results results, BenchStack stack, RebuildReader reader) {
        URI projection = query.uri("/api/v1/admin/projections/" + name);
        cancelLeftover(projection, admin, name);
        int generationBefore = unwrap(Http.get(projection, admin).json(), name).path("generation").path("number").asInt(0);
        reader.start();
        Instant started = Instant.now();
        Http.Answer accepted = Http.send(HttpRequest.newBuilder(query.uri("/api/v1/admin/projections/" + name + "/rebuild"))
                .header("Authorization", "Bearer " + admin).POST(HttpRequest.BodyPublishers.noBody()));
        if (accepted.status() != 202) {
            reader.close();
            results.note("rebuild of " + name + " answered " + accepted.status() + " " + accepted.body());
            return;
        }
        double reportedRate = 0;
        Instant deadline = started.plus(cap);
        Instant switched = null;
        Instant lastPrinted = Instant.EPOCH;
        JsonNode state = null;
        // Switched once the live generation's number went up and no rebuild shows any more (state back to running).
        while (switched == null && Instant.now().isBefore(deadline)) {
            Http.pause(Duration.ofSeconds(1));
            Http.Answer answer = Http.get(projection, admin);
            if (answer.status() != 200) {
                // A failed poll is the service's failure, not the rebuild's end: note it and poll again.
                results.note("GET /api/v1/admin/projections/" + name + " answered " + answer.status() + " after "
                        + Results.number(CatchUp.seconds(started, Instant.now())) + " s of the rebuild: " + answer.body());
                continue;
            }
            state = unwrap(answer.json(), name);
            int generation = state.path("generation").path("number").asInt(0);
            if (generation > generationBefore && !state.has("rebuild")) {
                switched = Instant.now();
            } else if (!state.has("rebuild") && CatchUp.seconds(started, Instant.now()) > 5) {
                break; // neither rebuilding nor switched: the rebuild failed or was cancelled
            }
            reportedRate = Math.max(reportedRate, state.path("progress").path("eventsPerSecond").asDouble(0));
            if (Duration.between(lastPrinted, Instant.now()).toSeconds() >= 10) {
                lastPrinted = Instant.now();
                System.out.println("  " + name + " after " + Results.number(CatchUp.seconds(started, lastPrinted)) + " s: "
                        + state.path("state").asString("") + " " + state.path("rebuild").path("phase").asString("")
                        + " " + state.path("progress") + " [load " + Results.loadAverage() + "]");
            }
        }
        reader.close();
        double elapsed = CatchUp.seconds(started, switched == null ? Instant.now() : switched);
        double rate = head / elapsed;
        results.figure("rebuild " + name + (switched == null ? " (NOT switched: " + state + ")"
                        : " (generation " + generationBefore + " → " + (generationBefore + 1) + ", " + Results.number(elapsed) + " s)"),
                rate, "events/s", inserts, "single-row inserts");
        if (reportedRate > 0) {
            results.figure("rebuild " + name + ": highest eventsPerSecond the API reported", reportedRate, "events/s", 0, "");
        }
        double target = name.equals("post-search") ? TARGET_SEARCH : TARGET_READ_MODELS;
        double measured = rate;
        if (name.equals("post-search")) {
            long documents = Elasticsearch.count(stack.elasticsearch(), "posts");
            results.figure("rebuild post-search: " + Results.number(documents) + " documents in the new index / time",
                    documents / elapsed, "documents/s", 0, "");
            // What Elasticsearch was sent: a batch writes each post it touched once, so this is below the events.
            long indexed = Elasticsearch.indexed(stack.elasticsearch(), "posts");
            measured = indexed / elapsed;
            double baseline = Elasticsearch.bulkRate(stack.elasticsearch(), "posts");
            results.method("baseline of the search rebuild: the rebuilt index's documents bulk-written by a plain client, "
                    + "500 to a request as the projection sends them, into a new index with the same mapping and analysis "
                    + "settings; documents per second over the bulk requests' time alone");
            results.figure("baseline: the same documents bulk-written straight to Elasticsearch", baseline, "documents/s", 0, "");
            results.figure("rebuild post-search: " + Results.number(indexed) + " documents written to Elasticsearch / time",
                    measured, "documents/s", baseline, "plain bulk writes");
        }
        results.note("rebuild " + name + ": target " + Results.number(target) + (name.equals("post-search") ? " documents/s, " : " events/s, ")
                + (switched != null && measured >= target ? "met" : "NOT met"));
        results.note("reader during the rebuild of " + name + ": " + Results.number(reader.requests()) + " requests, "
                + reader.errors() + " errors, " + reader.missing() + " missing, " + reader.changed() + " changed"
                + (reader.examples().isEmpty() ? "" : "; for example " + String.join(" | ", reader.examples())));
    }

    /** Says which live processors still catch up beside this rebuild, for they share the CPU with it. */
    private static void behind(Connection connection, long head, String name, Results results) throws SQLException {
        var behind = Positions.of(connection).entrySet().stream().filter(group -> group.getValue() < head).toList();
        if (!behind.isEmpty()) {
            results.note("as the rebuild of " + name + " started, live processors still caught up beside it: " + behind
                    + " of " + head);
        }
    }

    /** The projection, whether the answer is the projection itself or wraps it in {@code data}. */
    private static JsonNode unwrap(JsonNode answer, String name) {
        JsonNode data = answer.has("data") ? answer.get("data") : answer;
        if (data.isArray()) {
            for (JsonNode item : data) {
                if (name.equals(item.path("name").asString(""))) {
                    return item;
                }
            }
        }
        return data;
    }
}
