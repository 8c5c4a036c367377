package io.inkwell.command.security;

import static io.inkwell.command.Api.createPost;
import static io.inkwell.command.Api.register;
import static io.inkwell.command.Api.uniqueEmail;
import static io.inkwell.testing.Callers.newIdentity;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.asyncDispatch;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;

import io.inkwell.command.CommandServiceContext;
import io.inkwell.support.web.Problem;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.JwtRequestPostProcessor;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Every command endpoint against every kind of caller, as the spec's tables say: the owner, another
 * user, each role, and nobody; and every GraphQL mutation against the same table. Each cell gets a fresh
 * profile or post, so that cells do not interfere.
 */
@CommandServiceContext
class AccessPolicyIT {

    @Autowired
    MockMvc mvc;

    @Autowired
    JdbcClient jdbc;

    private enum Caller { OWNER, OTHER_USER, MODERATOR, ANALYST, ADMIN, ANONYMOUS }

    private record Cell(String endpoint, Caller caller, int expected) {
    }

    @Test
    void profilesCanBeChangedOnlyByTheirUserOrAnAdmin() throws Exception {
        List<String> wrong = new ArrayList<>();
        for (Caller caller : Caller.values()) {
            int expectedChange = switch (caller) {
                case OWNER, ADMIN -> 200;
                case ANONYMOUS -> 401;
                default -> 403;
            };
            check(wrong, new Cell("PUT /users/{id}", caller, expectedChange), id -> put("/api/v1/users/" + id)
                    .contentType(MediaType.APPLICATION_JSON).content("{\"name\": \"Changed\"}"), this::profile);
            check(wrong, new Cell("DELETE /users/{id}", caller, expectedChange == 200 ? 204 : expectedChange),
                    id -> delete("/api/v1/users/" + id), this::profile);
        }
        assertThat(wrong).isEmpty();
    }

    @Test
    void postsCanBeChangedOnlyByTheirAuthorOrAModerator() throws Exception {
        List<String> wrong = new ArrayList<>();
        for (Caller caller : Caller.values()) {
            int expected = switch (caller) {
                case OWNER, MODERATOR, ADMIN -> 200;
                case ANONYMOUS -> 401;
                default -> 403;
            };
            check(wrong, new Cell("PUT /posts/{id}", caller, expected), id -> put("/api/v1/posts/" + id)
                    .contentType(MediaType.APPLICATION_JSON).content("{\"title\": \"Changed\"}"), this::publishedPost);
            check(wrong, new Cell("POST /posts/{id}/publish", caller, expected),
                    id -> post("/api/v1/posts/" + id + "/publish"), this::publishedPost);
            check(wrong, new Cell("POST /posts/{id}/unpublish", caller, expected),
                    id -> post("/api/v1/posts/" + id + "/unpublish"), this::publishedPost);
            check(wrong, new Cell("DELETE /posts/{id}", caller, expected == 200 ? 204 : expected),
                    id -> delete("/api/v1/posts/" + id), this::publishedPost);
        }
        assertThat(wrong).isEmpty();
    }

    @Test
    void writingAPostNeedsTheUserRoleAndAProfileWhileAnyIdentityMayRegister() throws Exception {
        JwtRequestPostProcessor writer = newIdentity("user");
        register(mvc, writer, uniqueEmail());
        assertThat(status(post("/api/v1/posts").with(writer), "{\"title\": \"t\", \"content\": \"x\"}")).isEqualTo(201);
        for (String role : List.of("moderator", "analyst", "admin")) {
            JwtRequestPostProcessor someone = newIdentity(role);
            register(mvc, someone, uniqueEmail());
            assertThat(status(post("/api/v1/posts").with(someone), "{\"title\": \"t\", \"content\": \"x\"}"))
                    .as(role).isEqualTo(403);
        }
        assertThat(status(post("/api/v1/posts"), "{\"title\": \"t\", \"content\": \"x\"}")).isEqualTo(401);
        assertThat(status(post("/api/v1/users").with(newIdentity()),
                "{\"name\": \"No Roles\", \"email\": \"%s\"}".formatted(uniqueEmail()))).isEqualTo(201);
    }

    @Test
    void theGraphQlMutationsFollowTheSamePolicyAsRest() throws Exception {
        List<String> wrong = new ArrayList<>();
        for (Caller caller : Caller.values()) {
            int expectedProfile = switch (caller) {
                case OWNER, ADMIN -> 200;
                case ANONYMOUS -> 401;
                default -> 403;
            };
            int expectedPost = switch (caller) {
                case OWNER, MODERATOR, ADMIN -> 200;
                case ANONYMOUS -> 401;
                default -> 403;
            };
            checkGraphQl(wrong, new Cell("updateUser", caller, expectedProfile),
                    id -> "mutation { updateUser(id: \"%s\", input: {name: \"Changed\"}) { id } }".formatted(id), this::profile);
            checkGraphQl(wrong, new Cell("deleteUser", caller, expectedProfile),
                    id -> "mutation { deleteUser(id: \"%s\") { id } }".formatted(id), this::profile);
            checkGraphQl(wrong, new Cell("editPost", caller, expectedPost),
                    id -> "mutation { editPost(id: \"%s\", input: {title: \"Changed\"}) { id } }".formatted(id), this::publishedPost);
            for (String mutation : List.of("publishPost", "unpublishPost", "deletePost")) {
                checkGraphQl(wrong, new Cell(mutation, caller, expectedPost),
                        id -> "mutation { %s(id: \"%s\") { id } }".formatted(mutation, id), this::publishedPost);
            }
        }
        assertThat(wrong).isEmpty();
    }

