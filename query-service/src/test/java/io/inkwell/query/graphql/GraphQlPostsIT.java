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
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

/** Posts and tags over GraphQL give what REST gives, to the same readers; each test has an author of its own. */
@QueryServiceContext
class GraphQlPostsIT {

    private static final String POST = """
            query($id: ID!) { post(id: $id) { id slug title content tags status version createdAt publishedAt
              author { id name } } }""";
    private static final String POSTS = """
            query($first: Int, $after: String, $author: ID, $tag: String, $status: PostStatus, $sort: PostSort) {
              posts(first: $first, after: $after, author: $author, tag: $tag, status: $status, sort: $sort) {
                totalCount pageInfo { hasNextPage endCursor } edges { cursor node { id title author { name } } } } }""";

    @Autowired
    History history;

    @Autowired
    UserViews users;

    @LocalServerPort
    int port;

    private String author;
    private Reader asAuthor;

    @BeforeEach
    void anAuthor() {
        String subject = UUID.randomUUID().toString();
        author = history.registerUser("Greta Graph", "greta-" + subject + "@inkwell.test", TestIssuer.get().issuer(), subject);
        asAuthor = Reader.signedIn(port, subject, "user");
        await().until(() -> users.existsById(author));
    }

    @Test
    void showsAPublishedPostToAnyoneAsRestDoes() {
        String id = history.publishedPost(author, "Graphs", "Nodes and edges", List.of("Maths", "graphs"));
        Reader anyone = Reader.anonymous(port);
        JsonNode rest = await().until(() -> anyone.rest("/api/v1/posts/" + id), answer -> answer.status() == 200).body();
        JsonNode post = anyone.graphQl(POST, Map.of("id", id)).data("post");
        assertThat(post.get("title").asString()).isEqualTo(rest.get("title").asString()).isEqualTo("Graphs");
        assertThat(post.get("slug").asString()).isEqualTo(rest.get("slug").asString());
        assertThat(post.get("version").asLong()).isEqualTo(rest.get("version").asLong()).isEqualTo(2);
        assertThat(post.get("status").asString()).isEqualTo("PUBLISHED");
        assertThat(post.get("tags").toString()).isEqualTo(rest.get("tags").toString());
        assertThat(post.get("publishedAt").asString()).isEqualTo(rest.get("publishedAt").asString());
        assertThat(post.get("author").get("name").asString()).isEqualTo("Greta Graph");
        JsonNode bySlug = anyone.graphQl("query($s: String!) { postBySlug(slug: $s) { id } }",
                Map.of("s", "slug-" + id)).data("postBySlug");
        assertThat(bySlug.get("id").asString()).isEqualTo(id);
    }

    @Test
    void showsADraftOnlyToItsAuthorModeratorsAndAdminsAsRestDoes() {
        String id = history.createPost(author, "Draft", "Not yet", List.of());
        await().until(() -> asAuthor.rest("/api/v1/posts/" + id).status() == 200);
        Map<String, Reader> readers = Map.of(
                "anonymous", Reader.anonymous(port),
                "owner", asAuthor,
                "other user", Reader.signedIn(port, UUID.randomUUID().toString(), "user"),
                "moderator", Reader.signedIn(port, UUID.randomUUID().toString(), "moderator"),
                "analyst", Reader.signedIn(port, UUID.randomUUID().toString(), "analyst"),
                "admin", Reader.signedIn(port, UUID.randomUUID().toString(), "admin"));
        Map<String, Boolean> seen = new java.util.TreeMap<>();
        readers.forEach((role, reader) -> {
            int rest = reader.rest("/api/v1/posts/" + id).status();
            Reader.Answer graphQl = reader.graphQl(POST, Map.of("id", id));
            boolean shown = graphQl.data("post").isObject();
            assertThat(shown).as(role).isEqualTo(rest == 200);
            if (!shown) {
                assertThat(rest).as(role).isEqualTo(404);
                assertThat(graphQl.code()).as(role).isEqualTo("not-found");
            }
            seen.put(role, shown);
        });
        assertThat(seen).containsExactlyInAnyOrderEntriesOf(Map.of("anonymous", false, "owner", true,
                "other user", false, "moderator", true, "analyst", false, "admin", true));
    }

    @Test
    void pagesThroughAFilteredListWithOpaqueCursorsInRestsOrder() {
        String tag = "t" + UUID.randomUUID().toString().substring(0, 8);
        List<String> published = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            published.add(history.publishedPost(author, "Listed " + i, "x", List.of(tag)));
        }
        String draft = history.createPost(author, "Unlisted", "x", List.of(tag));
        await().until(() -> asAuthor.rest("/api/v1/posts?status=all&tag=" + tag).body().path("meta").path("total").asInt() == 6);
        List<String> restOrder = ids(Reader.anonymous(port).rest("/api/v1/posts?limit=10&sort=title&tag=" + tag).body().get("data"));

        List<String> paged = new ArrayList<>();
        String after = null;
        boolean more = true;
        while (more) {
            Map<String, Object> variables = new java.util.HashMap<>(Map.of("first", 2, "tag", tag.toUpperCase(), "sort", "TITLE"));
            variables.put("after", after);
            JsonNode page = Reader.anonymous(port).graphQl(POSTS, variables).data("posts");
            assertThat(page.get("totalCount").asInt()).isEqualTo(5);
            page.get("edges").forEach(edge -> paged.add(edge.get("node").get("id").asString()));
            more = page.get("pageInfo").get("hasNextPage").asBoolean();
            after = page.get("pageInfo").get("endCursor").asString();
            assertThat(after).doesNotContain("offset");
        }
        assertThat(paged).isEqualTo(restOrder).containsExactlyInAnyOrderElementsOf(published);

