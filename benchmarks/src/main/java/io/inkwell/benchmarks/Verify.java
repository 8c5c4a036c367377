package io.inkwell.benchmarks;

import java.net.http.HttpRequest;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import tools.jackson.databind.JsonNode;

/**
 * Proof that the generated store is in the real format: query-service projects all of it without a dead
 * letter into as many profiles and posts as were generated, and command-service loads a generated post,
 * accepts an edit of it at the next version, which query-service then shows.
 */
final class Verify {

    private Verify() {
    }

    static void run(BenchStack stack, Options options, Results results) throws SQLException {
        try (Connection connection = stack.connect()) {
            long head = Positions.head(connection);
            results.method("query-service and command-service started on the generated store (" + Results.number(head)
                    + " events); wait until every group reaches the head (cap " + options.cap().toMinutes() + " min)");
            ServiceJvm query = stack.startService("query-service", options.queryPort(), true);
            ServiceJvm command = stack.startService("command-service", options.commandPort(), true);
            Instant deadline = Instant.now().plus(options.cap());
            while (Positions.of(connection).values().stream().anyMatch(position -> position < head)) {
                if (Instant.now().isAfter(deadline)) {
                    throw new IllegalStateException("query-service did not reach the head in time: " + Positions.of(connection));
                }
                Http.pause(Duration.ofSeconds(2));
            }
            check(results, "no dead letters", count(connection, "SELECT count(*) FROM query.dead_letter_entry") == 0);
            long users = count(connection, "SELECT count(*) FROM domain_event_entry WHERE payload_type LIKE '%.UserRegisteredEvent'");
            long posts = count(connection, "SELECT count(*) FROM domain_event_entry WHERE payload_type LIKE '%.PostCreatedEvent'");
            long deleted = count(connection, "SELECT count(*) FROM domain_event_entry WHERE payload_type LIKE '%.PostDeletedEvent'");
            check(results, "query.users has every generated profile (" + users + ")",
                    count(connection, "SELECT count(*) FROM query.users") == users);
            long projectedPosts = count(connection, "SELECT count(*) FROM query.posts");
            // Deleted posts keep their row (status deleted), so that old links answer 404 from the read model.
            check(results, "query.posts has every generated post (" + posts + ", " + deleted + " of them deleted)",
                    projectedPosts == posts);

            String moderator = BenchStack.token("user", "moderator");
            Http.Answer registered = Http.send(HttpRequest.newBuilder(command.uri("/api/v1/users"))
                    .header("Authorization", "Bearer " + moderator).header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString("{\"name\": \"Bench Moderator\", \"email\": \"mod-"
                            + UUID.randomUUID() + "@bench.inkwell.test\"}")));
            check(results, "command-service registers a moderator beside the generated profiles: " + registered.status(),
                    registered.status() == 201);
            Map.Entry<String, Long> post = livePost(connection);
            String content = "Edited by the benchmark's verification at " + Instant.now();
            Http.Answer edited = Http.send(HttpRequest.newBuilder(command.uri("/api/v1/posts/" + post.getKey()))
                    .header("Authorization", "Bearer " + moderator).header("Content-Type", "application/json")
                    .header("If-Match", "\"" + post.getValue() + "\"")
                    .PUT(HttpRequest.BodyPublishers.ofString("{\"content\": \"" + content + "\"}")));
            check(results, "command-service loads generated post " + post.getKey() + " at version " + post.getValue()
                    + " and accepts an edit: " + edited.status() + " " + edited.body(),
                    edited.status() == 200 && edited.json().path("version").asLong() == post.getValue() + 1);
            Http.Answer read = Http.get(query.uri("/api/v1/posts/" + post.getKey() + "?minVersion=" + (post.getValue() + 1)), moderator);
            check(results, "query-service shows the edit: " + read.status(),
                    read.status() == 200 && content.equals(read.json().path("content").asString()));
            Http.Answer search = Http.send(HttpRequest.newBuilder(query.uri("/api/v1/search/posts?q=projection")).GET());
            JsonNode total = search.status() == 200 ? search.json().path("meta").path("total") : null;
            check(results, "search finds generated posts: " + search.status() + ", total " + total,
                    total != null && total.asLong() > 0);
        }
    }

    private static void check(Results results, String what, boolean passed) {
        results.note((passed ? "PASS " : "FAIL ") + what);
        if (!passed) {
            throw new IllegalStateException("verification failed: " + what);
        }
    }

    private static long count(Connection connection, String sql) throws SQLException {
        try (Statement statement = connection.createStatement(); ResultSet rows = statement.executeQuery(sql)) {
            rows.next();
            return rows.getLong(1);
        }
    }

    /** A generated post that was never deleted, and its version (its number of events). */
    private static Map.Entry<String, Long> livePost(Connection connection) throws SQLException {
        try (Statement statement = connection.createStatement(); ResultSet rows = statement.executeQuery("""
                SELECT aggregate_identifier, count(*) FROM domain_event_entry WHERE type = 'Post'
                GROUP BY aggregate_identifier
                HAVING bool_and(payload_type <> 'io.inkwell.api.post.PostDeletedEvent') AND count(*) > 8
                LIMIT 1""")) {
            if (!rows.next()) {
                throw new IllegalStateException("no live post in the store");
            }
            return Map.entry(rows.getString(1), rows.getLong(2));
        }
    }
}
