package io.inkwell.query.graphql;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.inkwell.query.History;
import io.inkwell.query.QueryServiceContext;
import io.inkwell.testing.TestIssuer;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

/**
 * GraphQL's single reads go through the same read model cache as REST's (Redis here, as with several
 * instances), under the same promise: never an older version than one already shown, {@code minVersion} honoured,
 * and a renamed author's new name on the next page of posts.
 */
@QueryServiceContext
class GraphQlCachedReadsIT {

    private static final String POST = "query($id: ID!, $min: Int) { post(id: $id, minVersion: $min) { version title } }";
    private static final String BY_SLUG = "query($slug: String!) { postBySlug(slug: $slug) { version } }";

    @Autowired
    History history;

    @LocalServerPort
    int port;

    @Test
    void readsInATightLoopWhileThePostIsEditedNeverGoBack() throws Exception {
        String author = history.author("Gilda Graph").id();
        String id = history.publishedPost(author, "Edition 0", "x", List.of());
        Reader reader = Reader.anonymous(port);
        assertThat(version(reader.graphQl(POST, Map.of("id", id, "min", 2)), "post")).isEqualTo(2);

        List<String> wentBack = new CopyOnWriteArrayList<>();
        List<Long> seen = new CopyOnWriteArrayList<>();
        AtomicBoolean reading = new AtomicBoolean(true);
        List<Thread> readers = new ArrayList<>();
        for (boolean bySlug : new boolean[] {false, true}) {
            readers.add(Thread.ofPlatform().start(() -> {
                long last = 0;
                while (reading.get()) {
                    try {
                        long version = bySlug ? version(reader.graphQl(BY_SLUG, Map.of("slug", "slug-" + id)), "postBySlug")
                                : version(reader.graphQl(POST, Map.of("id", id)), "post");
                        if (version < last) {
                            wentBack.add((bySlug ? "postBySlug" : "post") + " showed version " + version + " after " + last);
                        }
                        last = version;
                        seen.add(version);
                    } catch (Exception | AssertionError e) {
                        wentBack.add(e.toString());
                    }
                }
            }));
        }
        long version = 2;
        for (int edit = 1; edit <= 20; edit++) {
            version = history.edit(id, "Edition " + edit, "x");
            assertThat(version(reader.graphQl(POST, Map.of("id", id, "min", (int) version)), "post"))
                    .isGreaterThanOrEqualTo(version);
            assertThat(version(reader.graphQl(POST, Map.of("id", id)), "post")).isGreaterThanOrEqualTo(version);
        }
        reading.set(false);
        for (Thread thread : readers) {
            thread.join();
        }
        assertThat(wentBack).isEmpty();
        assertThat(seen.stream().distinct().count()).isGreaterThan(2);
        assertThat(reader.graphQl(POST, Map.of("id", id)).data("post").get("title").asString()).isEqualTo("Edition 20");
    }

    @Test
    void aRenamedAuthorIsShownOnTheNextPageOfPostsAndAsAUser() {
        String subject = UUID.randomUUID().toString();
        String author = history.registerUser("Before Rename", subject + "@inkwell.test", TestIssuer.get().issuer(), subject);
        String tag = "renamed-" + UUID.randomUUID().toString().substring(0, 8);
        history.publishedPost(author, "By someone who renames", "x", List.of(tag));
        Reader reader = Reader.signedIn(port, UUID.randomUUID().toString(), "user");
        String page = "query($tag: String) { posts(tag: $tag) { edges { node { author { id name } } } } }";
        await().until(() -> authorName(reader.graphQl(page, Map.of("tag", tag))), "Before Rename"::equals);
        assertThat(reader.graphQl("query($id: ID!) { user(id: $id) { name } }", Map.of("id", author))
                .data("user").get("name").asString()).isEqualTo("Before Rename");

        history.renameUser(author, "After Rename");

        // Far sooner than the entries' time to live (minutes): the projection stores the renamed profile.
        await().atMost(Duration.ofSeconds(5))
                .until(() -> authorName(reader.graphQl(page, Map.of("tag", tag))), "After Rename"::equals);
        assertThat(reader.graphQl("query($id: ID!) { user(id: $id) { name } }", Map.of("id", author))
                .data("user").get("name").asString()).isEqualTo("After Rename");
    }

    private static String authorName(Reader.Answer answer) {
        JsonNode edges = answer.data("posts").path("edges");
        return edges.isEmpty() ? null : edges.get(0).path("node").path("author").path("name").asString(null);
    }

    private static long version(Reader.Answer answer, String field) {
        assertThat(answer.status()).as(answer.body().toString()).isEqualTo(200);
        assertThat(answer.errors().isMissingNode() || answer.errors().isEmpty()).as(answer.body().toString()).isTrue();
        return answer.data(field).get("version").asLong();
    }
}
