package io.inkwell.query.projection;

import static io.inkwell.testing.Callers.newIdentity;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.jayway.jsonpath.JsonPath;
import io.inkwell.query.History;
import io.inkwell.query.QueryServiceContext;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import javax.sql.DataSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

/**
 * A read model rebuilt from the first event beside the live one, on real PostgreSQL: readers see no error and
 * no missing row from start to finish, the switch hands over to the live processor, one rebuild runs at a time,
 * a cancel keeps the live model, and status, lag and progress say where things are.
 */
@QueryServiceContext
class ProjectionRebuildIT {

    private static final String PROJECTION = "/api/v1/admin/projections/" + EventCounts.NAME;

    @Autowired
    MockMvc mvc;

    @Autowired
    History history;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    EventProcessingConfiguration processing;

    @Autowired
    Rebuilds rebuilds;

    @Autowired
    RebuildSwitch rebuildSwitch;

    @Autowired
    ReadModelGenerations generations;

    @Autowired
    EventCounts eventCounts;

    @Autowired
    DataSource dataSource;

    @AfterEach
    void noRebuildLeftRunning() throws Exception {
        EventCounts.rebuildDelayPerEvent = Duration.ZERO;
        EventCounts.refuseNextSwitch = false;
        EventCounts.duringSwitch = () -> { };
        mvc.perform(delete(PROJECTION + "/rebuild").with(newIdentity("admin")));
        await().atMost(Duration.ofSeconds(60)).until(() -> rebuildingGeneration() == null);
        live().start();
    }

    @Test
    void rebuildsBesideTheLiveModelWhileReadersReadItAndSwitchesOnceCaughtUp() throws Exception {
        Map<String, Integer> expected = writeAggregates(30, 4);
        await().untilAsserted(() -> assertThat(counts(expected.keySet())).isEqualTo(expected));
        int generation = liveGeneration();

        Map<String, Integer> before = Map.copyOf(expected);
        List<String> readerFailures = new CopyOnWriteArrayList<>();
        AtomicInteger reads = new AtomicInteger();
        AtomicBoolean reading = new AtomicBoolean(true);
        Thread reader = Thread.ofPlatform().start(() -> {
            while (reading.get()) {
                try {
                    Map<String, Integer> seen = counts(before.keySet());
                    before.forEach((id, events) -> {
                        if (seen.getOrDefault(id, 0) < events) {
                            readerFailures.add(id + " had " + seen.get(id) + " events, expected " + events);
                        }
                    });
                    reads.incrementAndGet();
                } catch (RuntimeException e) {
                    readerFailures.add(e.toString());
                }
            }
        });

        EventCounts.rebuildDelayPerEvent = Duration.ofMillis(10);
        mvc.perform(post(PROJECTION + "/rebuild").with(newIdentity("admin")))
                .andExpect(status().isAccepted())
                .andExpect(header().string("Location", PROJECTION))
                .andExpect(jsonPath("$.state").value("rebuilding"))
                .andExpect(jsonPath("$.rebuild.generation").value(generation + 1));
        mvc.perform(post(PROJECTION + "/rebuild").with(newIdentity("admin")))
                .andExpect(status().isConflict())
                .andExpect(jsonPath("$.type").value("https://inkwell.example/problems/rebuild-in-progress"));
        // The live model keeps answering and keeps up while the rebuild runs.
        String during = History.newId();
        history.append("Counted", during, new Marker(during));
        expected.put(during, 1);
        await().untilAsserted(() -> assertThat(counts(List.of(during))).containsEntry(during, 1));
        assertThat(rebuildingGeneration()).as("still rebuilding").isEqualTo(generation + 1);
        EventCounts.rebuildDelayPerEvent = Duration.ZERO;

        await().atMost(Duration.ofSeconds(90)).until(() -> liveGeneration() == generation + 1 && rebuildingGeneration() == null);
        reading.set(false);
        reader.join();
        assertThat(readerFailures).isEmpty();
        assertThat(reads.get()).isPositive();
        assertThat(counts(expected.keySet())).isEqualTo(expected);
        assertThat(tableExists(EventCounts.tableOf(new RebuildableReadModel.Generation(EventCounts.NAME, generation, 1))))
                .as("the retired generation is dropped").isFalse();

        // The live processor carries on from the rebuild's tokens: a new event counts exactly once.
        String first = expected.keySet().iterator().next();
        history.append("Counted", first, new Marker(first));
        await().untilAsserted(() -> assertThat(counts(List.of(first)).get(first)).isEqualTo(expected.get(first) + 1));
        awaitCaughtUp();
        assertThat(counts(List.of(first)).get(first)).isEqualTo(expected.get(first) + 1);
        mvc.perform(get(PROJECTION).with(newIdentity("admin")))
                .andExpect(jsonPath("$.generation.number").value(generation + 1))
                .andExpect(jsonPath("$.generation.definitionVersion").value(1))
                .andExpect(jsonPath("$.rebuild").doesNotExist());
    }

