package io.inkwell.query.projection;

import jakarta.annotation.PreDestroy;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Makes this instance's live processor of a read model go on from the token store when another instance has
 * switched that read model to a rebuilt generation. The switch hands the rebuild's tokens over claimed by the
 * switching instance; a live processor here still holds its segments in memory, at its own position, past events
 * whose writes went to the retired generation, and when nothing more arrives for a segment it never tries to store
 * a token and so never finds out. So every second each instance reads the live generations, and on a switch it did
 * not make it releases its segments of that processor, which are claimed again from the token store (at the
 * rebuild's position) once the switching instance's claim on them times out. Found by {@code ScaleIT}.
 */
@Component
class ForeignSwitches {

    private static final Logger log = LoggerFactory.getLogger(ForeignSwitches.class);
    private static final Duration TICK = Duration.ofSeconds(1);

    private final JdbcClient jdbc;
    private final EventProcessingConfiguration processing;
    private final Map<String, Integer> seen = new ConcurrentHashMap<>();
    private final ScheduledExecutorService ticks = Executors.newSingleThreadScheduledExecutor(
            Thread.ofPlatform().name("foreign-switches").daemon().factory());

    ForeignSwitches(JdbcClient jdbc, EventProcessingConfiguration processing) {
        this.jdbc = jdbc;
        this.processing = processing;
    }

    @EventListener(ApplicationReadyEvent.class)
    void watch() {
        ticks.scheduleWithFixedDelay(() -> {
            try {
                check();
            } catch (RuntimeException e) {
                log.debug("Could not read the live generations: {}", e.toString());
            }
        }, 0, TICK.toMillis(), TimeUnit.MILLISECONDS);
    }

    /** A switch made here: its live processor has started again from the handed-over tokens already. */
    @EventListener
    void switchedHere(ReadModelReplaced replaced) {
        generations().forEach((name, generation) -> {
            if (name.equals(replaced.readModel())) {
                seen.put(name, generation);
            }
        });
    }

    void check() {
        generations().forEach((name, generation) -> {
            Integer before = seen.put(name, generation);
            if (before != null && generation > before) {
                processing.eventProcessor(name, StreamingEventProcessor.class).ifPresent(processor -> {
                    log.info("Another instance switched {} to generation {}: releasing this instance's segments {} to "
                            + "claim them again at the rebuild's position", name, generation, processor.processingStatus().keySet());
                    processor.processingStatus().keySet().forEach(processor::releaseSegment);
                });
            }
        });
    }

    private Map<String, Integer> generations() {
        Map<String, Integer> generations = new java.util.HashMap<>();
        jdbc.sql("SELECT name, generation FROM query.read_model")
                .query((row, n) -> generations.put(row.getString(1), row.getInt(2))).list();
        return generations;
    }

    @PreDestroy
    void stop() {
        ticks.shutdownNow();
    }
}
