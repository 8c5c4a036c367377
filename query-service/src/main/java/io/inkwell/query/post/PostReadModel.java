package io.inkwell.query.post;

import io.inkwell.query.readmodel.TablesReadModel;
import java.util.List;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The posts, tags and post_tags tables as a read model that can be rebuilt beside the live one: a generation
 * is a set of tables named {@code posts_g<n>}, {@code tags_g<n>}, {@code post_tags_g<n>}, filled a batch at a
 * time and switched in by renames.
 */
@Component
class PostReadModel extends TablesReadModel {

    private final JdbcTemplate jdbc;

    PostReadModel(JdbcTemplate jdbc) {
        super(jdbc, PostProjection.NAME, 1, "db/readmodel/posts.sql", List.of("post_tags", "posts", "tags"));
        this.jdbc = jdbc;
    }

    @Override
    public List<Object> handlers(Generation generation) {
        return List.of(PostProjection.batched(jdbc, PostTables.of(generation)));
    }
}
