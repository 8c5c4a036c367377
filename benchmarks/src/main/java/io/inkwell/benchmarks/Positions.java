package io.inkwell.benchmarks;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Where each of query-service's processing groups stands, read from its token table: the lowest position of
 * its segments, because a group has handled everything up to there and not necessarily beyond.
 */
final class Positions {

    static final List<String> GROUPS = List.of("users", "posts", "post-search");

    private Positions() {
    }

    static long head(Connection connection) throws SQLException {
        try (Statement statement = connection.createStatement();
             ResultSet head = statement.executeQuery("SELECT coalesce(max(global_index), 0) FROM domain_event_entry")) {
            head.next();
            return head.getLong(1);
        }
    }

    /** Each group's position; -1 for a group without tokens yet (or before query-service made its tables). */
    static Map<String, Long> of(Connection connection) throws SQLException {
        Map<String, Long> positions = new HashMap<>();
        GROUPS.forEach(group -> positions.put(group, -1L));
        try (Statement statement = connection.createStatement()) {
            try (ResultSet exists = statement.executeQuery("SELECT to_regclass('query.token_entry') IS NOT NULL")) {
                exists.next();
                if (!exists.getBoolean(1)) {
                    return positions;
                }
            }
            Map<String, Long> lowest = new HashMap<>();
            try (ResultSet tokens = statement.executeQuery("SELECT processor_name, token FROM query.token_entry")) {
                while (tokens.next()) {
                    long position = position(tokens.getBytes(2));
                    lowest.merge(tokens.getString(1), position, Math::min);
                }
            }
            lowest.forEach((group, position) -> positions.computeIfPresent(group, (name, before) -> position));
        }
        return positions;
    }

    /**
     * The position of a token as Axon's JDBC engine writes them: a gap-aware token ({@code index}), a global
     * sequence token ({@code globalIndex}), or a replay token's current token (query-service starts its groups
     * on an existing store as a replay); -1 for none yet.
     */
    static long position(byte[] token) {
        return token == null ? -1 : position(JsonMapper.shared().readTree(token));
    }

    private static long position(JsonNode token) {
        if (token == null || token.isNull() || token.isMissingNode()) {
            return -1;
        }
        if (token.has("index")) {
            return token.get("index").asLong();
        }
        if (token.has("globalIndex")) {
            return token.get("globalIndex").asLong();
        }
        return position(token.get("currentToken"));
    }
}