    @Test
    void aCancelledRebuildKeepsTheLiveModelAndLeavesNothingBehind() throws Exception {
        Map<String, Integer> expected = writeAggregates(10, 3);
        await().untilAsserted(() -> assertThat(counts(expected.keySet())).isEqualTo(expected));
        int generation = liveGeneration();
        EventCounts.rebuildDelayPerEvent = Duration.ofMillis(20);

        mvc.perform(post(PROJECTION + "/rebuild").with(newIdentity("admin"))).andExpect(status().isAccepted());
        String next = EventCounts.tableOf(new RebuildableReadModel.Generation(EventCounts.NAME, generation + 1, 1));
        await().until(() -> tableExists(next));
        mvc.perform(get(PROJECTION).with(newIdentity("admin")))
                .andExpect(jsonPath("$.state").value("rebuilding"))
                .andExpect(jsonPath("$.rebuild.phase").value("filling"));
        mvc.perform(delete(PROJECTION + "/rebuild").with(newIdentity("admin"))).andExpect(status().isNoContent());

        assertThat(liveGeneration()).isEqualTo(generation);
        assertThat(rebuildingGeneration()).isNull();
        assertThat(tableExists(next)).isFalse();
        assertThat(jdbc.sql("SELECT count(*) FROM query.token_entry WHERE processor_name = ?")
                .param(EventCounts.NAME + ".rebuild").query(Long.class).single()).isZero();
        assertThat(counts(expected.keySet())).isEqualTo(expected);
        mvc.perform(delete(PROJECTION + "/rebuild").with(newIdentity("admin"))).andExpect(status().isNotFound());
    }

    @Test
    void statusShowsLagWhileStoppedBehindAndNoneOnceCaughtUp() throws Exception {
        awaitCaughtUp();
        live().shutDown();
        writeAggregates(5, 2);
        mvc.perform(get(PROJECTION).with(newIdentity("admin")))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.name").value(EventCounts.NAME))
                .andExpect(jsonPath("$.state").value("paused"))
                .andExpect(jsonPath("$.lag.events").value(org.hamcrest.Matchers.greaterThanOrEqualTo(10)))
                .andExpect(jsonPath("$.lag.seconds").value(org.hamcrest.Matchers.greaterThanOrEqualTo(0)))
                .andExpect(jsonPath("$.segments.length()").value(2));

        live().start();
        awaitCaughtUp();
        mvc.perform(get("/api/v1/admin/projections").with(newIdentity("admin")))
                .andExpect(jsonPath("$.data[?(@.name == 'event-counts')].state").value("running"))
                .andExpect(jsonPath("$.data[?(@.name == 'event-counts')].lag.seconds").value(0))
                .andExpect(jsonPath("$.data[?(@.name == 'posts')]").exists());
        mvc.perform(get("/api/v1/admin/projections/nothing").with(newIdentity("admin"))).andExpect(status().isNotFound());
        mvc.perform(post("/api/v1/admin/projections/nothing/rebuild").with(newIdentity("admin"))).andExpect(status().isNotFound());
    }

    @Test
    void progressIsAShareOfTheStreamWithARateWhileRebuilding() throws Exception {
        writeAggregates(20, 5);
        EventCounts.rebuildDelayPerEvent = Duration.ofMillis(20);
        mvc.perform(post(PROJECTION + "/rebuild").with(newIdentity("admin"))).andExpect(status().isAccepted());
        // Progress shows from the rebuild's first check of itself on; until then the path is absent.
        await().atMost(Duration.ofSeconds(60)).ignoreExceptions().untilAsserted(() -> {
            String body = mvc.perform(get(PROJECTION).with(newIdentity("admin"))).andReturn().getResponse().getContentAsString();
            Map<String, Object> progress = JsonPath.read(body, "$.progress");
            assertThat(((Number) progress.get("percent")).doubleValue()).isBetween(0.0, 100.0);
            assertThat(((Number) progress.get("eventsPerSecond")).doubleValue()).isNotNegative();
            assertThat((String) JsonPath.read(body, "$.rebuild.phase")).isIn("filling", "switching");
            assertThat((Integer) JsonPath.read(body, "$.rebuild.segments.length()")).isEqualTo(2);
        });
    }

