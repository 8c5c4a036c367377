package io.inkwell.benchmarks.load;

import static io.gatling.javaapi.core.CoreDsl.atOnceUsers;
import static io.gatling.javaapi.core.CoreDsl.scenario;

import io.gatling.javaapi.core.ScenarioBuilder;
import io.gatling.javaapi.core.Simulation;

/**
 * Creates posts from {@code load.connections} registered users at once (a closed model: each virtual user is one
 * connection that sends its next create as soon as the last one is answered), for {@code load.seconds}.
 */
public class CreatePosts extends Simulation {

    public CreatePosts() {
        int connections = Settings.number("connections");
        ScenarioBuilder creates = scenario("create posts, " + connections + " connections")
                .feed(Requests.tokens())
                .exec(session -> session.set("word", "load"))
                .during(Settings.duration()).on(Requests.createPost());
        setUp(creates.injectOpen(atOnceUsers(connections))).protocols(Requests.protocol())
                .assertions(Measured.figures(Requests.CREATE))
                .maxDuration(Settings.duration().plusSeconds(60));
    }
}
