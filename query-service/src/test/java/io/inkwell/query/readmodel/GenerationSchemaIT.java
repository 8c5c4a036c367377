package io.inkwell.query.readmodel;

import static org.assertj.core.api.Assertions.assertThat;

import io.inkwell.query.QueryServiceContext;
import io.inkwell.query.projection.RebuildableReadModel;
import io.inkwell.query.projection.RebuildableReadModel.Generation;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/** A generation's tables are the live ones' twins: Flyway's V1 and the generation DDL must not drift apart. */
@QueryServiceContext
class GenerationSchemaIT {

    @Autowired
    List<RebuildableReadModel> readModels;
    @Autowired
    JdbcClient jdbc;

    @Test
    void aPreparedGenerationHasTheLiveTablesColumnsKeysAndIndexes() {
        for (String name : List.of("posts", "users")) {
            Generation generation = new Generation(name, ThreadLocalRandom.current().nextInt(10_000, 1_000_000), 1);
            RebuildableReadModel readModel = readModels.stream().filter(model -> model.name().equals(name)).findFirst()
                    .orElseThrow();
            readModel.prepare(generation);
            try {
                List<String> tables = name.equals("posts") ? List.of("posts", "tags", "post_tags") : List.of("users");
                for (String table : tables) {
                    String copy = table + "_g" + generation.number();
                    assertThat(columns(copy)).isNotEmpty().isEqualTo(columns(table));
                    assertThat(indexes(copy)).isNotEmpty().isEqualTo(indexes(table));
                    assertThat(constraints(copy)).isNotEmpty().isEqualTo(constraints(table));
                }
            } finally {
                readModel.drop(generation);
            }
            assertThat(exists(name + "_g" + generation.number())).isFalse();
        }
    }

    private boolean exists(String table) {
        return jdbc.sql("SELECT to_regclass(?) IS NOT NULL").param("query." + table).query(Boolean.class).single();
    }

    private List<String> columns(String table) {
        return jdbc.sql("""
                SELECT concat_ws(' ', column_name, data_type, character_maximum_length, is_nullable, column_default)
                FROM information_schema.columns WHERE table_schema = 'query' AND table_name = ?
                ORDER BY ordinal_position""").param(table).query(String.class).list();
    }

    /** Index definitions with the generations' name endings taken out. */
    private List<String> indexes(String table) {
        return jdbc.sql("""
                SELECT regexp_replace(indexdef, '_g[0-9]+', '', 'g') FROM pg_indexes
                WHERE schemaname = 'query' AND tablename = ? ORDER BY 1""").param(table).query(String.class).list();
    }

    private List<String> constraints(String table) {
        return jdbc.sql("""
                SELECT regexp_replace(concat_ws(' ', conname, contype::text, pg_get_constraintdef(oid)), '_g[0-9]+', '', 'g')
                FROM pg_constraint WHERE conrelid = to_regclass(?) ORDER BY 1""").param("query." + table)
                .query(String.class).list();
    }
}
