package io.inkwell.command.post;

import static org.assertj.core.api.Assertions.assertThat;

import io.inkwell.command.CommandServiceContext;
import io.inkwell.command.GraphQl;
import io.inkwell.testing.TestIssuer;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/**
 * The post mutations over HTTP with real tokens: what they answer, what they refuse, and that REST answers
 * and refuses the same.
 */
@CommandServiceContext
class PostGraphQlIT {

    static final String CREATE = """
            mutation($input: CreatePostInput!, $key: String) {
              createPost(input: $input, idempotencyKey: $key) { id version slug } }""";
    static final String EDIT = """
            mutation($id: ID!, $input: EditPostInput!, $v: Int) {
              editPost(id: $id, input: $input, expectedVersion: $v) { id version } }""";

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    private GraphQl api;
    private String author;

    @BeforeEach
    void anAuthorWithAProfile() {
        api = new GraphQl(port);
        author = TestIssuer.get().token("user");
        api.register(author);
    }

    @Test
    void aPostGoesThroughItsWholeLifeWithTheVersionsRestAnswers() {
        String title = "A GraphQL post " + UUID.randomUUID();
        GraphQl.Answer created = api.query(author, CREATE, Map.of("input", Map.of("title", title, "content", "Words",
                "tags", List.of("GraphQL", "Java"))));
        assertThat(created.code()).isNull();
        String id = created.data("createPost").path("id").asString();
        assertThat(created.data("createPost").path("version").asLong()).isEqualTo(1);
        assertThat(created.data("createPost").path("slug").asString()).startsWith("a-graphql-post-");

        assertThat(version(api.query(author, EDIT, Map.of("id", id, "input", Map.of("content", "Edited"), "v", 1)), "editPost"))
                .isEqualTo(2);
        assertThat(version(change("publishPost", id, author), "publishPost")).isEqualTo(3);
        assertThat(version(change("publishPost", id, author), "publishPost")).as("publishing again is a no-op").isEqualTo(3);
        assertThat(version(change("unpublishPost", id, author), "unpublishPost")).isEqualTo(4);
        assertThat(version(change("deletePost", id, author), "deletePost")).isEqualTo(5);
        assertThat(change("publishPost", id, author).code()).isEqualTo("post-deleted");
        assertThat(api.rest("POST", "/api/v1/posts/" + id + "/publish", author, null, Map.of()).json().path("type").asString())
                .endsWith("/post-deleted");

        assertThat(jdbc.sql("SELECT payload_type FROM event_log WHERE aggregate_identifier = ? ORDER BY sequence_number")
                .param(id).query(String.class).list().stream().map(type -> type.substring(type.lastIndexOf('.') + 1)))
                .containsExactly("PostCreatedEvent", "PostEditedEvent", "PostPublishedEvent", "PostUnpublishedEvent",
                        "PostDeletedEvent");
    }

    @Test
    void aStaleExpectedVersionIsAVersionMismatchAndChangesNothing() {
        String id = create("Stale " + UUID.randomUUID());
        api.query(author, EDIT, Map.of("id", id, "input", Map.of("title", "Second"), "v", 1));
        GraphQl.Answer stale = api.query(author, EDIT, Map.of("id", id, "input", Map.of("title", "Lost update"), "v", 1));
        assertThat(stale.code()).isEqualTo("version-mismatch");
        assertThat(stale.error().path("message").asString()).contains("current version is 2");
        assertThat(stale.error().path("path").get(0).asString()).isEqualTo("editPost");
        GraphQl.Answer rest = api.rest("PUT", "/api/v1/posts/" + id, author, "{\"title\": \"Lost update\"}", Map.of("If-Match", "\"1\""));
        assertThat(rest.status()).isEqualTo(412);
        assertThat(rest.json().path("type").asString()).endsWith("/version-mismatch");
        assertThat(events(id)).isEqualTo(2);
        assertThat(api.query(author, EDIT, Map.of("id", id, "input", Map.of("title", "Third"), "v", 0)).code())
                .as("no version 0 exists").isEqualTo("version-mismatch");
    }

    @Test
    void onlyTheAuthorOrAModeratorMayChangeAPost() {
        String id = create("Owned " + UUID.randomUUID());
        String someoneElse = TestIssuer.get().token("user");
        api.register(someoneElse);
        assertThat(api.query(someoneElse, EDIT, Map.of("id", id, "input", Map.of("title", "Mine now"))).code())
                .isEqualTo("not-post-author");
        assertThat(change("deletePost", id, someoneElse).code()).isEqualTo("not-post-author");
        assertThat(api.rest("DELETE", "/api/v1/posts/" + id, someoneElse, null, Map.of()).json().path("type").asString())
                .endsWith("/not-post-author");
        assertThat(version(change("publishPost", id, TestIssuer.get().token("moderator")), "publishPost")).isEqualTo(2);
        assertThat(events(id)).isEqualTo(2);
    }

