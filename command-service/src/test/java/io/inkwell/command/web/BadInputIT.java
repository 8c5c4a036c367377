package io.inkwell.command.web;

import static io.inkwell.command.Api.createPost;
import static io.inkwell.command.Api.register;
import static io.inkwell.command.Api.uniqueEmail;
import static io.inkwell.testing.Callers.newIdentity;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import io.inkwell.command.CommandServiceContext;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.JwtRequestPostProcessor;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;

/** Every kind of bad input gets a 4xx problem that says what is wrong, never a 5xx. */
@CommandServiceContext
class BadInputIT {

    private static final String PROBLEM = "https://inkwell.example/problems/";

    @Autowired
    MockMvc mvc;

    private JwtRequestPostProcessor author;

    @BeforeEach
    void registerAnAuthor() throws Exception {
        author = newIdentity("user");
        register(mvc, author, uniqueEmail());
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', textBlock = """
            {"email": "a@b.test"}                                  | name
            {"name": " x ", "email": "a@b.test"}                   | name
            {"name": "Valid Name", "email": "not-an-email"}        | email
            {"name": "Valid Name", "email": "someone@localhost"}   | email
            {"name": "Valid Name"}                                 | email
            """)
    void refusesAnInvalidRegistrationNamingTheField(String body, String field) throws Exception {
        problem(mvc.perform(post("/api/v1/users").with(newIdentity("user")).contentType(MediaType.APPLICATION_JSON)
                .content(body)), 400, "validation-failed")
                .andExpect(jsonPath("$.errors[*].field", hasItem(field)));
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', textBlock = """
            {"content": "x"}                                                    | title
            {"title": "   ", "content": "x"}                                    | title
            {"title": "t"}                                                      | content
            {"title": "t", "content": "x", "slug": "Not A Slug"}                | slug
            {"title": "t", "content": "x", "tags": ["a","b","c","d","e","f","g","h","i","j","k"]} | tags
            {"title": "t", "content": "x", "tags": ["  "]}                      | tags[0]
            """)
    void refusesAnInvalidPostNamingTheField(String body, String field) throws Exception {
        problem(mvc.perform(post("/api/v1/posts").with(author).contentType(MediaType.APPLICATION_JSON).content(body)),
                400, "validation-failed")
                .andExpect(jsonPath("$.errors[*].field", hasItem(field)));
    }

    @Test
    void refusesTitlesContentAndTagsOverTheirLimits() throws Exception {
        String body = """
                {"title": "%s", "content": "%s", "tags": ["%s"]}"""
                .formatted("t".repeat(256), "c".repeat(100_001), "g".repeat(51));
        problem(mvc.perform(post("/api/v1/posts").with(author).contentType(MediaType.APPLICATION_JSON).content(body)),
                400, "validation-failed")
                .andExpect(jsonPath("$.errors[*].field", hasItem("title")))
                .andExpect(jsonPath("$.errors[*].field", hasItem("content")))
                .andExpect(jsonPath("$.errors[*].field", hasItem("tags[0]")));
    }

    @Test
    void acceptsContentOfExactlyTheMaximumLength() throws Exception {
        mvc.perform(post("/api/v1/posts").with(author).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"title\": \"Long read\", \"content\": \"%s\"}".formatted("c".repeat(100_000))))
                .andExpect(status().isCreated());
    }

    @Test
    void refusesMalformedJson() throws Exception {
        problem(mvc.perform(post("/api/v1/posts").with(author).contentType(MediaType.APPLICATION_JSON)
                .content("{\"title\": \"unterminated")), 400, "malformed-request")
                .andExpect(content().string(not(containsString("jackson"))));
    }

    @Test
    void refusesFieldsThatDoNotExist() throws Exception {
        problem(mvc.perform(post("/api/v1/posts").with(author).contentType(MediaType.APPLICATION_JSON)
                .content("{\"title\": \"t\", \"content\": \"x\", \"titel\": \"typo\"}")), 400, "malformed-request");
    }

    @Test
    void refusesAWrongContentType() throws Exception {
        problem(mvc.perform(post("/api/v1/posts").with(author).contentType(MediaType.TEXT_PLAIN).content("hello")),
                415, "http-415");
    }

    @Test
    void refusesABodyLargerThanTheLimit() throws Exception {
        String huge = "{\"title\": \"t\", \"content\": \"%s\"}".formatted("x".repeat(1_100_000));
        problem(mvc.perform(post("/api/v1/posts").with(author).contentType(MediaType.APPLICATION_JSON).content(huge)),
                413, "request-too-large");
    }

    @Test
    void refusesAnUnparseableIfMatch() throws Exception {
        String id = createPost(mvc, author, "Tagged");
        problem(mvc.perform(put("/api/v1/posts/" + id).with(author).header("If-Match", "W/\"1\"")
                .contentType(MediaType.APPLICATION_JSON).content("{\"title\": \"x\"}")), 412, "version-mismatch");
    }

    @Test
    void refusesAnUnsupportedMethod() throws Exception {
        problem(mvc.perform(get("/api/v1/posts/some-id").with(author)), 405, "http-405");
    }

    @Test
    void refusesAnIdempotencyKeyThatIsTooLong() throws Exception {
        problem(mvc.perform(post("/api/v1/posts").with(author).header("Idempotency-Key", "k".repeat(256))
                .contentType(MediaType.APPLICATION_JSON).content("{\"title\": \"t\", \"content\": \"x\"}")),
                400, "invalid-idempotency-key");
    }

    private static ResultActions problem(ResultActions result, int status, String code) throws Exception {
        return result.andExpect(status().is(status))
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.type").value(PROBLEM + code))
                .andExpect(jsonPath("$.status").value(status))
                .andExpect(jsonPath("$.detail").isNotEmpty());
    }
}
