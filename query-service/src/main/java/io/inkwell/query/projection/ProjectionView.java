package io.inkwell.query.projection;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;
import java.util.List;

/**
 * One processing group as {@code GET /admin/projections} shows it. {@code position} and the lag are absent when
 * they cannot be known here (a segment held by another instance); {@code progress} only while rebuilding.
 *
 * @param state             {@code running}, {@code rebuilding}, {@code paused} (processor stopped) or
 *                          {@code failing} (a segment in error or retrying)
 * @param definitionVersion the version of this code's definition of the read model
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
record ProjectionView(String name, String state, Long position, Lag lag, Long deadLetters, List<Segment> segments,
                      Generation generation, Integer definitionVersion, Rebuild rebuild, RebuildProgress.View progress,
                      Failure lastRebuildFailure) {

    record Lag(Long events, Long seconds) {
    }

    record Segment(int id, Long position, Boolean caughtUp) {
    }

    record Generation(int number, int definitionVersion) {
    }

    /**
     * @param phase {@code preparing}, {@code filling} (beside the live model), {@code switching} (live processor
     *              stopped until the switch), or {@code elsewhere} when another instance runs it
     * @param error the failure its batches are being retried for, if any
     */
    record Rebuild(int generation, int definitionVersion, String phase, Instant startedAt, Long position,
                   List<Segment> segments, String error) {
    }

    record Failure(String cause, Instant at) {
    }
}
