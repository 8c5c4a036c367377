package io.inkwell.query.graphql;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.inkwell.query.History;
import io.inkwell.query.QueryServiceContext;
import io.inkwell.query.user.UserViews;
import io.inkwell.testing.TestIssuer;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

/**
 * No N+1: a page of posts with their authors, the authors' own posts and every post's tags costs the same
 * number of SQL statements for 10 posts as for 100, counted by {@link StatementCounter}, not guessed.
 */
@QueryServiceContext
class GraphQlStatementCountIT {

    private static final String PAGE = """
            query($first: Int, $tag: String) { posts(first: $first, tag: $tag) { totalCount
              edges { node { id title tags status author { id name
                posts(first: 3) { totalCount edges { node { title tags author { name } } } } } } } } }""";

    @Autowired
    History history;

    @Autowired
    UserViews users;

    @LocalServerPort
    int port;

    @Test
    void aPageOfAHundredPostsCostsWhatAPageOfTenCosts() {
        String tag = "n" + UUID.randomUUID().toString().substring(0, 8);
        List<String> authors = new ArrayList<>();
        for (int i = 0; i < 25; i++) {
            String subject = UUID.randomUUID().toString();
            authors.add(history.registerUser("Author " + i, subject + "@inkwell.test", TestIssuer.get().issuer(), subject));
        }
        for (int i = 0; i < 120; i++) {
            history.publishedPost(authors.get(i % authors.size()), "Post " + i, "x", List.of(tag, "other" + (i % 7)));
        }
        await().until(() -> users.existsById(authors.getLast()));
        Reader reader = Reader.signedIn(port, UUID.randomUUID().toString(), "user");
        await().until(() -> reader.graphQl(PAGE, Map.of("first", 1, "tag", tag)).data("posts").get("totalCount").asInt() == 120);

        int ten = count(reader, 10, tag);
        int hundred = count(reader, 100, tag);

        System.out.printf("GraphQL page with authors, authors' posts and tags: %d statements for 10 posts, %d for 100%n",
                ten, hundred);
        // At least: the viewer's profile, the page, its count, its tags, the authors, their pages of posts and those
        // posts' tags and authors; a statement per post would make it over a hundred.
        assertThat(hundred).isEqualTo(ten).isBetween(6, 15);
    }

    private int count(Reader reader, int first, String tag) {
        String label = UUID.randomUUID().toString();
        JsonNode page = reader.with(StatementCounter.HEADER, label).graphQl(PAGE, Map.of("first", first, "tag", tag))
                .data("posts");
        assertThat(page.get("edges").size()).isEqualTo(first);
        page.get("edges").forEach(edge -> {
            JsonNode author = edge.get("node").get("author");
            assertThat(author.get("name").asString()).startsWith("Author ");
            assertThat(author.get("posts").get("totalCount").asInt()).isBetween(4, 5);
            assertThat(edge.get("node").get("tags").size()).isEqualTo(2);
        });
        return StatementCounter.counted(label);
    }
}
