package io.inkwell.query.web;

import static io.inkwell.testing.Callers.newIdentity;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import io.inkwell.query.History;
import io.inkwell.query.QueryServiceContext;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.JwtRequestPostProcessor;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/**
 * Conditional GETs: a strong ETag from the versions an answer shows, 304 without a body when the client has
 * it already, and Cache-Control and Vary that let shared caches keep anonymous answers only, revalidated.
 */
@QueryServiceContext
class HttpCachingIT {

    @Autowired
    History history;

    @Autowired
    MockMvc mvc;

    private String author;
    private JwtRequestPostProcessor asAuthor;

    @BeforeEach
    void anAuthor() {
        History.Author registered = history.author("Etta Tag");
        author = registered.id();
        asAuthor = registered.token();
    }

    @Test
    void anAnonymousReaderRevalidatesAPublishedPostAndGets304UntilItChanges() throws Exception {
        String id = history.publishedPost(author, "Tagged", "x", List.of());
        MockHttpServletResponse first = ok(get("/api/v1/posts/" + id + "?minVersion=2"));
        // The post's version and its author's: the answer shows the author's name.
        assertThat(first.getHeader("ETag")).isEqualTo("\"2.1\"");
        assertThat(first.getHeader("Cache-Control")).contains("public").contains("no-cache").doesNotContain("private");
        assertThat(first.getHeaderValues("Vary")).contains("Authorization");

        MockHttpServletResponse unchanged = mvc.perform(get("/api/v1/posts/" + id).header("If-None-Match", "\"2.1\""))
                .andReturn().getResponse();
        assertThat(unchanged.getStatus()).isEqualTo(304);
        assertThat(unchanged.getContentAsString()).isEmpty();
        assertThat(unchanged.getHeader("ETag")).isEqualTo("\"2.1\"");
        MockHttpServletResponse bySlug = mvc.perform(get("/api/v1/posts/by-slug/slug-" + id)
                .header("If-None-Match", "\"2.1\"")).andReturn().getResponse();
        assertThat(bySlug.getStatus()).isEqualTo(304);

        long edited = history.edit(id, "Retitled", "x");
        MockHttpServletResponse changed = ok(get("/api/v1/posts/" + id + "?minVersion=" + edited)
                .header("If-None-Match", "\"2.1\""));
        assertThat(changed.getHeader("ETag")).isEqualTo("\"3.1\"");
        assertThat(changed.getContentAsString()).contains("Retitled");
    }

    @Test
    void aRenamedAuthorChangesTheTagOfTheirPosts() throws Exception {
        String id = history.publishedPost(author, "By Etta", "x", List.of());
        assertThat(ok(get("/api/v1/posts/" + id + "?minVersion=2")).getHeader("ETag")).isEqualTo("\"2.1\"");
        long renamed = history.renameUser(author, "Etta Renamed");
        ok(get("/api/v1/users/" + author + "?minVersion=" + renamed).with(asAuthor));
        MockHttpServletResponse after = mvc.perform(get("/api/v1/posts/" + id).header("If-None-Match", "\"2.1\""))
                .andReturn().getResponse();
        assertThat(after.getStatus()).isEqualTo(200);
        assertThat(after.getHeader("ETag")).isEqualTo("\"2.2\"");
        assertThat(after.getContentAsString()).contains("Etta Renamed");
    }

    @Test
    void anAnswerForATokenIsPrivate() throws Exception {
        String id = history.createPost(author, "Draft", "x", List.of());
        MockHttpServletResponse draft = ok(get("/api/v1/posts/" + id + "?minVersion=1").with(asAuthor));
        assertThat(draft.getHeader("Cache-Control")).contains("private").contains("no-cache").doesNotContain("public");
        assertThat(draft.getHeaderValues("Vary")).contains("Authorization");
        assertThat(mvc.perform(get("/api/v1/posts/" + id).with(asAuthor).header("If-None-Match", draft.getHeader("ETag")))
                .andReturn().getResponse().getStatus()).isEqualTo(304);
        // A tag the author's client holds opens nothing to others: the draft is still not found.
        assertThat(mvc.perform(get("/api/v1/posts/" + id).header("If-None-Match", draft.getHeader("ETag")))
                .andReturn().getResponse().getStatus()).isEqualTo(404);
    }

    @Test
    void aProfileWithItsEmailHasATagOfItsOwn() throws Exception {
        MockHttpServletResponse own = ok(get("/api/v1/users/" + author).with(asAuthor));
        MockHttpServletResponse other = ok(get("/api/v1/users/" + author).with(newIdentity("user")));
        assertThat(own.getContentAsString()).contains("etta-");
        assertThat(other.getContentAsString()).doesNotContain("etta-");
        assertThat(own.getHeader("ETag")).isEqualTo("\"1+email\"");
        assertThat(other.getHeader("ETag")).isEqualTo("\"1\"");
        assertThat(other.getHeader("Cache-Control")).contains("private");
        assertThat(mvc.perform(get("/api/v1/users/" + author).with(newIdentity("user")).header("If-None-Match", "\"1+email\""))
                .andReturn().getResponse().getStatus()).isEqualTo(200);
        assertThat(mvc.perform(get("/api/v1/users/" + author).with(newIdentity("user")).header("If-None-Match", "\"1\""))
                .andReturn().getResponse().getStatus()).isEqualTo(304);
    }

    @Test
    void tagCountsHaveATagOfWhatTheyShow() throws Exception {
        MockHttpServletResponse tags = ok(get("/api/v1/tags?limit=5"));
        String etag = tags.getHeader("ETag");
        assertThat(etag).matches("\"[0-9a-f]{32}\"");
        assertThat(tags.getHeader("Cache-Control")).contains("public");
        assertThat(mvc.perform(get("/api/v1/tags?limit=5").header("If-None-Match", etag)).andReturn().getResponse()
                .getStatus()).isEqualTo(304);
        assertThat(ok(get("/api/v1/tags?limit=6")).getHeader("ETag")).isNotEqualTo(etag);
    }

    @Test
    void aPostAsItWasIsNotTagged() throws Exception {
        String id = history.publishedPost(author, "Then", "x", List.of());
        ok(get("/api/v1/posts/" + id + "?minVersion=2"));
        MockHttpServletResponse then = ok(get("/api/v1/posts/" + id + "?atVersion=1").with(asAuthor));
        assertThat(then.getHeader("ETag")).isNull();
    }

    private MockHttpServletResponse ok(MockHttpServletRequestBuilder request) throws Exception {
        MockHttpServletResponse response = mvc.perform(request).andReturn().getResponse();
        assertThat(response.getStatus()).as(response.getContentAsString()).isEqualTo(200);
        return response;
    }
}
