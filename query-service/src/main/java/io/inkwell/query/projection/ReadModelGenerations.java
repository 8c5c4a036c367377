package io.inkwell.query.projection;

import io.inkwell.query.projection.RebuildableReadModel.Generation;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The record of each read model's live generation and of the rebuild beside it ({@code query.read_model}).
 * A rebuild is claimed under the row's lock, so that of several instances (or a request racing the start-up
 * check) exactly one starts it.
 */
@Component
class ReadModelGenerations {

    /** What {@code query.read_model} says about one read model. */
    record Record(String name, Generation live, Optional<Generation> rebuilding, Instant rebuildStartedAt,
                  boolean cancelRequested, Optional<String> lastFailure, Instant lastFailureAt) {
    }

    /** A rebuild is already recorded for this read model. */
    static final class RebuildInProgressException extends RuntimeException {
        RebuildInProgressException(String name) {
            super("A rebuild of " + name + " is already running", null, false, false);
        }
    }

    private final JdbcClient jdbc;

    ReadModelGenerations(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * The read model's record; a read model that has none yet (added after the migration that seeded the
     * others) was created by this code, so its generation 1 counts as built by the given definition version.
     */
    @Transactional
    Record of(String name, int definitionVersion) {
        jdbc.sql("INSERT INTO query.read_model (name, generation, definition_version) VALUES (?, 1, ?) ON CONFLICT DO NOTHING")
                .params(name, definitionVersion).update();
        return find(name, false).orElseThrow();
    }

    Optional<Record> find(String name) {
        return find(name, false);
    }

    /**
     * Records a rebuild into the next generation, by the given definition version.
     *
     * @param onlyIfOutdated claim it only when the live generation's definition is older than the given one
     * @return the generation to build, or empty when {@code onlyIfOutdated} and the live one is up to date
     * @throws RebuildInProgressException when a rebuild is recorded already
     */
    @Transactional
    Optional<Generation> claimRebuild(String name, int definitionVersion, boolean onlyIfOutdated) {
        of(name, definitionVersion);
        Record current = find(name, true).orElseThrow();
        if (current.rebuilding().isPresent()) {
            throw new RebuildInProgressException(name);
        }
        if (onlyIfOutdated && current.live().definitionVersion() >= definitionVersion) {
            return Optional.empty();
        }
        Generation next = new Generation(name, current.live().number() + 1, definitionVersion);
        jdbc.sql("""
                        UPDATE query.read_model SET rebuilding_generation = ?, rebuilding_definition_version = ?,
                               rebuild_started_at = now(), cancel_requested = FALSE, last_failure = NULL, last_failure_at = NULL
                        WHERE name = ?""")
                .params(next.number(), definitionVersion, name).update();
        return Optional.of(next);
    }

    /** The read model's record, locked until the caller's transaction ends. */
    Optional<Record> lock(String name) {
        return find(name, true);
    }

    /** Asks the instance running the rebuild to cancel it; false when none is recorded. */
    boolean requestCancel(String name) {
        return jdbc.sql("UPDATE query.read_model SET cancel_requested = TRUE WHERE name = ? AND rebuilding_generation IS NOT NULL")
                .param(name).update() > 0;
    }

    /** Records the switch; joins the switch's transaction. */
    void recordLive(Generation live) {
        jdbc.sql("""
                        UPDATE query.read_model SET generation = ?, definition_version = ?, rebuilding_generation = NULL,
                               rebuilding_definition_version = NULL, rebuild_started_at = NULL, cancel_requested = FALSE,
                               switched_at = now()
                        WHERE name = ?""")
                .params(live.number(), live.definitionVersion(), live.readModel()).update();
    }

    /** Forgets a rebuild that ended without a switch; a failure's cause stays visible. */
    void recordEnded(String name, Optional<String> failure) {
        jdbc.sql("""
                        UPDATE query.read_model SET rebuilding_generation = NULL, rebuilding_definition_version = NULL,
                               rebuild_started_at = NULL, cancel_requested = FALSE, last_failure = ?,
                               last_failure_at = CASE WHEN CAST(? AS TEXT) IS NULL THEN NULL ELSE now() END
                        WHERE name = ?""")
                .params(failure.orElse(null), failure.orElse(null), name).update();
    }

    private Optional<Record> find(String name, boolean lock) {
        return jdbc.sql("SELECT * FROM query.read_model WHERE name = ?" + (lock ? " FOR UPDATE" : ""))
                .param(name).query(ReadModelGenerations::record).optional();
    }

    private static Record record(ResultSet row, int n) throws SQLException {
        String name = row.getString("name");
        int rebuilding = row.getInt("rebuilding_generation");
        Optional<Generation> next = row.wasNull() ? Optional.empty()
                : Optional.of(new Generation(name, rebuilding, row.getInt("rebuilding_definition_version")));
        return new Record(name, new Generation(name, row.getInt("generation"), row.getInt("definition_version")), next,
                instant(row, "rebuild_started_at"), row.getBoolean("cancel_requested"),
                Optional.ofNullable(row.getString("last_failure")), instant(row, "last_failure_at"));
    }

    private static Instant instant(ResultSet row, String column) throws SQLException {
        java.sql.Timestamp time = row.getTimestamp(column);
        return time == null ? null : time.toInstant();
    }
}