    @Test
    void aReadModelBuiltByAnOlderDefinitionIsRebuiltWhenTheServiceChecks() throws Exception {
        Map<String, Integer> expected = writeAggregates(5, 2);
        await().untilAsserted(() -> assertThat(counts(expected.keySet())).isEqualTo(expected));
        int generation = liveGeneration();
        jdbc.sql("UPDATE query.read_model SET definition_version = 0 WHERE name = ?").param(EventCounts.NAME).update();

        rebuilds.adoptAndRollOut();

        await().atMost(Duration.ofSeconds(60)).until(() -> liveGeneration() == generation + 1 && rebuildingGeneration() == null);
        mvc.perform(get(PROJECTION).with(newIdentity("admin")))
                .andExpect(jsonPath("$.generation.definitionVersion").value(1))
                .andExpect(jsonPath("$.definitionVersion").value(1));
        assertThat(counts(expected.keySet())).isEqualTo(expected);
        rebuilds.adoptAndRollOut();
        assertThat(rebuildingGeneration()).as("an up-to-date read model is left alone").isNull();
    }

    @Test
    void aRebuildThatNobodyRunsAnyMoreIsAdoptedAndFinished() throws Exception {
        Map<String, Integer> expected = writeAggregates(5, 2);
        await().untilAsserted(() -> assertThat(counts(expected.keySet())).isEqualTo(expected));
        int generation = liveGeneration();
        // As an instance that stopped in the middle of a rebuild leaves it.
        jdbc.sql("UPDATE query.read_model SET rebuilding_generation = generation + 1, rebuilding_definition_version = 1, "
                + "rebuild_started_at = now() WHERE name = ?").param(EventCounts.NAME).update();

        rebuilds.adoptAndRollOut();

        await().atMost(Duration.ofSeconds(60)).until(() -> liveGeneration() == generation + 1 && rebuildingGeneration() == null);
        assertThat(counts(expected.keySet())).isEqualTo(expected);
    }

    @Test
    void aFailedSwitchKeepsTheLiveModelRunningAndSaysWhy() throws Exception {
        Map<String, Integer> expected = writeAggregates(5, 2);
        await().untilAsserted(() -> assertThat(counts(expected.keySet())).isEqualTo(expected));
        int generation = liveGeneration();
        EventCounts.refuseNextSwitch = true;

        mvc.perform(post(PROJECTION + "/rebuild").with(newIdentity("admin"))).andExpect(status().isAccepted());

        await().atMost(Duration.ofSeconds(60)).until(() -> rebuildingGeneration() == null);
        assertThat(liveGeneration()).isEqualTo(generation);
        assertThat(tableExists(EventCounts.tableOf(new RebuildableReadModel.Generation(EventCounts.NAME, generation + 1, 1)))).isFalse();
        mvc.perform(get(PROJECTION).with(newIdentity("admin")))
                .andExpect(jsonPath("$.state").value("running"))
                .andExpect(jsonPath("$.lastRebuildFailure.cause").value(org.hamcrest.Matchers.containsString("switch refused by the test")));
        String later = History.newId();
        history.append("Counted", later, new Marker(later));
        await().untilAsserted(() -> assertThat(counts(List.of(later))).containsEntry(later, 1));
        assertThat(counts(expected.keySet())).isEqualTo(expected);
    }

