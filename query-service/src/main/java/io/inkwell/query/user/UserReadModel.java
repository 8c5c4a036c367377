package io.inkwell.query.user;

import io.inkwell.query.readmodel.TablesReadModel;
import java.util.List;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The users table as a read model that can be rebuilt beside the live one: a generation is a table named
 * {@code users_g<n>}, filled a batch at a time and switched in by a rename.
 */
@Component
class UserReadModel extends TablesReadModel {

    private final JdbcTemplate jdbc;

    UserReadModel(JdbcTemplate jdbc) {
        super(jdbc, UserProjection.NAME, 1, "db/readmodel/users.sql", List.of("users"));
        this.jdbc = jdbc;
    }

    @Override
    public List<Object> handlers(Generation generation) {
        return List.of(UserProjection.batched(jdbc, UserTables.of(generation)));
    }
}
