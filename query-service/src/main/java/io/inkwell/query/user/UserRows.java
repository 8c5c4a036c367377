package io.inkwell.query.user;

import io.inkwell.query.projection.PostgresText;
import io.inkwell.query.readmodel.BatchedStates;
import io.inkwell.query.readmodel.RebuildSettings;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Collection;
import java.util.Map;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Profiles as rows of one table, read and written with JDBC: one query loads a batch's profiles, one
 * statement upserts them. Rows only move forward: an upsert never replaces a row at least as new.
 */
final class UserRows implements BatchedStates.Store<UserState> {

    private final JdbcTemplate jdbc;
    private final String load;
    private final String upsert;
    private final String deleteAll;

    UserRows(JdbcTemplate jdbc, UserTables tables) {
        this.jdbc = jdbc;
        this.load = """
                SELECT id, name, email, issuer, subject, active, version, registered_at, updated_at
                FROM %s WHERE id = ANY (?)""".formatted(tables.users());
        this.upsert = """
                INSERT INTO %s AS u (id, name, email, issuer, subject, active, version, registered_at, updated_at)
                SELECT * FROM unnest(?::varchar[], ?::varchar[], ?::varchar[], ?::varchar[], ?::varchar[],
                                     ?::boolean[], ?::bigint[], ?::timestamptz[], ?::timestamptz[])
                ON CONFLICT (id) DO UPDATE SET name = excluded.name, email = excluded.email,
                    issuer = excluded.issuer, subject = excluded.subject, active = excluded.active,
                    version = excluded.version, registered_at = excluded.registered_at,
                    updated_at = excluded.updated_at
                WHERE u.version < excluded.version""".formatted(tables.users());
        this.deleteAll = "DELETE FROM %s".formatted(tables.users());
    }

    @Override
    public Map<String, UserState> load(Collection<String> ids) {
        return BatchedStates.Store.loadById(jdbc, load, ids, (row, n) -> read(row), UserState::id);
    }

    @Override
    public void write(Map<String, UserState> stored, Collection<UserState> users) {
        if (!users.isEmpty()) {
            jdbc.update(connection -> upsert(connection, users));
        }
    }

    @Override
    public void batchStarted() {
        RebuildSettings.apply(jdbc);
    }

    /** Empties the read model for a replay. */
    void deleteAll() {
        jdbc.update(deleteAll);
    }

    private PreparedStatement upsert(Connection connection, Collection<UserState> users) throws SQLException {
        int n = users.size();
        String[][] text = new String[5][n];
        Boolean[] active = new Boolean[n];
        Long[] versions = new Long[n];
        String[][] times = new String[2][n];
        int i = 0;
        for (UserState user : users) {
            text[0][i] = user.id();
            text[1][i] = PostgresText.of(user.name());
            text[2][i] = PostgresText.of(user.email());
            text[3][i] = PostgresText.of(user.issuer());
            text[4][i] = PostgresText.of(user.subject());
            active[i] = user.active();
            versions[i] = user.version();
            times[0][i] = user.registeredAt().toString();
            times[1][i] = user.updatedAt().toString();
            i++;
        }
        PreparedStatement statement = connection.prepareStatement(upsert);
        int column = 1;
        for (String[] values : text) {
            statement.setArray(column++, connection.createArrayOf("varchar", values));
        }
        statement.setArray(column++, connection.createArrayOf("boolean", active));
        statement.setArray(column++, connection.createArrayOf("bigint", versions));
        for (String[] values : times) {
            statement.setArray(column++, connection.createArrayOf("varchar", values));
        }
        return statement;
    }

    private static UserState read(ResultSet row) throws SQLException {
        return new UserState(row.getString("id"), row.getString("name"), row.getString("email"),
                row.getString("issuer"), row.getString("subject"), row.getBoolean("active"), row.getLong("version"),
                instant(row, "registered_at"), instant(row, "updated_at"));
    }

    private static Instant instant(ResultSet row, String column) throws SQLException {
        OffsetDateTime time = row.getObject(column, OffsetDateTime.class);
        return time == null ? null : time.toInstant();
    }
}
