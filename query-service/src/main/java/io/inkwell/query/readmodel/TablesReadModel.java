package io.inkwell.query.readmodel;

import io.inkwell.query.projection.RebuildableReadModel;
import java.util.List;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * A read model kept in PostgreSQL tables: a generation is a suffixed copy of its tables, created from its DDL,
 * filled by its projection a batch at a time and switched in by renames. A subclass says which projection fills it.
 */
public abstract class TablesReadModel implements RebuildableReadModel {

    private final String name;
    private final int definitionVersion;
    private final GenerationTables tables;

    /**
     * @param definitionVersion raise it with every change of the DDL: the read model is then rebuilt at start
     * @param tableNames        the live tables, in the order they are renamed (tables that refer to others first)
     */
    protected TablesReadModel(JdbcTemplate jdbc, String name, int definitionVersion, String ddlResource,
                              List<String> tableNames) {
        this.name = name;
        this.definitionVersion = definitionVersion;
        this.tables = new GenerationTables(jdbc, name, ddlResource, tableNames);
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public int definitionVersion() {
        return definitionVersion;
    }

    @Override
    public void prepare(Generation generation) {
        tables.prepare(generation);
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