        JsonNode all = asAuthor.graphQl(POSTS, Map.of("tag", tag, "status", "ALL", "author", author)).data("posts");
        assertThat(ids(all.get("edges"), "node")).contains(draft).hasSize(6);
        JsonNode drafts = Reader.anonymous(port).graphQl(POSTS, Map.of("tag", tag, "status", "DRAFT")).data("posts");
        assertThat(drafts.get("totalCount").asInt()).isZero();
    }

    @Test
    void listsAnAuthorsPostsUnderTheirProfile() {
        String tag = "t" + UUID.randomUUID().toString().substring(0, 8);
        String first = history.publishedPost(author, "One", "x", List.of(tag));
        history.publishedPost(author, "Two", "x", List.of(tag));
        String draft = history.createPost(author, "Three", "x", List.of(tag));
        await().until(() -> asAuthor.rest("/api/v1/posts?status=all&tag=" + tag).body().path("meta").path("total").asInt() == 3);
        String document = """
                query($id: ID!) { post(id: $id) { author { name
                  published: posts(first: 1, sort: TITLE) { totalCount pageInfo { hasNextPage } edges { node { title } } }
                  all: posts(status: ALL) { totalCount } } } }""";
        JsonNode asAnyone = Reader.anonymous(port).graphQl(document, Map.of("id", first)).data("post").get("author");
        assertThat(asAnyone.get("published").get("totalCount").asInt()).isEqualTo(2);
        assertThat(asAnyone.get("published").get("pageInfo").get("hasNextPage").asBoolean()).isTrue();
        assertThat(asAnyone.get("published").get("edges").get(0).get("node").get("title").asString()).isEqualTo("One");
        assertThat(asAnyone.get("all").get("totalCount").asInt()).isEqualTo(2);
        JsonNode asOwner = asAuthor.graphQl(document, Map.of("id", first)).data("post").get("author");
        assertThat(asOwner.get("all").get("totalCount").asInt()).as("the owner sees draft " + draft).isEqualTo(3);
    }

    @Test
    void countsTagsOfPublishedPostsAsRestDoes() {
        String tag = "t" + UUID.randomUUID().toString().substring(0, 8);
        String id = history.publishedPost(author, "Tagged", "x", List.of(tag));
        history.createPost(author, "Tagged draft", "x", List.of(tag));
        await().until(() -> Reader.anonymous(port).rest("/api/v1/posts/" + id).status() == 200);
        JsonNode rest = Reader.anonymous(port).rest("/api/v1/tags?limit=5&page=2").body();
        Reader.Answer second = Reader.anonymous(port).graphQl("{ tags(first: 5) { pageInfo { endCursor } } }");
        JsonNode tags = Reader.anonymous(port).graphQl("query($after: String) { tags(first: 5, after: $after) { totalCount edges { node { name count } } } }",
                Map.of("after", second.data("tags").get("pageInfo").get("endCursor").asString())).data("tags");
        assertThat(tags.get("totalCount").asLong()).isEqualTo(rest.get("meta").get("total").asLong());
        List<String> graphQlTags = new ArrayList<>();
        tags.get("edges").forEach(edge -> graphQlTags.add(edge.get("node").get("name").asString() + "=" + edge.get("node").get("count").asLong()));
        List<String> restTags = new ArrayList<>();
        rest.get("data").forEach(t -> restTags.add(t.get("name").asString() + "=" + t.get("count").asLong()));
        assertThat(graphQlTags).isEqualTo(restTags);
        JsonNode firstPage = Reader.anonymous(port).graphQl("{ tags(first: 100) { edges { node { name count } } } }").data("tags");
        assertThat(firstPage.get("edges").size()).isEqualTo(Reader.anonymous(port).rest("/api/v1/tags?limit=100").body()
                .get("data").size()).isPositive();
    }

    @Test
    void printsTheSchemaFilesAsTheContract() throws Exception {
        java.net.http.HttpResponse<String> schema = Reader.HTTP.send(java.net.http.HttpRequest.newBuilder(
                java.net.URI.create("http://127.0.0.1:" + port + "/graphql/schema")).build(),
                java.net.http.HttpResponse.BodyHandlers.ofString());
        assertThat(schema.statusCode()).isEqualTo(200);
        // The printer lists arguments by name.
        assertThat(schema.body()).contains("postBySlug(minVersion: Int, slug: String!): Post", "posts(after: String, author: ID, "
                + "first: Int, sort: PostSort, status: PostStatus, tag: String): PostConnection!", "postPublished: Post!");
    }

    private static List<String> ids(JsonNode array) {
        List<String> ids = new ArrayList<>();
        array.forEach(item -> ids.add(item.get("id").asString()));
        return ids;
    }

    private static List<String> ids(JsonNode edges, String node) {
        List<String> ids = new ArrayList<>();
        edges.forEach(edge -> ids.add(edge.get(node).get("id").asString()));
        return ids;
    }
}
