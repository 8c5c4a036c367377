package io.inkwell.query.graphql;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.inkwell.query.History;
import io.inkwell.query.QueryServiceContext;
import io.inkwell.query.user.UserViews;
import io.inkwell.testing.TestIssuer;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

/** Profiles and search over GraphQL: the same emails to the same readers as REST, the same hits and facets. */
@QueryServiceContext
class GraphQlUsersAndSearchIT {

    private static final String USER = "query($id: ID!) { user(id: $id) { id name email version } }";

    @Autowired
    History history;

    @Autowired
    UserViews users;

    @LocalServerPort
    int port;

    @Test
    void showsAnEmailOnlyToItsOwnerAndAdminsAsRestDoes() {
        String subject = UUID.randomUUID().toString();
        String email = "owner-" + subject + "@inkwell.test";
        String id = history.registerUser("Olga Owner", email, TestIssuer.get().issuer(), subject);
        await().until(() -> users.existsById(id));
        Map<String, Reader> readers = new LinkedHashMap<>();
        readers.put("owner", Reader.signedIn(port, subject, "user"));
        readers.put("other user", Reader.signedIn(port, UUID.randomUUID().toString(), "user"));
        readers.put("moderator", Reader.signedIn(port, UUID.randomUUID().toString(), "moderator"));
        readers.put("analyst", Reader.signedIn(port, UUID.randomUUID().toString(), "analyst"));
        readers.put("admin", Reader.signedIn(port, UUID.randomUUID().toString(), "admin"));
        Map<String, String> emails = new LinkedHashMap<>();
        readers.forEach((role, reader) -> {
            JsonNode rest = reader.rest("/api/v1/users/" + id).body();
            JsonNode user = reader.graphQl(USER, Map.of("id", id)).data("user");
            assertThat(user.get("name").asString()).as(role).isEqualTo(rest.get("name").asString());
            assertThat(user.get("version").asLong()).as(role).isEqualTo(rest.get("version").asLong());
            String shown = user.get("email").isNull() ? null : user.get("email").asString();
            assertThat(shown).as(role).isEqualTo(rest.has("email") ? rest.get("email").asString() : null);
            emails.put(role, shown);
        });
        assertThat(emails).containsEntry("owner", email).containsEntry("admin", email)
                .containsEntry("other user", null).containsEntry("moderator", null).containsEntry("analyst", null);

        Reader.Answer anonymous = Reader.anonymous(port).graphQl(USER, Map.of("id", id));
        assertThat(anonymous.code()).isEqualTo("unauthorized");
        assertThat(Reader.anonymous(port).rest("/api/v1/users/" + id).status()).isEqualTo(401);

        // Through a post, an anonymous reader sees the author's name, as REST shows it on a post, and no more.
        String post = history.publishedPost(id, "By Olga", "x", List.of());
        await().until(() -> Reader.anonymous(port).rest("/api/v1/posts/" + post).status() == 200);
        JsonNode author = Reader.anonymous(port).graphQl("query($id: ID!) { post(id: $id) { author { id name email version } } }",
                Map.of("id", post)).data("post").get("author");
        assertThat(author.get("name").asString()).isEqualTo("Olga Owner");
        assertThat(author.get("email").isNull()).isTrue();
        assertThat(author.get("version").isNull()).isTrue();
    }

    @Test
    void listsAndSearchesProfilesLikeRest() {
        String name = "Zed " + letters(8);
        String subject = UUID.randomUUID().toString();
        String id = history.registerUser(name, subject + "@inkwell.test", TestIssuer.get().issuer(), subject);
        await().until(() -> users.existsById(id));
        Reader admin = Reader.signedIn(port, UUID.randomUUID().toString(), "admin");
        JsonNode found = admin.graphQl("query($s: String) { users(search: $s) { totalCount edges { node { id email } } } }",
                Map.of("s", subject)).data("users");
        // Admins search emails too, as in REST.
        assertThat(found.get("totalCount").asInt()).isEqualTo(1)
                .isEqualTo(admin.rest("/api/v1/users?search=" + subject).body().get("meta").get("total").asInt());
        assertThat(found.get("edges").get(0).get("node").get("id").asString()).isEqualTo(id);
        Reader user = Reader.signedIn(port, UUID.randomUUID().toString(), "user");
        assertThat(user.graphQl("query($s: String) { users(search: $s) { totalCount } }", Map.of("s", subject))
                .data("users").get("totalCount").asInt()).isZero();
        assertThat(user.graphQl("{ users(first: 101) { totalCount } }").code()).isEqualTo("validation-failed");
    }

    @Test
    void searchesPublishedPostsWithHighlightsAndFacetsAsRestDoes() {
        String subject = UUID.randomUUID().toString();
        String author = history.registerUser("Sam Search", subject + "@inkwell.test", TestIssuer.get().issuer(), subject);
        await().until(() -> users.existsById(author));
        String word = letters(10);
        String inTitle = history.publishedPost(author, "All about " + word, "Nothing to see", List.of("alpha", "beta"));
        String inContent = history.publishedPost(author, "Something else", "This mentions " + word + " in passing", List.of("alpha"));
        history.createPost(author, "Draft " + word, word, List.of("alpha"));
        Reader anyone = Reader.anonymous(port);
        // The first post of a run also creates the index; on a busy machine that takes a while.
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(anyone.rest("/api/v1/search/posts?q=" + word)
                .body().path("meta").path("total").asInt()).isEqualTo(2));
        JsonNode rest = anyone.rest("/api/v1/search/posts?q=" + word).body();
        JsonNode result = anyone.graphQl("""
                query($q: String!) { search(query: $q, first: 1) { total pageInfo { hasNextPage endCursor }
                  hits { cursor score post { id title author { name } } highlights { title content } }
                  facets { tags { name count } } } }""", Map.of("q", word)).data("search");
        assertThat(result.get("total").asInt()).isEqualTo(2);
        JsonNode hit = result.get("hits").get(0);
        assertThat(hit.get("post").get("id").asString()).isEqualTo(inTitle).isEqualTo(rest.get("data").get(0).get("id").asString());
        assertThat(hit.get("post").get("author").get("name").asString()).isEqualTo("Sam Search");
        assertThat(hit.get("highlights").get("title").get(0).asString()).contains("<em>" + word + "</em>");
        assertThat(hit.get("score").asDouble()).isPositive();
        assertThat(result.get("facets").get("tags").toString()).isEqualTo(rest.get("facets").get("tags").toString());
        assertThat(result.get("pageInfo").get("hasNextPage").asBoolean()).isTrue();
        JsonNode next = anyone.graphQl("query($q: String!, $after: String) { search(query: $q, after: $after) { hits { post { id } highlights { content } } } }",
                Map.of("q", word, "after", result.get("pageInfo").get("endCursor").asString())).data("search");
        assertThat(next.get("hits").get(0).get("post").get("id").asString()).isEqualTo(inContent);
        assertThat(next.get("hits").get(0).get("highlights").get("content").get(0).asString()).contains("<em>" + word + "</em>");
    }

    private static String letters(int count) {
        StringBuilder word = new StringBuilder();
        for (int i = 0; i < count; i++) {
            word.append((char) ('a' + ThreadLocalRandom.current().nextInt(26)));
        }
        return word.toString();
    }
}
