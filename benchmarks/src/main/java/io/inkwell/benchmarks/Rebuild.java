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
 * second until the rebuilt model is switched in (the state leaves "rebuilding"). Needs query-service with
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
            CatchUpWait.untilHead(connection, head, options.cap(), results);
            double inserts = Baselines.singleRowInserts(connection, 3_000);
            results.method("baseline: 3,000 single-row INSERTs of stored events, each its own transaction, same PostgreSQL");
            results.figure("baseline: single-row inserts", inserts, "rows/s", 0, "");
            results.method("per read model, on " + Results.number(head) + " events: POST /api/v1/admin/projections/{name}/rebuild, "
                    + "then GET /api/v1/admin/projections/{name} every second until its state leaves \"rebuilding\"; "
                    + "rate = events in the store / time from the POST to the switch; cap " + options.cap().toMinutes() + " min each");
            for (String name : Positions.GROUPS) {
                rebuild(query, admin, name, head, options.cap(), inserts, results, stack);
            }
        }
    }

    private static void rebuild(ServiceJvm query, String admin, String name, long head, Duration cap, double inserts,
                                Results results, BenchStack stack) {
        URI projection = query.uri("/api/v1/admin/projections/" + name);
        Instant started = Instant.now();
        Http.Answer accepted = Http.send(HttpRequest.newBuilder(query.uri("/api/v1/admin/projections/" + name + "/rebuild"))
                .header("Authorization", "Bearer " + admin).POST(HttpRequest.BodyPublishers.noBody()));
        if (accepted.status() != 202) {
            results.note("rebuild of " + name + " answered " + accepted.status() + " " + accepted.body());
            return;
        }
        boolean seenRebuilding = false;
        double reportedRate = 0;
        Instant deadline = started.plus(cap);
        Instant switched = null;
        while (switched == null && Instant.now().isBefore(deadline)) {
            Http.pause(Duration.ofSeconds(1));
            JsonNode state = unwrap(Http.get(projection, admin).json(), name);
            String now = state.path("state").asString("");
            if (now.equals("rebuilding")) {
                seenRebuilding = true;
                reportedRate = Math.max(reportedRate, state.path("progress").path("eventsPerSecond").asDouble(0));
                System.out.println("  " + name + ": " + state.path("progress"));
            } else if (seenRebuilding || Duration.between(started, Instant.now()).toSeconds() > 5) {
                switched = Instant.now();
            }
        }
        double elapsed = CatchUp.seconds(started, switched == null ? Instant.now() : switched);
        double rate = head / elapsed;
        results.figure("rebuild " + name + (switched == null ? " (NOT switched within the cap)" : " (" + Results.number(elapsed) + " s)"),
                rate, "events/s", inserts, "single-row inserts");
        if (reportedRate > 0) {
            results.figure("rebuild " + name + ": highest eventsPerSecond the API reported", reportedRate, "events/s", 0, "");
        }
        double target = name.equals("post-search") ? TARGET_SEARCH : TARGET_READ_MODELS;
        if (name.equals("post-search")) {
            long documents = Elasticsearch.count(stack.elasticsearch(), "posts");
            results.figure("rebuild post-search: documents in the new index / time", documents / elapsed, "documents/s", 0, "");
        }
        results.note("rebuild " + name + ": target " + Results.number(target) + "/s, " + (rate >= target ? "met" : "NOT met"));
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
