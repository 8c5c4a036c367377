package io.inkwell.benchmarks.load;

import static io.gatling.javaapi.core.CoreDsl.atOnceUsers;
import static io.gatling.javaapi.core.CoreDsl.exec;
import static io.gatling.javaapi.core.CoreDsl.feed;
import static io.gatling.javaapi.core.CoreDsl.percent;
import static io.gatling.javaapi.core.CoreDsl.randomSwitch;
import static io.gatling.javaapi.core.CoreDsl.scenario;

import io.gatling.javaapi.core.ScenarioBuilder;
import io.gatling.javaapi.core.Simulation;

/** 80 % reads of a published post by id, 20 % creates, each virtual user a registered user on its own connection. */
public class ReadsAndWrites extends Simulation {

    public ReadsAndWrites() {
        int connections = Settings.number("connections");
        ScenarioBuilder mixed = scenario("80/20 reads and writes, " + connections + " connections")
                .feed(Requests.tokens())
                .exec(session -> session.set("word", "mixed"))
                .during(Settings.duration()).on(
                        exec(randomSwitch().on(
                                percent(80.0).then(feed(Requests.postIds()).exec(Requests.getById())),
                                percent(20.0).then(exec(Requests.createPost())))));
        setUp(mixed.injectOpen(atOnceUsers(connections))).protocols(Requests.protocol())
                .assertions(Measured.figures(Requests.GET_BY_ID, Requests.CREATE))
                .maxDuration(Settings.duration().plusSeconds(60));
    }
}
