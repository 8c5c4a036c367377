package io.inkwell.systemtest;

import static org.assertj.core.api.Assertions.assertThat;

import io.inkwell.systemtest.EventStoreFold.PostState;
import io.inkwell.systemtest.EventStoreFold.UserState;
import java.io.IOException;
import java.net.URI;
import java.sql.Array;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import tools.jackson.databind.JsonNode;

/** What query-service's read models and its search index hold, read without going through its code. */
final class ReadSide {

    private ReadSide() {
    }

    /** query.posts with query.post_tags, in the shape of the fold. */
    static Map<String, PostState> posts(Connection connection) throws SQLException {
        Map<String, PostState> posts = new LinkedHashMap<>();
        try (Statement s = connection.createStatement(); ResultSet rs = s.executeQuery("""
                SELECT p.id, p.version, p.author_id, p.title, p.content, p.status,
                       array_remove(array_agg(t.tag ORDER BY t.position), NULL)
                FROM query.posts p LEFT JOIN query.post_tags t ON t.post_id = p.id
                GROUP BY p.id""")) {
            while (rs.next()) {
                Array tags = rs.getArray(7);
                posts.put(rs.getString(1), new PostState(rs.getString(1), rs.getLong(2), rs.getString(3),
                        rs.getString(4), rs.getString(5), Arrays.asList((String[]) tags.getArray()), rs.getString(6)));
            }
        }
        return posts;
    }

    static Map<String, UserState> users(Connection connection) throws SQLException {
        Map<String, UserState> users = new LinkedHashMap<>();
        try (Statement s = connection.createStatement();
             ResultSet rs = s.executeQuery("SELECT id, version, active FROM query.users")) {
            while (rs.next()) {
                users.put(rs.getString(1), new UserState(rs.getString(1), rs.getLong(2), rs.getBoolean(3)));
            }
        }
        return users;
    }

    /** One document of the search index, as Elasticsearch itself returns it. */
    record IndexedPost(String id, long version, String status) {
    }

    /** Every document behind the {@code posts} alias; a post indexed twice shows up twice. */
    static List<IndexedPost> index(String elasticsearch) throws IOException, InterruptedException {
        Http.Answer answer = Http.post(URI.create(elasticsearch + "/posts/_search"), null,
                Map.of("size", 10_000, "version", true, "_source", List.of("status"), "query", Map.of("match_all", Map.of())));
        if (answer.status() != 200) {
            throw new IllegalStateException("Elasticsearch answered " + answer.status() + " " + answer.body());
        }
        return answer.body().path("hits").path("hits").valueStream()
                .map(hit -> new IndexedPost(hit.path("_id").asString(), hit.path("_version").asLong(),
                        hit.path("_source").path("status").asString()))
                .toList();
    }

    /** The ids that public search finds for {@link WriteLoad#WORD}, every page of them. */
    static Set<String> searchable(Function<String, URI> query) throws IOException, InterruptedException {
        Set<String> ids = new HashSet<>();
        for (int page = 1; ; page++) {
            Http.Answer answer = Http.get(query.apply("/api/v1/search/posts?q=" + WriteLoad.WORD + "&limit=100&page=" + page), null);
            if (answer.status() != 200) {
                throw new IllegalStateException("search answered " + answer.status() + " " + answer.body());
            }
            JsonNode data = answer.body().path("data");
            data.forEach(hit -> ids.add(hit.path("id").asString()));
            if (data.size() < 100) {
                return ids;
            }
        }
    }

    /**
     * Asserts that the index behind the alias holds each post of the fold once, at the fold's version, published
     * exactly when the fold's post is.
     */
    static void assertIndexHolds(String elasticsearch, Map<String, PostState> posts) throws IOException, InterruptedException {
        List<IndexedPost> documents = index(elasticsearch);
        assertThat(occurrences(documents)).as("documents per post")
                .allSatisfy((id, n) -> assertThat(n).as(id).isEqualTo(1))
                .containsOnlyKeys(posts.keySet());
        assertThat(documents).allSatisfy(d -> {
            assertThat(d.version()).as("version of " + d.id()).isEqualTo(posts.get(d.id()).version());
            assertThat(d.status().equals("published")).as("published " + d.id())
                    .isEqualTo(posts.get(d.id()).status().equals("PUBLISHED"));
        });
    }

    /** How many times each id occurs. */
    static Map<String, Integer> occurrences(List<IndexedPost> documents) {
        Map<String, Integer> counts = new HashMap<>();
        documents.forEach(d -> counts.merge(d.id(), 1, Integer::sum));
        return counts;
    }
}
