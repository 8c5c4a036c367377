package io.inkwell.query.post;

import io.inkwell.query.projection.RebuildableReadModel;
import io.inkwell.query.readmodel.GenerationTables;
import java.util.List;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The posts, tags and post_tags tables as a read model that can be rebuilt beside the live one: a generation
 * is a set of tables named {@code posts_g<n>}, {@code tags_g<n>}, {@code post_tags_g<n>}, filled a batch at a
 * time and switched in by renames.
 */
@Component
class PostReadModel implements RebuildableReadModel {

    private final JdbcTemplate jdbc;
    private final GenerationTables tables;

    PostReadModel(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
        this.tables = new GenerationTables(jdbc, PostProjection.NAME, "db/readmodel/posts.sql",
                List.of("post_tags", "posts", "tags"));
    }

    @Override
    public String name() {
        return PostProjection.NAME;
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
        return List.of(PostProjection.batched(jdbc, PostTables.of(generation)));
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
