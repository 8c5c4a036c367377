package io.inkwell.command;

import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import org.springframework.http.MediaType;
import org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.JwtRequestPostProcessor;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Small steps that many HTTP tests take: register a profile, write a post, read a JSON answer. */
public final class Api {

    private Api() {
    }

    public static JsonNode json(MvcResult result) throws Exception {
        return JsonMapper.shared().readTree(result.getResponse().getContentAsString());
    }

    /** Registers a profile for the caller and returns its id. */
    public static String register(MockMvc mvc, JwtRequestPostProcessor caller, String email) throws Exception {
        MvcResult result = mvc.perform(post("/api/v1/users").with(caller).contentType(MediaType.APPLICATION_JSON)
                        .content("""
                                {"name": "Test Writer", "email": "%s"}""".formatted(email)))
                .andExpect(status().isCreated()).andReturn();
        return json(result).get("id").asString();
    }

    /** Writes a draft as the caller (who must have a profile) and returns its id. */
    public static String createPost(MockMvc mvc, JwtRequestPostProcessor author, String title) throws Exception {
        MvcResult result = mvc.perform(post("/api/v1/posts").with(author).contentType(MediaType.APPLICATION_JSON)
                        .content("""
                                {"title": "%s", "content": "Some words", "tags": ["Java"]}""".formatted(title)))
                .andExpect(status().isCreated()).andReturn();
        return json(result).get("id").asString();
    }

    public static String uniqueEmail() {
        return "writer-" + java.util.UUID.randomUUID() + "@inkwell.test";
    }
}
