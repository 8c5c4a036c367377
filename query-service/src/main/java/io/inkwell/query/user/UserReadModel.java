package io.inkwell.query.user;

import io.inkwell.query.projection.RebuildableReadModel;
import io.inkwell.query.readmodel.GenerationTables;
import java.util.List;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The users table as a read model that can be rebuilt beside the live one: a generation is a table named
 * {@code users_g<n>}, filled a batch at a time and switched in by a rename.
 */
@Component
class UserReadModel implements RebuildableReadModel {

    private final JdbcTemplate jdbc;
    private final GenerationTables tables;

    UserReadModel(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
        this.tables = new GenerationTables(jdbc, UserProjection.NAME, "db/readmodel/users.sql", List.of("users"));
    }

    @Override
    public String name() {
        return UserProjection.NAME;
    }

    @Override
    public int definitionVersion() {
        return 1;
    }

    @Override
    public void prepare(Generation generation) {
        tables.prepare(generation);
    }

    @Override
    public List<Object> handlers(Generation generation) {
        return List.of(UserProjection.batched(jdbc, UserTables.of(generation)));
    }

    @Override
    public void switchTo(Generation generation, Generation retired) {
        tables.switchTo(generation, retired);
    }

    @Override
    public void drop(Generation generation) {
        tables.drop(generation);
    }
}
