package io.inkwell.query.history;

import static io.inkwell.testing.Callers.identity;
import static io.inkwell.testing.Callers.newIdentity;
import static org.awaitility.Awaitility.await;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import io.inkwell.api.post.PostCreatedEvent;
import io.inkwell.query.History;
import io.inkwell.query.QueryServiceContext;
import io.inkwell.query.user.UserViews;
import io.inkwell.testing.TestKeycloak;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.JwtRequestPostProcessor;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultMatcher;

/**
 * Who may read which history: analysts and admins everything, a user their own profile and posts, and
 * nobody learns more about someone else's post or profile than the REST API would tell them.
 */
@QueryServiceContext
class HistoryAccessIT {

    private static final String FORBIDDEN = "https://inkwell.example/problems/forbidden";
    private static final String NOT_FOUND = "https://inkwell.example/problems/not-found";

    @Autowired
    History history;

    @Autowired
    MockMvc mvc;

    @Autowired
    UserViews users;

    private String alice;
    private JwtRequestPostProcessor asAlice;
    private String bob;
    private JwtRequestPostProcessor asBob;

    @BeforeEach
    void aliceAndBob() {
        String aliceSubject = UUID.randomUUID().toString();
        String bobSubject = UUID.randomUUID().toString();
        alice = history.registerUser("Alice Writer", "alice-" + aliceSubject + "@inkwell.test", TestKeycloak.get().issuer(), aliceSubject);
        bob = history.registerUser("Bob Reader", "bob-" + bobSubject + "@inkwell.test", TestKeycloak.get().issuer(), bobSubject);
        asAlice = identity(aliceSubject, "user");
        asBob = identity(bobSubject, "user");
        // Who "their own" is comes from the users read model, as everywhere in query-service.
        await().until(() -> users.existsById(alice) && users.existsById(bob));
    }

    @Test
    void anonymousCallersAreUnauthorized() throws Exception {
        String post = history.publishedPost(alice, "Public", "x", List.of());
        for (String path : List.of("/api/v1/events", "/api/v1/events/export", "/api/v1/posts/" + post + "/history",
                "/api/v1/users/" + alice + "/history")) {
            mvc.perform(get(path)).andExpect(status().isUnauthorized())
                    .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
        }
    }

    @Test
    void aPostWithTheSlugHistoryIsAnOrdinaryPublicReadNotAHistory() throws Exception {
        String post = History.newId();
        history.append("Post", post, new PostCreatedEvent(post, alice, "History", "of the slug", List.of(), "history"));
        history.publish(post);
        await().untilAsserted(() -> mvc.perform(get("/api/v1/posts/by-slug/history"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.id").value(post)));
    }

    @Test
    void theGlobalStreamIsForAnalystsAndAdminsOnly() throws Exception {
        for (String path : List.of("/api/v1/events?limit=1", "/api/v1/events/export?aggregateId=" + alice)) {
            for (String role : List.of("user", "moderator")) {
                mvc.perform(get(path).with(newIdentity(role))).andExpect(problem(403, FORBIDDEN));
            }
            mvc.perform(get(path).with(asAlice)).andExpect(problem(403, FORBIDDEN));
            for (String role : List.of("analyst", "admin")) {
                mvc.perform(get(path).with(newIdentity(role))).andExpect(status().isOk());
            }
        }
    }

    @Test
    void aliceReadsHerOwnPostsHistoryButNotBobsPublishedOne() throws Exception {
        String draft = history.createPost(alice, "Alice's draft", "x", List.of());
        String published = history.publishedPost(alice, "Alice's post", "x", List.of());
        String bobs = history.publishedPost(bob, "Bob's post", "x", List.of());
        mvc.perform(get("/api/v1/posts/" + draft + "/history").with(asAlice)).andExpect(status().isOk())
                .andExpect(jsonPath("$.data.length()").value(1));
        mvc.perform(get("/api/v1/posts/" + published + "/history").with(asAlice)).andExpect(status().isOk())
                .andExpect(jsonPath("$.data[1].type").value("PostPublishedEvent"));
        mvc.perform(get("/api/v1/posts/" + bobs + "/history").with(asAlice)).andExpect(problem(403, FORBIDDEN));
        mvc.perform(get("/api/v1/posts/" + published + "/history").with(newIdentity("moderator"))).andExpect(problem(403, FORBIDDEN));
        for (String role : List.of("analyst", "admin")) {
            mvc.perform(get("/api/v1/posts/" + bobs + "/history").with(newIdentity(role))).andExpect(status().isOk())
                    .andExpect(jsonPath("$.data.length()").value(2));
        }
    }

    @Test
    void aPostTheCallerMayNotSeeIsNotFoundAsInTheRestApi() throws Exception {
        String bobsDraft = history.createPost(bob, "Bob's draft", "x", List.of());
        String deleted = history.publishedPost(bob, "Gone", "x", List.of());
        history.deletePost(deleted);
        mvc.perform(get("/api/v1/posts/" + bobsDraft + "/history").with(asAlice)).andExpect(problem(404, NOT_FOUND));
        mvc.perform(get("/api/v1/posts/" + deleted + "/history").with(asAlice)).andExpect(problem(404, NOT_FOUND));
        mvc.perform(get("/api/v1/posts/" + UUID.randomUUID() + "/history").with(asAlice)).andExpect(problem(404, NOT_FOUND));
        // Moderators may read drafts, so for them it exists; it is still not theirs.
        mvc.perform(get("/api/v1/posts/" + bobsDraft + "/history").with(newIdentity("moderator"))).andExpect(problem(403, FORBIDDEN));
        mvc.perform(get("/api/v1/posts/" + deleted + "/history").with(newIdentity("analyst"))).andExpect(status().isOk())
                .andExpect(jsonPath("$.data[2].type").value("PostDeletedEvent"));
        mvc.perform(get("/api/v1/posts/" + UUID.randomUUID() + "/history").with(newIdentity("analyst"))).andExpect(problem(404, NOT_FOUND));
        // A user's id is not a post.
        mvc.perform(get("/api/v1/posts/" + bob + "/history").with(newIdentity("analyst"))).andExpect(problem(404, NOT_FOUND));
    }

    @Test
    void aUserReadsTheirOwnProfilesHistoryOnly() throws Exception {
        mvc.perform(get("/api/v1/users/" + alice + "/history").with(asAlice)).andExpect(status().isOk())
                .andExpect(jsonPath("$.data[0].type").value("UserRegisteredEvent"));
        mvc.perform(get("/api/v1/users/" + bob + "/history").with(asAlice)).andExpect(problem(403, FORBIDDEN));
        mvc.perform(get("/api/v1/users/" + bob + "/history").with(newIdentity("moderator"))).andExpect(problem(403, FORBIDDEN));
        for (String role : List.of("analyst", "admin")) {
            mvc.perform(get("/api/v1/users/" + bob + "/history").with(newIdentity(role))).andExpect(status().isOk());
        }
        history.deleteUser(bob);
        mvc.perform(get("/api/v1/users/" + bob + "/history").with(asAlice)).andExpect(problem(404, NOT_FOUND));
        mvc.perform(get("/api/v1/users/" + UUID.randomUUID() + "/history").with(newIdentity("admin"))).andExpect(problem(404, NOT_FOUND));
    }

    private static ResultMatcher problem(int status, String type) {
        return result -> {
            status().is(status).match(result);
            jsonPath("$.type").value(type).match(result);
        };
    }
}
