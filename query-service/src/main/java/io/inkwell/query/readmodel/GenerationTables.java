package io.inkwell.query.readmodel;

import io.inkwell.query.projection.RebuildableReadModel.Generation;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.springframework.core.io.ClassPathResource;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The tables of a PostgreSQL read model's generations in schema {@code query}: created from one DDL resource
 * whose names end in {@code {suffix}}, switched in by renames, dropped. PostgreSQL's DDL is transactional, so
 * a switch inside the caller's transaction shows readers the old tables or the new ones, never none.
 * <p>
 * The live generation's tables have the plain names; generation {@code n}'s end in {@code _g<n>}.
 */
public final class GenerationTables {

    private final JdbcTemplate jdbc;
    private final String readModel;
    private final String ddl;
    private final List<String> tables;

    /**
     * @param ddlResource the class path of the DDL, with {@code {suffix}} where names take the generation's
     * @param tables      the tables' plain names, those that reference others first
     */
    public GenerationTables(JdbcTemplate jdbc, String readModel, String ddlResource, List<String> tables) {
        this.jdbc = jdbc;
        this.readModel = readModel;
        this.ddl = read(ddlResource);
        this.tables = List.copyOf(tables);
    }

    /** The ending of a generation's names; names come from code and numbers, never from a request. */
    public static String suffix(Generation generation) {
        return "_g" + generation.number();
    }

    /** Creates the generation's empty tables; leftovers of an earlier attempt at the same number go first. */
    public void prepare(Generation generation) {
        drop(generation);
        jdbc.execute(ddl.replace("{suffix}", suffix(ownOf(generation))));
    }

    /** Renames the live tables to the retired generation's names, then the generation's to the live names. */
    public void switchTo(Generation generation, Generation retired) {
        String retiredSuffix = suffix(ownOf(retired));
        String newSuffix = suffix(ownOf(generation));
        StringBuilder renames = new StringBuilder();
        // Foreign keys follow a renamed table (they hold its identity, not its name), so the order is free.
        for (String table : tables) {
            renames.append("ALTER TABLE query.%s RENAME TO %s%s;\n".formatted(table, table, retiredSuffix));
        }
        for (String table : tables) {
            renames.append("ALTER TABLE query.%s%s RENAME TO %s;\n".formatted(table, newSuffix, table));
        }
        jdbc.execute(renames.toString());
    }

    /** Drops the generation's tables, if they exist; never the live ones, whose names have no suffix. */
    public void drop(Generation generation) {
        String suffix = suffix(ownOf(generation));
        jdbc.execute("DROP TABLE IF EXISTS " + String.join(", ",
                tables.stream().map(table -> "query." + table + suffix).toList()) + " CASCADE");
    }

    private Generation ownOf(Generation generation) {
        if (!readModel.equals(generation.readModel()) || generation.number() < 1) {
            throw new IllegalArgumentException("Not a generation of " + readModel + ": " + generation);
        }
        return generation;
    }

    private static String read(String resource) {
        try (var in = new ClassPathResource(resource).getInputStream()) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + resource, e);
        }
    }
}
