package io.inkwell.benchmarks.load;

import static io.gatling.javaapi.core.CoreDsl.asLongAsDuring;
import static io.gatling.javaapi.core.CoreDsl.constantUsersPerSec;
import static io.gatling.javaapi.core.CoreDsl.pause;
import static io.gatling.javaapi.core.CoreDsl.exec;
import static io.gatling.javaapi.core.CoreDsl.group;
import static io.gatling.javaapi.core.CoreDsl.jsonPath;
import static io.gatling.javaapi.core.CoreDsl.scenario;
import static io.gatling.javaapi.http.HttpDsl.http;
import static io.gatling.javaapi.http.HttpDsl.status;

import io.gatling.javaapi.core.ChainBuilder;
import io.gatling.javaapi.core.ScenarioBuilder;
import io.gatling.javaapi.core.Session;
import io.gatling.javaapi.core.Simulation;
import java.time.Duration;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Writes at a constant {@code load.rate} per second (open model: writers arrive whatever the answers' speed),
 * each writer a registered user who creates a post and publishes it (two writes). Every {@code load.sample}-th
 * writer also measures a lag, starting the moment its write was answered, as a Gatling group timed by its
 * duration (benchmarks/run sets useGroupDurationMetric): half of the samples until the read model shows the
 * new post (GET by id with minVersion, which waits up to 3 s server-side and is asked again if it could not
 * catch up), the other half until search finds a word that only its title has (polled every 20 ms).
 */
public class ProjectionLag extends Simulation {

    static final String READ_MODEL = "commit to read model";
    static final String SEARCHABLE = "commit to searchable";
    static final String PUBLISH = "publish post";
    private static final Duration GIVE_UP = Duration.ofSeconds(30);
    private static final Duration POLL_PAUSE = Duration.ofMillis(20);

    private final AtomicLong writers = new AtomicLong();

    public ProjectionLag() {
        int writesPerSecond = Settings.number("rate");
        int sample = Settings.number("sample");
        ScenarioBuilder writes = scenario("projection lag, " + writesPerSecond + " writes/s")
                .feed(Requests.tokens())
                .exec(session -> session.set("n", writers.getAndIncrement())
                        .set("word", "lag" + Long.toString(ThreadLocalRandom.current().nextLong() >>> 1, 36)))
                .exec(Requests.createPost())
                // A write that failed (counted by Gatling) has nothing to measure.
                .exitHereIfFailed()
                .doIf(session -> sampled(session, sample, 0)).then(readModelLag())
                .exec(http(PUBLISH).post(Settings.command() + "/api/v1/posts/#{postId}/publish")
                        .header("Authorization", "Bearer #{token}").check(status().is(200)))
                .exitHereIfFailed()
                .doIf(session -> sampled(session, sample, sample / 2)).then(searchLag());
        setUp(writes.injectOpen(constantUsersPerSec(writesPerSecond / 2.0).during(Settings.duration())))
                .protocols(Requests.protocol())
                .assertions(Measured.figures(Requests.CREATE, PUBLISH, READ_MODEL, SEARCHABLE))
                .maxDuration(Settings.duration().plus(GIVE_UP).plusSeconds(30));
    }

    private static boolean sampled(Session session, int sample, int remainder) {
        return session.getLong("n") % sample == remainder;
    }

    private static ChainBuilder readModelLag() {
        return group(READ_MODEL).on(asLongAsDuring(session -> !answered(session, "readStatus", 200), GIVE_UP).on(
                exec(http("read model poll").get(Settings.query() + "/api/v1/posts/#{postId}?minVersion=1")
                        .header("Authorization", "Bearer #{token}")
                        .check(status().saveAs("readStatus"))))
                .exec(session -> answered(session, "readStatus", 200) ? session : session.markAsFailed()));
    }

    private static ChainBuilder searchLag() {
        return group(SEARCHABLE).on(asLongAsDuring(session -> !found(session), GIVE_UP).on(
                exec(http("search poll").get(Settings.query() + "/api/v1/search/posts?q=#{word}")
                        .check(status().is(200), jsonPath("$.meta.total").ofInt().saveAs("found")))
                        .doIf(session -> !found(session)).then(pause(POLL_PAUSE)))
                // A post still not found when the poller gives up is a failed sample, not a 30 s lag.
                .exec(session -> found(session) ? session : session.markAsFailed()));
    }

    private static boolean answered(Session session, String key, int status) {
        return session.contains(key) && session.getInt(key) == status;
    }

    private static boolean found(Session session) {
        return session.contains("found") && session.getInt("found") > 0;
    }
}
