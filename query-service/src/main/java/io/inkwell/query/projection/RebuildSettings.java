package io.inkwell.query.projection;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How rebuilds run ({@code inkwell.projections.rebuild.*}).
 *
 * @param batchSize     events per transaction of a rebuild processor: much larger than the live processors', as a
 *                      rebuild reads a long history with nobody waiting for a single event
 * @param tick          how often a rebuild checks its progress, a cancellation and whether it has caught up
 * @param reportEvery   how often it logs its progress
 * @param rateWindow    the span over which events per second (and so the ETA) are measured
 * @param switchTimeout how long the live processor may stay stopped while the rebuild reaches the head and switches
 * @param switchLockWait how long the switch waits for each lock it needs (a live table that a reader's transaction
 *                      holds, say) before it gives up, lets the readers queued behind it through and tries again;
 *                      a switch renaming three tables may so hold readers of the first up to three times this
 * @param adoptEvery    how often an instance looks for a rebuild that nobody runs (its instance stopped) or a
 *                      read model whose definition is outdated
 */
@ConfigurationProperties("inkwell.projections.rebuild")
record RebuildSettings(@DefaultValue("10000") int batchSize, @DefaultValue("1s") Duration tick,
                       @DefaultValue("5s") Duration reportEvery, @DefaultValue("30s") Duration rateWindow,
                       @DefaultValue("2m") Duration switchTimeout, @DefaultValue("500ms") Duration switchLockWait,
                       @DefaultValue("1m") Duration adoptEvery) {
}