    @Test
    void createPostOverGraphQlNeedsTheUserRoleAndAProfileWhileAnyIdentityMayRegister() throws Exception {
        String create = "mutation { createPost(input: {title: \"t\", content: \"x\"}) { id } }";
        JwtRequestPostProcessor writer = newIdentity("user");
        register(mvc, writer, uniqueEmail());
        assertThat(graphQl(create, writer)).isEqualTo(200);
        for (String role : List.of("moderator", "analyst", "admin")) {
            JwtRequestPostProcessor someone = newIdentity(role);
            register(mvc, someone, uniqueEmail());
            assertThat(graphQl(create, someone)).as(role).isEqualTo(403);
        }
        assertThat(graphQl(create, null)).isEqualTo(401);
        assertThat(graphQl("mutation { registerUser(input: {name: \"No Roles\", email: \"%s\"}) { id } }"
                .formatted(uniqueEmail()), newIdentity())).isEqualTo(200);
    }

    private void checkGraphQl(List<String> wrong, Cell cell, Function<String, String> document, OwnedBy setup) throws Exception {
        JwtRequestPostProcessor owner = newIdentity("user");
        String id = setup.create(owner);
        int actual = graphQl(document.apply(id), caller(cell.caller(), owner));
        if (actual != cell.expected()) {
            wrong.add(cell + " answered " + actual);
        }
    }

    /**
     * The HTTP status that REST would answer for what GraphQL answered: the status of the error's problem code,
     * 200 for no error, or the HTTP status itself when the request never reached GraphQL.
     */
    private int graphQl(String document, JwtRequestPostProcessor caller) throws Exception {
        MockHttpServletRequestBuilder request = post("/graphql").contentType(MediaType.APPLICATION_JSON)
                .content(JsonMapper.shared().writeValueAsString(Map.of("query", document)));
        if (caller != null) {
            request.with(caller);
        }
        MvcResult result = mvc.perform(request).andReturn();
        if (result.getRequest().isAsyncStarted()) {
            result = mvc.perform(asyncDispatch(result)).andReturn();
        }
        if (result.getResponse().getStatus() != 200) {
            return result.getResponse().getStatus();
        }
        JsonNode error = JsonMapper.shared().readTree(result.getResponse().getContentAsString()).path("errors").path(0);
        return error.isMissingNode() ? 200 : Problem.ofCode(error.path("extensions").path("code").asString())
                .map(problem -> problem.status().value()).orElse(500);
    }

    private JwtRequestPostProcessor caller(Caller caller, JwtRequestPostProcessor owner) throws Exception {
        return switch (caller) {
            case OWNER -> owner;
            case OTHER_USER -> registered(newIdentity("user"));
            case MODERATOR -> newIdentity("moderator");
            case ANALYST -> newIdentity("analyst");
            case ADMIN -> newIdentity("admin", "moderator", "user", "analyst");
            case ANONYMOUS -> null;
        };
    }

    /** Sets up what the cell changes, owned by a fresh owner, and records the cell if the answer differs. */
    private void check(List<String> wrong, Cell cell, Function<String, MockHttpServletRequestBuilder> request,
                       OwnedBy setup) throws Exception {
        JwtRequestPostProcessor owner = newIdentity("user");
        String id = setup.create(owner);
        MockHttpServletRequestBuilder builder = request.apply(id);
        JwtRequestPostProcessor caller = caller(cell.caller(), owner);
        if (caller != null) {
            builder.with(caller);
        }
        long eventsBefore = eventsOf(id);
        var response = mvc.perform(builder).andReturn().getResponse();
        int actual = response.getStatus();
        if (actual != cell.expected()) {
            wrong.add(cell + " answered " + actual);
        } else if (actual >= 400) {
            // A refusal is a problem of the same status, and leaves the event store as it was.
            if (!String.valueOf(response.getContentType()).startsWith("application/problem+json")
                    || !response.getContentAsString().contains("\"status\":" + actual)) {
                wrong.add(cell + " answered no problem of its status: " + response.getContentAsString());
            }
            if (eventsOf(id) != eventsBefore) {
                wrong.add(cell + " was refused but changed the event store");
            }
        } else if (response.getHeader("ETag") == null
                || !response.getHeader("ETag").equals("\"" + eventsOf(id) + "\"")) {
            wrong.add(cell + " answered ETag " + response.getHeader("ETag") + " with " + eventsOf(id) + " events");
        }
    }

    private long eventsOf(String aggregateId) {
        return jdbc.sql("SELECT count(*) FROM domain_event_entry WHERE aggregate_identifier = ?")
                .param(aggregateId).query(Long.class).single();
    }

    private interface OwnedBy {
        String create(JwtRequestPostProcessor owner) throws Exception;
    }

    private String profile(JwtRequestPostProcessor owner) throws Exception {
        return register(mvc, owner, uniqueEmail());
    }

    private String publishedPost(JwtRequestPostProcessor owner) throws Exception {
        register(mvc, owner, uniqueEmail());
        String id = createPost(mvc, owner, "Owned");
        mvc.perform(post("/api/v1/posts/" + id + "/publish").with(owner));
        return id;
    }

    private JwtRequestPostProcessor registered(JwtRequestPostProcessor identity) throws Exception {
        register(mvc, identity, uniqueEmail());
        return identity;
    }

    private int status(MockHttpServletRequestBuilder request, String body) throws Exception {
        return mvc.perform(request.contentType(MediaType.APPLICATION_JSON).content(body)).andReturn().getResponse().getStatus();
    }
}
