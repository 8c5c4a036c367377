package io.inkwell.query;

import static org.awaitility.Awaitility.await;

import io.inkwell.testing.TestIssuer;
import io.inkwell.testing.fuzz.EdgeContract;
import io.inkwell.testing.fuzz.HostileRequest;
import io.inkwell.testing.fuzz.HostileRequests;
import io.inkwell.testing.http.RawHttp;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.ShrinkingMode;
import net.jqwik.api.lifecycle.AfterContainer;
import org.springframework.context.ApplicationContext;
import org.springframework.test.context.TestContextManager;

/**
 * Hostile requests for every endpoint of query-service ({@link FuzzedEndpoints}), sent over real sockets to
 * the running service of the shared test context: never a 5xx, never a connection closed without an
 * answer, every 4xx a problem. Real tokens of the test issuer, one of them the author of the posts that
 * exist, so that requests reach the read models and the search index, not just the 401s.
 */
@QueryServiceContext
class QueryFuzzIT {

    private static final int TRIES = 5_000;

    /** jqwik runs outside Spring's JUnit extension; the test context cache still hands out the shared context. */
    private static Target target;
    private static long started;

    private record Target(RawHttp http, List<String> ids, List<String> authorizations) {
    }

    @Property(tries = TRIES, shrinking = ShrinkingMode.BOUNDED)
    void everyRefusalIsAProblem(@ForAll("requests") HostileRequest request) {
        EdgeContract.sendAndJudge(target().http(), request);
    }

    @Provide
    Arbitrary<HostileRequest> requests() {
        return HostileRequests.against(FuzzedEndpoints.ALL, () -> target().ids(), target().authorizations());
    }

    @AfterContainer
    static void tellHowMany() {
        long seconds = Math.max(1, (System.nanoTime() - started) / 1_000_000_000);
        System.out.println("QueryFuzzIT sent " + EdgeContract.judged() + " hostile requests to query-service in " + seconds + " s");
    }

    private static synchronized Target target() {
        if (target == null) {
            try {
                ApplicationContext context = new TestContextManager(QueryFuzzIT.class).getTestContext().getApplicationContext();
                RawHttp http = new RawHttp(context.getEnvironment().getRequiredProperty("local.server.port", Integer.class));
                History history = context.getBean(History.class);
                String subject = UUID.randomUUID().toString();
                String author = history.registerUser("Fuzz Author", "fuzz-" + subject + "@inkwell.test",
                        TestIssuer.get().issuer(), subject);
                List<String> ids = new ArrayList<>(List.of(author));
                for (int i = 0; i < 3; i++) {
                    String post = i < 2 ? history.publishedPost(author, "Fuzzed post " + i, "Hostile words", List.of("fuzz"))
                            : history.createPost(author, "Fuzzed draft", "Draft words", List.of("fuzz"));
                    ids.add(post);
                    ids.add("slug-" + post);
                }
                String authorToken = TestIssuer.get().token(claims -> claims.subject(subject), "user");
                await().until(() -> http.send("GET", "/api/v1/posts/" + ids.get(5),
                        Map.of("Authorization", "Bearer " + authorToken), "").status() == 200);
                List<String> authorizations = HostileRequests.authorizations(authorToken);
                started = System.nanoTime();
                target = new Target(http, List.copyOf(ids), authorizations);
            } catch (Exception e) {
                throw new IllegalStateException("The shared query-service test context did not start", e);
            }
        }
        return target;
    }
}
