package io.inkwell.command;

import static org.assertj.core.api.Assertions.assertThat;

import io.inkwell.testing.TestIssuer;
import io.inkwell.testing.fuzz.EdgeContract;
import io.inkwell.testing.fuzz.HostileRequest;
import io.inkwell.testing.fuzz.HostileRequests;
import io.inkwell.testing.http.RawHttp;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicReference;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.ShrinkingMode;
import net.jqwik.api.lifecycle.AfterContainer;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.TestContextManager;

/**
 * Hostile requests for every endpoint of command-service ({@link FuzzedEndpoints}), sent over real sockets
 * to the running service of the shared test context: never a 5xx, never a connection closed without an
 * answer, every 4xx a problem, and nothing in the event store from a request that was refused. The tokens
 * are real (the test issuer's), so that requests get past authentication into validation and the domain.
 */
@CommandServiceContext
class CommandFuzzIT {

    private static final int TRIES = 5_000;
    private static final Pattern ID = Pattern.compile("\"id\"\\s*:\\s*\"([^\"]+)\"");

    /** jqwik runs outside Spring's JUnit extension; the test context cache still hands out the shared context. */
    private static Target target;
    private static long started;

    private record Target(RawHttp http, JdbcClient jdbc, List<String> ids, List<String> authorizations,
                          AtomicReference<String> eventStore) {
    }

    @Property(tries = TRIES, shrinking = ShrinkingMode.BOUNDED)
    void everyRefusalIsAProblemAndChangesNothing(@ForAll("requests") HostileRequest request) {
        // Nothing else writes meanwhile, so the state after the previous request is the state before this one.
        String before = target().eventStore().get();
        RawHttp.Answer answer = EdgeContract.sendAndJudge(target().http(), request);
        String after = eventStore();
        target().eventStore().set(after);
        if (answer.status() >= 400) {
            assertThat(after).as("event store after %d to\n%s", answer.status(), request).isEqualTo(before);
        } else if (answer.status() == 201) {
            // Later requests then reach posts and profiles that exist.
            Matcher id = ID.matcher(answer.body());
            if (id.find()) {
                target().ids().add(id.group(1));
            }
        }
    }

    @Provide
    Arbitrary<HostileRequest> requests() {
        return HostileRequests.against(FuzzedEndpoints.ALL, () -> target().ids(), target().authorizations());
    }

    @AfterContainer
    static void tellHowMany() {
        long seconds = Math.max(1, (System.nanoTime() - started) / 1_000_000_000);
        System.out.println("CommandFuzzIT sent " + EdgeContract.judged() + " hostile requests to command-service in " + seconds + " s");
    }

    private static String eventStore() {
        return target().jdbc().sql("SELECT count(*) || '/' || coalesce(max(global_index), 0) FROM domain_event_entry")
                .query(String.class).single();
    }

    private static synchronized Target target() {
        if (target == null) {
            try {
                ApplicationContext context = new TestContextManager(CommandFuzzIT.class).getTestContext().getApplicationContext();
                RawHttp http = new RawHttp(context.getEnvironment().getRequiredProperty("local.server.port", Integer.class));
                List<String> ids = new CopyOnWriteArrayList<>();
                String author = TestIssuer.get().token("user");
                ids.add(created(http.send("POST", "/api/v1/users", json(author),
                        "{\"name\": \"Fuzz Author\", \"email\": \"fuzz-author-" + System.nanoTime() + "@inkwell.test\"}")));
                for (int i = 0; i < 3; i++) {
                    ids.add(created(http.send("POST", "/api/v1/posts", json(author),
                            "{\"title\": \"Fuzz target " + i + "\", \"content\": \"words\", \"tags\": [\"fuzz\"]}")));
                }
                List<String> authorizations = HostileRequests.authorizations(author);
                started = System.nanoTime();
                target = new Target(http, context.getBean(JdbcClient.class), ids, authorizations, new AtomicReference<>());
                target.eventStore().set(eventStore());
            } catch (Exception e) {
                throw new IllegalStateException("The shared command-service test context did not start", e);
            }
        }
        return target;
    }

    private static Map<String, String> json(String token) {
        return Map.of("Authorization", "Bearer " + token, "Content-Type", "application/json");
    }

    private static String created(RawHttp.Answer answer) {
        Matcher id = ID.matcher(answer.body());
        if (answer.status() != 201 || !id.find()) {
            throw new IllegalStateException("Could not create a fuzz target: " + answer);
        }
        return id.group(1);
    }
}