    @Test
    void invalidInputIsRefusedNamingTheSameFieldsAsRest() {
        Map<String, Object> input = new HashMap<>(Map.of("title", "  ", "content", "x", "slug", "Not A Slug"));
        input.put("tags", Arrays.asList("fine", " ", null));
        GraphQl.Answer answer = api.query(author, CREATE, Map.of("input", input));
        assertThat(answer.code()).isEqualTo("validation-failed");
        assertThat(answer.data("createPost").isNull() || answer.json().path("data").isNull()).isTrue();
        GraphQl.Answer rest = api.rest("POST", "/api/v1/posts", author,
                "{\"title\": \"  \", \"content\": \"x\", \"slug\": \"Not A Slug\", \"tags\": [\"fine\", \" \", null]}", Map.of());
        assertThat(rest.status()).isEqualTo(400);
        assertThat(fields(answer.error().path("extensions").path("errors"))).isEqualTo(fields(rest.json().path("errors")))
                .containsExactlyInAnyOrder("title", "slug", "tags[1]", "tags[2]");
        GraphQl.Answer missing = api.query(author, "mutation { createPost(input: {content: \"no title\"}) { id } }");
        assertThat(missing.code()).as("a required field left out fails GraphQL's own validation").isEqualTo("validation-failed");
    }

    @Test
    void aRetryWithTheSameIdempotencyKeyAnswersTheFirstResultAndCreatesNothingNew() {
        String key = UUID.randomUUID().toString();
        String title = "Once only " + key;
        Map<String, Object> variables = Map.of("input", Map.of("title", title, "content", "x"), "key", key);
        GraphQl.Answer first = api.query(author, CREATE, variables);
        GraphQl.Answer retry = api.query(author, CREATE, variables);
        assertThat(retry.data("createPost")).isEqualTo(first.data("createPost"));
        GraphQl.Answer overRest = api.rest("POST", "/api/v1/posts", author,
                "{\"title\": \"%s\", \"content\": \"x\"}".formatted(title), Map.of("Idempotency-Key", key));
        assertThat(overRest.status()).isEqualTo(201);
        assertThat(overRest.header("Idempotent-Replayed")).isEqualTo("true");
        assertThat(overRest.json()).isEqualTo(first.data("createPost"));
        assertThat(jdbc.sql("SELECT count(*) FROM event_log WHERE payload ->> 'title' = ?").param(title)
                .query(Long.class).single()).isEqualTo(1);

        GraphQl.Answer reused = api.query(author, CREATE, Map.of("input", Map.of("title", "Other", "content", "x"), "key", key));
        assertThat(reused.code()).isEqualTo("idempotency-key-reused");
        assertThat(api.query(author, CREATE, Map.of("input", Map.of("title", "t", "content", "x"), "key", " ")).code())
                .isEqualTo("invalid-idempotency-key");
    }

    @Test
    void writingNeedsTheUserRoleAndAProfileAsInRest() {
        String moderator = TestIssuer.get().token("moderator");
        api.register(moderator);
        Map<String, Object> input = Map.of("input", Map.of("title", "", "content", "x"));
        assertThat(api.query(moderator, CREATE, input).code()).as("the role is checked before the input").isEqualTo("forbidden");
        assertThat(api.rest("POST", "/api/v1/posts", moderator, "{\"title\": \"\", \"content\": \"x\"}", Map.of())
                .json().path("type").asString()).endsWith("/forbidden");
        String withoutProfile = TestIssuer.get().token("user");
        assertThat(api.query(withoutProfile, CREATE, Map.of("input", Map.of("title", "t", "content", "x"))).code())
                .isEqualTo("profile-required");
    }

    @Test
    void anUnknownPostIsNotFound() {
        assertThat(change("publishPost", UUID.randomUUID().toString(), author).code()).isEqualTo("not-found");
    }

    @Test
    void anAnonymousMutationIsRefusedBeforeGraphQlAsRestRefusesIt() {
        GraphQl.Answer answer = api.query(null, CREATE, Map.of("input", Map.of("title", "t", "content", "x")));
        assertThat(answer.status()).isEqualTo(401);
        assertThat(answer.raw().isProblem()).isTrue();
        assertThat(answer.json().path("type").asString()).endsWith("/unauthorized");
        assertThat(answer.header("WWW-Authenticate")).startsWith("Bearer");
    }

    @Test
    void theEventsOfAMutationSayWhoCausedThemInWhichRequest() {
        String requestId = "gql-" + UUID.randomUUID();
        GraphQl.Answer created = api.query(author, CREATE, Map.of("input", Map.of("title", "Traced", "content", "x")),
                Map.of("X-Request-Id", requestId));
        String id = created.data("createPost").path("id").asString();
        Map<String, Object> metadata = jdbc.sql("""
                        SELECT meta_data ->> 'requestId' AS request_id, meta_data ->> 'actorUserId' AS user_id
                        FROM event_log WHERE aggregate_identifier = ?""").param(id).query().singleRow();
        assertThat(metadata.get("request_id")).isEqualTo(requestId);
        assertThat(metadata.get("user_id")).isNotNull();
    }

    private String create(String title) {
        return api.query(author, CREATE, Map.of("input", Map.of("title", title, "content", "x")))
                .data("createPost").path("id").asString();
    }

    private GraphQl.Answer change(String mutation, String id, String token) {
        return api.query(token, "mutation($id: ID!) { " + mutation + "(id: $id) { id version } }", Map.of("id", id));
    }

    private static long version(GraphQl.Answer answer, String mutation) {
        assertThat(answer.code()).as(answer.json().toString()).isNull();
        return answer.data(mutation).path("version").asLong();
    }

    private long events(String id) {
        return jdbc.sql("SELECT count(*) FROM event_log WHERE aggregate_identifier = ?").param(id).query(Long.class).single();
    }

    private static Set<String> fields(JsonNode errors) {
        return StreamSupport.stream(errors.spliterator(), false).map(error -> error.path("field").asString())
                .collect(Collectors.toSet());
    }
}
