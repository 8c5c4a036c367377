package io.inkwell.query.projection;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Reads the dead-letter table for operators. Axon's queue API deserializes every letter and knows no
 * paging across groups, so listing is plain SQL on the table it writes; the event's global position comes
 * from the event store, which is in the same database unless events live in Axon Server.
 */
@Component
class DeadLetters {

    private static final String COLUMNS = """
            SELECT d.dead_letter_id, d.processing_group, d.sequence_identifier, d.sequence_index, d.payload_type,
                   d.sequence_number, e.global_index, d.cause_type, d.cause_message, d.enqueued_at, d.last_touched,
                   convert_from(d.diagnostics, 'UTF8') AS diagnostics
            FROM query.dead_letter_entry d
            LEFT JOIN domain_event_entry e ON e.event_identifier = d.event_identifier
            """;

    private final JdbcClient jdbc;

    DeadLetters(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** One page of dead letters, oldest first, each sequence in its order. */
    List<DeadLetterView> page(Optional<String> group, int page, int limit) {
        return jdbc.sql(COLUMNS + """
                        WHERE (CAST(:group AS VARCHAR) IS NULL OR d.processing_group = :group)
                        ORDER BY d.enqueued_at, d.processing_group, d.sequence_identifier, d.sequence_index
                        LIMIT :limit OFFSET :offset""")
                .param("group", group.orElse(null)).param("limit", limit).param("offset", (long) (page - 1) * limit)
                .query(DeadLetters::view).list();
    }

    long count(Optional<String> group) {
        return jdbc.sql("SELECT count(*) FROM query.dead_letter_entry WHERE (CAST(:group AS VARCHAR) IS NULL OR processing_group = :group)")
                .param("group", group.orElse(null)).query(Long.class).single();
    }

    /** Dead letters per processing group; groups without any are absent. */
    Map<String, Long> countByGroup() {
        Map<String, Long> counts = new HashMap<>();
        jdbc.sql("SELECT processing_group, count(*) FROM query.dead_letter_entry GROUP BY processing_group")
                .query((rs, n) -> counts.put(rs.getString(1), rs.getLong(2))).list();
        return counts;
    }

    Optional<DeadLetterView> find(String id) {
        return jdbc.sql(COLUMNS + " WHERE d.dead_letter_id = :id").param("id", id).query(DeadLetters::view).optional();
    }

    /** The first letter of an aggregate's sequence: the one that holds the others back. */
    Optional<DeadLetterView> head(String group, String sequenceIdentifier) {
        return jdbc.sql(COLUMNS + " WHERE d.processing_group = ? AND d.sequence_identifier = ? ORDER BY d.sequence_index LIMIT 1")
                .params(group, sequenceIdentifier).query(DeadLetters::view).optional();
    }

    long sequenceSize(String group, String sequenceIdentifier) {
        return jdbc.sql("SELECT count(*) FROM query.dead_letter_entry WHERE processing_group = ? AND sequence_identifier = ?")
                .params(group, sequenceIdentifier).query(Long.class).single();
    }

    /** Removes one letter for good; false when it is not there (any more). */
    boolean evict(String id) {
        return jdbc.sql("DELETE FROM query.dead_letter_entry WHERE dead_letter_id = ?").param(id).update() > 0;
    }

    private static DeadLetterView view(ResultSet rs, int row) throws SQLException {
        long index = rs.getLong("global_index");
        Long position = rs.wasNull() ? null : index;
        return new DeadLetterView(rs.getString("dead_letter_id"), rs.getString("processing_group"),
                rs.getString("sequence_identifier"), rs.getLong("sequence_index"), rs.getString("payload_type"),
                rs.getLong("sequence_number"), position, rs.getString("cause_type"),
                rs.getString("cause_message"), instant(rs.getString("enqueued_at")), instant(rs.getString("last_touched")),
                DeadLetterView.attemptsIn(rs.getString("diagnostics")));
    }

    private static Instant instant(String text) {
        return text == null ? null : Instant.parse(text);
    }
}
