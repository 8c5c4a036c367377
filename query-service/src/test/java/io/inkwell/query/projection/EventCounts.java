package io.inkwell.query.projection;

import java.time.Duration;
import java.util.List;
import org.axonframework.config.ConfigurerModule;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.axonframework.messaging.annotation.SourceId;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * A small rebuildable read model for the rebuild tests, while the real ones live on other branches: the number
 * of events per aggregate, in {@code query.test_event_count}. A generation beside the live one is the table
 * {@code test_event_count_g<n>}; the switch renames the tables. Everything of it is in this file, to be dropped
 * once the real read models' rebuilds are tested end to end.
 */
@Component
class EventCounts implements RebuildableReadModel {

    static final String NAME = "event-counts";
    static final String TABLE = "query.test_event_count";

    /** Makes the rebuild's handlers slow, so that a test can watch (or cancel) a rebuild while it runs. */
    static volatile Duration rebuildDelayPerEvent = Duration.ZERO;

    /** Makes the next switch fail, as a broken migration of a real read model would. */
    static volatile boolean refuseNextSwitch;

    /** Runs inside the switch's transaction before its renames, so that a test can hold a switch half-way. */
    static volatile Runnable duringSwitch = () -> { };

    private final JdbcClient jdbc;

    EventCounts(JdbcClient jdbc) {
        this.jdbc = jdbc;
        create("test_event_count");
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public int definitionVersion() {
        return 1;
    }

    @Override
    public void prepare(Generation generation) {
        create(tableOf(generation));
    }

    @Override
    public List<Object> handlers(Generation generation) {
        return List.of(new Counter(jdbc, "query." + tableOf(generation), true));
    }

    @Override
    public void switchTo(Generation generation, Generation retired) {
        if (refuseNextSwitch) {
            refuseNextSwitch = false;
            throw new IllegalStateException("switch refused by the test");
        }
        duringSwitch.run();
        jdbc.sql("ALTER TABLE " + TABLE + " RENAME TO " + tableOf(retired)).update();
        jdbc.sql("ALTER TABLE query." + tableOf(generation) + " RENAME TO test_event_count").update();
    }

    @Override
    public void drop(Generation generation) {
        jdbc.sql("DROP TABLE IF EXISTS query." + tableOf(generation)).update();
    }

    static String tableOf(Generation generation) {
        return "test_event_count_g" + generation.number();
    }

    private void create(String table) {
        jdbc.sql("CREATE TABLE IF NOT EXISTS query." + table
                + " (aggregate_id VARCHAR(64) PRIMARY KEY, events INTEGER NOT NULL, version BIGINT NOT NULL)").update();
    }

    /** Counts each aggregate's events once, however often an event is handled again. */
    static class Counter {

        private final JdbcClient jdbc;
        private final String table;
        private final boolean rebuild;

        Counter(JdbcClient jdbc, String table, boolean rebuild) {
            this.jdbc = jdbc;
            this.table = table;
            this.rebuild = rebuild;
        }

        @EventHandler
        void on(Object event, @SourceId String aggregateId, @SequenceNumber Long sequence) throws InterruptedException {
            if (rebuild && !rebuildDelayPerEvent.isZero()) {
                Thread.sleep(rebuildDelayPerEvent);
            }
            jdbc.sql("INSERT INTO " + table + " AS t (aggregate_id, events, version) VALUES (?, 1, ?) "
                            + "ON CONFLICT (aggregate_id) DO UPDATE SET events = t.events + 1, version = EXCLUDED.version "
                            + "WHERE t.version < EXCLUDED.version")
                    .params(aggregateId, sequence + 1).update();
        }
    }

    /** The live projection: always writes to the table that is live now. */
    @Component
    @ProcessingGroup(NAME)
    static class LiveCounter extends Counter {

        LiveCounter(JdbcClient jdbc, EventCounts readModel) {
            super(jdbc, TABLE, false);
        }
    }

    @Configuration(proxyBeanMethods = false)
    static class Processor {

        @Bean
        ConfigurerModule eventCountsProcessor() {
            return configurer -> configurer.eventProcessing(processing -> processing
                    .registerPooledStreamingEventProcessor(NAME)
                    .registerPooledStreamingEventProcessorConfiguration(NAME,
                            (config, builder) -> builder.initialSegmentCount(2).batchSize(50)));
        }
    }
}
