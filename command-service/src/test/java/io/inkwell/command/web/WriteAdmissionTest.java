package io.inkwell.command.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockFilterChain;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;

class WriteAdmissionTest {

    private final WriteAdmission admission = new WriteAdmission(1, Duration.ofMillis(200));

    @Test
    void aWriteBeyondTheBoundWaitsThenGets503WithRetryAfterAndTheNextOneIsServed() throws Exception {
        HeldWrite first = new HeldWrite("POST", "/api/v1/posts");

        MockHttpServletResponse crowded = run("PUT", "/api/v1/posts/1", () -> { });
        // Reads are never held back, also while every write permit is taken.
        MockHttpServletResponse read = run("GET", "/api/v1/posts/1", () -> { });

        assertThat(first.release()).isEqualTo(200);
        assertThat(crowded.getStatus()).isEqualTo(503);
        assertThat(crowded.getHeader("Retry-After")).isEqualTo("1");
        assertThat(crowded.getContentType()).isEqualTo("application/problem+json");
        assertThat(crowded.getContentAsString()).contains("service-unavailable");
        assertThat(read.getStatus()).isEqualTo(200);
        assertThat(run("DELETE", "/api/v1/posts/1", () -> { }).getStatus()).isEqualTo(200);
    }

    @Test
    void aWriteThatFailsGivesItsPermitBack() {
        try {
            run("POST", "/api/v1/posts", () -> {
                throw new IllegalStateException("boom");
            });
        } catch (IllegalStateException expected) {
            // the failure goes on to the error handling
        }
        assertThat(run("POST", "/api/v1/posts", () -> { }).getStatus()).isEqualTo(200);
    }

    @Test
    void countsGraphQlMutationsAsWritesButLetsOtherPostsThrough() throws Exception {
        HeldWrite first = new HeldWrite("POST", "/graphql");

        MockHttpServletResponse mutation = run("POST", "/graphql", () -> { });
        MockHttpServletResponse write = run("PATCH", "/api/v1/users/u-1", () -> { });
        // Not the API: sign-in forms, actuator and the like are never held back.
        MockHttpServletResponse elsewhere = run("POST", "/actuator/refresh", () -> { });
        MockHttpServletResponse graphqlLookalike = run("POST", "/graphql/extra", () -> { });

        assertThat(first.release()).isEqualTo(200);
        assertThat(mutation.getStatus()).isEqualTo(503);
        assertThat(write.getStatus()).isEqualTo(503);
        assertThat(elsewhere.getStatus()).isEqualTo(200);
        assertThat(graphqlLookalike.getStatus()).isEqualTo(200);
    }

    @Test
    void aWriteInterruptedWhileWaitingGets503AndKeepsItsInterrupt() throws Exception {
        HeldWrite first = new HeldWrite("POST", "/api/v1/posts");

        Thread.currentThread().interrupt();
        MockHttpServletResponse interrupted = run("POST", "/api/v1/posts", () -> { });
        // Thread.interrupted() also clears the flag again, so that the rest of the test may wait.
        boolean stillInterrupted = Thread.interrupted();

        assertThat(first.release()).isEqualTo(200);
        assertThat(interrupted.getStatus()).isEqualTo(503);
        assertThat(interrupted.getHeader("Retry-After")).isEqualTo("1");
        assertThat(stillInterrupted).isTrue();
    }

    /** A write that holds the only permit until it is released, and is answered then. */
    private final class HeldWrite {

        private final CountDownLatch finish = new CountDownLatch(1);
        private final CompletableFuture<MockHttpServletResponse> answer;

        HeldWrite(String method, String uri) throws InterruptedException {
            CountDownLatch inside = new CountDownLatch(1);
            answer = CompletableFuture.supplyAsync(() -> run(method, uri, () -> {
                inside.countDown();
                await(finish);
            }));
            assertThat(inside.await(5, TimeUnit.SECONDS)).isTrue();
        }

        /** Lets the write finish; its status. */
        int release() throws Exception {
            finish.countDown();
            return answer.get(5, TimeUnit.SECONDS).getStatus();
        }
    }

    private MockHttpServletResponse run(String method, String uri, Runnable handler) {
        MockHttpServletRequest request = new MockHttpServletRequest(method, uri);
        MockHttpServletResponse response = new MockHttpServletResponse();
        try {
            admission.doFilter(request, response, new MockFilterChain() {
                @Override
                public void doFilter(jakarta.servlet.ServletRequest req, jakarta.servlet.ServletResponse res) {
                    handler.run();
                }
            });
        } catch (java.io.IOException | jakarta.servlet.ServletException e) {
            throw new IllegalStateException(e);
        }
        return response;
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
