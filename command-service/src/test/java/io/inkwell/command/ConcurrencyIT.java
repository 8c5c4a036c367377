package io.inkwell.command;

import static io.inkwell.command.Api.createPost;
import static io.inkwell.command.Api.json;
import static io.inkwell.command.Api.register;
import static io.inkwell.command.Api.uniqueEmail;
import static io.inkwell.testing.Callers.newIdentity;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.JwtRequestPostProcessor;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.RequestBuilder;

/** Requests that race for the same thing: exactly one wins, and nothing is lost or written twice. */
@CommandServiceContext
class ConcurrencyIT {

    private static final int RACERS = 8;

    @Autowired
    MockMvc mvc;

    @Autowired
    JdbcClient jdbc;

    @Test
    void racingRegistrationsWithOneEmailHaveExactlyOneWinner() throws Exception {
        String email = uniqueEmail();
        List<MvcResult> results = race(() -> post("/api/v1/users").with(newIdentity("user"))
                .contentType(MediaType.APPLICATION_JSON)
                .content("{\"name\": \"Racer\", \"email\": \"%s\"}".formatted(email)));
        assertThat(statuses(results)).containsOnly(201, 409).filteredOn(s -> s == 201).hasSize(1);
        assertThat(jdbc.sql("SELECT count(*) FROM event_log WHERE payload ->> 'email' = ?").param(email)
                .query(Long.class).single()).isEqualTo(1);
    }

    @Test
    void racingEditsWithOneIfMatchHaveExactlyOneWinnerAndNoLostUpdate() throws Exception {
        JwtRequestPostProcessor author = newIdentity("user");
        register(mvc, author, uniqueEmail());
        String id = createPost(mvc, author, "Contested");
        List<MvcResult> results = race(() -> put("/api/v1/posts/" + id).with(author).header("If-Match", "\"1\"")
                .contentType(MediaType.APPLICATION_JSON)
                .content("{\"content\": \"version by %s\"}".formatted(UUID.randomUUID())));
        assertThat(statuses(results)).containsOnly(200, 412).filteredOn(s -> s == 200).hasSize(1);
        MvcResult winner = results.stream().filter(r -> r.getResponse().getStatus() == 200).findFirst().orElseThrow();
        assertThat(json(winner).get("version").asLong()).isEqualTo(2);
        List<String> contents = jdbc.sql("SELECT payload ->> 'content' FROM event_log WHERE aggregate_identifier = ? "
                + "ORDER BY sequence_number").param(id).query(String.class).list();
        assertThat(contents).hasSize(2);
    }

    @Test
    void racingRetriesWithOneIdempotencyKeyCreateOnePost() throws Exception {
        JwtRequestPostProcessor author = newIdentity("user");
        register(mvc, author, uniqueEmail());
        String key = UUID.randomUUID().toString();
        List<MvcResult> results = race(() -> post("/api/v1/posts").with(author).header("Idempotency-Key", key)
                .contentType(MediaType.APPLICATION_JSON).content("{\"title\": \"Retried %s\", \"content\": \"x\"}".formatted(key)));
        assertThat(statuses(results)).containsOnly(201);
        assertThat(results.stream().map(r -> r.getResponse().getHeader("Location")).distinct()).hasSize(1);
        assertThat(jdbc.sql("SELECT count(*) FROM event_log WHERE payload ->> 'title' = ?").param("Retried " + key)
                .query(Long.class).single()).isEqualTo(1);
    }

    private List<MvcResult> race(Callable<RequestBuilder> request) throws Exception {
        CountDownLatch start = new CountDownLatch(1);
        try (ExecutorService pool = Executors.newFixedThreadPool(RACERS)) {
            List<Future<MvcResult>> futures = new ArrayList<>();
            for (int i = 0; i < RACERS; i++) {
                RequestBuilder builder = request.call();
                futures.add(pool.submit(() -> {
                    start.await();
                    return mvc.perform(builder).andReturn();
                }));
            }
            start.countDown();
            List<MvcResult> results = new ArrayList<>();
            for (Future<MvcResult> future : futures) {
                results.add(future.get());
            }
            return results;
        }
    }

    private static List<Integer> statuses(List<MvcResult> results) {
        return results.stream().map(r -> r.getResponse().getStatus()).toList();
    }
}