    @Test
    void aCancelThatComesDuringTheSwitchFindsNoRebuildAndTheNewGenerationIsLive() throws Exception {
        Map<String, Integer> expected = writeAggregates(5, 2);
        await().untilAsserted(() -> assertThat(counts(expected.keySet())).isEqualTo(expected));
        int generation = liveGeneration();
        CountDownLatch switching = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        EventCounts.duringSwitch = () -> {
            switching.countDown();
            try {
                release.await(60, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        };
        mvc.perform(post(PROJECTION + "/rebuild").with(newIdentity("admin"))).andExpect(status().isAccepted());
        assertThat(switching.await(60, TimeUnit.SECONDS)).isTrue();

        CompletableFuture<Integer> cancel = CompletableFuture.supplyAsync(() -> {
            try {
                return mvc.perform(delete(PROJECTION + "/rebuild").with(newIdentity("admin"))).andReturn().getResponse().getStatus();
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });
        // The cancel waits for the switch's lock on the read model's row.
        await().until(() -> jdbc.sql("SELECT count(*) FROM pg_stat_activity WHERE wait_event_type = 'Lock'"
                        + " AND query LIKE 'UPDATE query.read_model SET cancel_requested%'")
                .query(Long.class).single() == 1);
        release.countDown();

        assertThat(cancel.get(60, TimeUnit.SECONDS)).isEqualTo(404);
        await().atMost(Duration.ofSeconds(60)).until(() -> rebuildingGeneration() == null);
        assertThat(liveGeneration()).isEqualTo(generation + 1);
        assertThat(counts(expected.keySet())).isEqualTo(expected);
    }

    @Test
    void aCancelRequestedBeforeTheSwitchIsHonouredByIt() {
        int generation = liveGeneration();
        long liveTokens = tokens(EventCounts.NAME);
        RebuildableReadModel.Generation live = generations.of(EventCounts.NAME, 1).live();
        // As an instance about to switch finds it: the cancel came after its last look.
        RebuildableReadModel.Generation next = generations.claimRebuild(EventCounts.NAME, 1, false).orElseThrow();
        try {
            assertThat(generations.requestCancel(EventCounts.NAME)).isTrue();
            AtomicBoolean renamed = new AtomicBoolean();
            EventCounts.duringSwitch = () -> renamed.set(true);

            assertThatThrownBy(() -> rebuildSwitch.switchTo(eventCounts, next, live))
                    .isInstanceOf(RebuildSwitch.CancelledException.class);

            assertThat(renamed).isFalse();
            assertThat(liveGeneration()).isEqualTo(generation);
            assertThat(tokens(EventCounts.NAME)).isEqualTo(liveTokens);
        } finally {
            generations.recordEnded(EventCounts.NAME, Optional.empty());
        }
    }

    @Test
    void aReaderHoldingTheLiveTableDelaysTheSwitchWithoutHoldingUpOtherReaders() throws Exception {
        Map<String, Integer> expected = writeAggregates(5, 2);
        await().untilAsserted(() -> assertThat(counts(expected.keySet())).isEqualTo(expected));
        int generation = liveGeneration();
        try (Connection reader = dataSource.getConnection(); Connection others = dataSource.getConnection()) {
            // A long read of the live table: its lock keeps the switch from renaming the table.
            reader.setAutoCommit(false);
            try (Statement read = reader.createStatement()) {
                read.executeQuery("SELECT count(*) FROM " + EventCounts.TABLE).close();
            }
            mvc.perform(post(PROJECTION + "/rebuild").with(newIdentity("admin"))).andExpect(status().isAccepted());
            // The switch tries its rename, and waits for the long read's lock.
            await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(20)).until(() -> jdbc.sql(
                    "SELECT count(*) FROM pg_stat_activity WHERE wait_event_type = 'Lock' AND query LIKE 'ALTER TABLE%'")
                    .query(Long.class).single() > 0);

            // Readers that come while the switch waits are answered: a rename left waiting for the lock would queue
            // them until the long read ends.
            try (Statement read = others.createStatement()) {
                read.execute("SET statement_timeout = '10s'");
                for (int i = 0; i < 5; i++) {
                    read.executeQuery("SELECT count(*) FROM " + EventCounts.TABLE).close();
                }
            }
            assertThat(liveGeneration()).isEqualTo(generation);
            reader.commit();
        }
        await().atMost(Duration.ofSeconds(60)).until(() -> liveGeneration() == generation + 1 && rebuildingGeneration() == null);
        assertThat(counts(expected.keySet())).isEqualTo(expected);
    }

    record Marker(String id) {
    }

    private StreamingEventProcessor live() {
        return processing.eventProcessor(EventCounts.NAME, StreamingEventProcessor.class).orElseThrow();
    }

    private void awaitCaughtUp() {
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> mvc.perform(get(PROJECTION).with(newIdentity("admin")))
                .andExpect(jsonPath("$.lag.events").value(0))
                .andExpect(jsonPath("$.segments[*].caughtUp").value(org.hamcrest.Matchers.everyItem(org.hamcrest.Matchers.is(true)))));
    }

    /** Writes events of new aggregates; returns how many each has. */
    private Map<String, Integer> writeAggregates(int aggregates, int eventsEach) {
        Map<String, Integer> written = new HashMap<>();
        for (int i = 0; i < aggregates; i++) {
            String id = History.newId();
            for (int e = 0; e < eventsEach; e++) {
                history.append("Counted", id, new Marker(id));
            }
            written.put(id, eventsEach);
        }
        return written;
    }

    private Map<String, Integer> counts(java.util.Collection<String> ids) {
        Map<String, Integer> counts = new HashMap<>();
        jdbc.sql("SELECT aggregate_id, events FROM " + EventCounts.TABLE + " WHERE aggregate_id IN (:ids)")
                .param("ids", ids).query((row, n) -> counts.put(row.getString(1), row.getInt(2))).list();
        return counts;
    }

    private long tokens(String processor) {
        return jdbc.sql("SELECT count(*) FROM query.token_entry WHERE processor_name = ?").param(processor).query(Long.class).single();
    }

    private int liveGeneration() {
        return jdbc.sql("SELECT generation FROM query.read_model WHERE name = ?").param(EventCounts.NAME)
                .query(Integer.class).optional().orElse(1);
    }

    private Integer rebuildingGeneration() {
        return jdbc.sql("SELECT rebuilding_generation FROM query.read_model WHERE name = ?").param(EventCounts.NAME)
                .query((row, n) -> (Integer) row.getObject(1)).optional().orElse(null);
    }

    private boolean tableExists(String table) {
        return jdbc.sql("SELECT to_regclass(?) IS NOT NULL").param("query." + table).query(Boolean.class).single();
    }
}
