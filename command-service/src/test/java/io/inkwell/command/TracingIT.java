package io.inkwell.command;

import static io.inkwell.command.Api.json;
import static io.inkwell.command.Api.register;
import static io.inkwell.command.Api.uniqueEmail;
import static io.inkwell.testing.Callers.identity;
import static io.inkwell.testing.Callers.newIdentity;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.HexFormat;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.JwtRequestPostProcessor;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import tools.jackson.databind.json.JsonMapper;

/**
 * A caller's W3C {@code traceparent} is accepted: the answer names the server's span in the same trace, the
 * events the request causes carry that context to the projections, and the request's log lines its trace id.
 */
@CommandServiceContext
@ExtendWith(OutputCaptureExtension.class)
class TracingIT {

    @Autowired
    MockMvc mvc;

    @Autowired
    JdbcClient jdbc;

    @Test
    void aRequestsTraceContextIsAnsweredAndTravelsWithItsEvents() throws Exception {
        String traceId = hex(16);
        String callerSpan = hex(8);
        JwtRequestPostProcessor author = identity(UUID.randomUUID().toString(), "user");
        register(mvc, author, uniqueEmail());

        MvcResult created = mvc.perform(post("/api/v1/posts").with(author).header("traceparent", traceparent(traceId, callerSpan))
                        .contentType(MediaType.APPLICATION_JSON).content("""
                                {"title": "Traced", "content": "Followed from the request"}"""))
                .andExpect(status().isCreated()).andReturn();

        String answered = created.getResponse().getHeader("traceparent");
        assertThat(answered).matches("00-" + traceId + "-[0-9a-f]{16}-01").doesNotContain(callerSpan);
        String postId = json(created).get("id").asString();
        String stored = jdbc.sql("SELECT meta_data::text FROM event_log WHERE aggregate_identifier = ?").param(postId)
                .query(String.class).single();
        // The event carries the context of the server's span, whose child each projection's span becomes.
        assertThat(JsonMapper.shared().readTree(stored).get("traceparent").asString()).isEqualTo(answered);
    }

    @Test
    void logLinesOfARequestCarryItsTraceId(CapturedOutput output) throws Exception {
        String traceId = hex(16);
        // Refused for want of role user; the refusal is logged.
        mvc.perform(post("/api/v1/posts").with(newIdentity()).header("traceparent", traceparent(traceId, hex(8)))
                        .contentType(MediaType.APPLICATION_JSON).content("""
                                {"title": "Refused", "content": "No role"}"""))
                .andExpect(status().isForbidden());

        assertThat(output.getOut().lines().filter(line -> line.contains("Denied POST /api/v1/posts")))
                .anyMatch(line -> line.contains(traceId));
    }

    @Test
    void aRequestWithoutTraceContextStartsATraceOfItsOwn() throws Exception {
        MvcResult refused = mvc.perform(post("/api/v1/posts").contentType(MediaType.APPLICATION_JSON).content("{}"))
                .andExpect(status().isUnauthorized()).andReturn();
        assertThat(refused.getResponse().getHeader("traceparent")).matches("00-[0-9a-f]{32}-[0-9a-f]{16}-0[01]");
    }

    private static String traceparent(String traceId, String spanId) {
        return "00-" + traceId + "-" + spanId + "-01";
    }

    private static String hex(int bytes) {
        byte[] random = new byte[bytes];
        ThreadLocalRandom.current().nextBytes(random);
        return HexFormat.of().formatHex(random);
    }
}
