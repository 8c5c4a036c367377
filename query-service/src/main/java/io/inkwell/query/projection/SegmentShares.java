package io.inkwell.query.projection;

import io.inkwell.support.axon.TokenOwner;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.axonframework.eventhandling.pooled.MaxSegmentProvider;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.SmartLifecycle;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * How many segments of each processor this instance may claim: its fair part, the segments divided by the
 * query-service instances alive (rounded up). Without it the first instance to start claims every segment and a
 * second one stays idle, since Axon's pooled processors only take what nobody holds; with it the first releases
 * its surplus as soon as the second says it is alive, and an instance that stops saying so (SIGKILL) drops out of
 * the count after the token claim timeout, when its claims expire too, so the survivors take its segments.
 * <p>
 * Each instance writes its heartbeat to {@code query.processor_instances} once a second; the clock is
 * PostgreSQL's, so the instances' clocks need not agree. The coordinator asks {@link #maxSegments(String)} at
 * every claim round; it answers from the last heartbeat, never from the database.
 */
@Component
public class SegmentShares implements MaxSegmentProvider, SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(SegmentShares.class);
    private static final Duration BEAT = Duration.ofSeconds(1);

    private final JdbcClient jdbc;
    private final Duration aliveFor;
    // The token store's owner name, so that a row here and a claim there name the same process.
    private final String instanceId = TokenOwner.THIS_INSTANCE;
    private final Map<String, Integer> shares = new ConcurrentHashMap<>();
    private volatile ScheduledExecutorService beats;

    private final String tokenTable;

    SegmentShares(JdbcClient jdbc, @Value("${inkwell.axon.token-claim-timeout:10s}") Duration aliveFor,
                  @Value("${inkwell.axon.token-table}") String tokenTable) {
        this.jdbc = jdbc;
        this.aliveFor = aliveFor;
        this.tokenTable = tokenTable;
    }

    @Override
    public int getMaxSegments(String processor) {
        return shares.getOrDefault(processor, (int) Short.MAX_VALUE);
    }

    String instanceId() {
        return instanceId;
    }

    void beat() {
        jdbc.sql("""
                INSERT INTO query.processor_instances (instance_id, last_seen) VALUES (:id, now())
                ON CONFLICT (instance_id) DO UPDATE SET last_seen = now()""").param("id", instanceId).update();
        jdbc.sql("DELETE FROM query.processor_instances WHERE last_seen < now() - interval '1 hour'").update();
        int alive = jdbc.sql("SELECT count(*) FROM query.processor_instances WHERE last_seen > now() - :alive * interval '1 millisecond'")
                .param("alive", aliveFor.toMillis()).query(Integer.class).single();
        jdbc.sql("SELECT processor_name, count(*) FROM " + tokenTable + " GROUP BY processor_name")
                .query((row, n) -> Map.entry(row.getString(1), row.getInt(2))).list()
                .forEach(segments -> shares.put(segments.getKey(), share(segments.getValue(), alive)));
    }

    static int share(int segments, int instances) {
        return Math.max(1, Math.ceilDiv(segments, Math.max(1, instances)));
    }

    @Override
    public void start() {
        beats = Executors.newSingleThreadScheduledExecutor(Thread.ofPlatform().name("segment-shares").daemon().factory());
        beats.scheduleWithFixedDelay(() -> {
            try {
                beat();
            } catch (RuntimeException e) {
                // PostgreSQL away: the shares stay as they were, the claims expire or not on their own.
                log.debug("Heartbeat failed: {}", e.toString());
            }
        }, 0, BEAT.toMillis(), TimeUnit.MILLISECONDS);
    }

    /** Leaves the count at once, so that the others take this instance's segments without waiting. */
    @Override
    public void stop() {
        ScheduledExecutorService running = beats;
        if (running == null) {
            return;
        }
        running.shutdownNow();
        beats = null;
        try {
            jdbc.sql("DELETE FROM query.processor_instances WHERE instance_id = :id").param("id", instanceId).update();
        } catch (RuntimeException e) {
            log.debug("Could not leave the instance count: {}", e.toString());
        }
    }

    @Override
    public boolean isRunning() {
        return beats != null;
    }
}
