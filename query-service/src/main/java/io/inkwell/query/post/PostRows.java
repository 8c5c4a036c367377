package io.inkwell.query.post;

import io.inkwell.query.post.PostView.Status;
import io.inkwell.query.projection.PostgresText;
import io.inkwell.query.readmodel.BatchedStates;
import io.inkwell.query.readmodel.RebuildSettings;
import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Posts as rows of one set of tables, read and written with JDBC in as few round trips as a batch allows:
 * one query loads every post a batch touches, one round trip upserts them all and replaces their tags.
 * Rows only move forward: an upsert never replaces a row with a version at least as new.
 */
final class PostRows implements BatchedStates.Store<PostState> {

    private final JdbcTemplate jdbc;
    private final String load;
    private final String upsert;
    private final String replaceTags;
    private final String deleteAll;

    PostRows(JdbcTemplate jdbc, PostTables tables) {
        this.jdbc = jdbc;
        this.load = """
                SELECT p.id, p.author_id, p.title, p.content, p.slug, p.status, p.version, p.created_at, p.updated_at,
                       p.published_at, array(SELECT t.tag FROM %s t WHERE t.post_id = p.id ORDER BY t.position) AS tags
                FROM %s p WHERE p.id = ANY (?)""".formatted(tables.postTags(), tables.posts());
        this.upsert = """
                INSERT INTO %1$s AS p (id, author_id, title, content, slug, status, version, created_at, updated_at,
                                       published_at)
                SELECT * FROM unnest(?::varchar[], ?::varchar[], ?::varchar[], ?::text[], ?::varchar[], ?::varchar[],
                                     ?::bigint[], ?::timestamptz[], ?::timestamptz[], ?::timestamptz[])
                ON CONFLICT (id) DO UPDATE SET author_id = excluded.author_id, title = excluded.title,
                    content = excluded.content, slug = excluded.slug, status = excluded.status,
                    version = excluded.version, created_at = excluded.created_at, updated_at = excluded.updated_at,
                    published_at = excluded.published_at
                WHERE p.version < excluded.version""".formatted(tables.posts());
        // Sent with the upsert as one round trip. A post's tags are replaced only where its row now has the
        // version the batch wrote, so tags never move ahead of, or behind, their post.
        this.replaceTags = """
                ;
                INSERT INTO %1$s (name) SELECT unnest(?::varchar[]) ON CONFLICT DO NOTHING;
                DELETE FROM %2$s t USING %3$s p, unnest(?::varchar[], ?::bigint[]) AS c(id, version)
                WHERE p.id = c.id AND p.version = c.version AND t.post_id = c.id;
                INSERT INTO %2$s (post_id, tag, position)
                SELECT c.id, c.tag, c.position
                FROM unnest(?::varchar[], ?::varchar[], ?::int[], ?::bigint[]) AS c(id, tag, position, version)
                JOIN %3$s p ON p.id = c.id AND p.version = c.version""".formatted(tables.tags(), tables.postTags(),
                tables.posts());
        this.deleteAll = "DELETE FROM %s".formatted(tables.posts());
    }

    @Override
    public Map<String, PostState> load(Collection<String> ids) {
        return BatchedStates.Store.loadById(jdbc, load, ids, (row, n) -> read(row), PostState::id);
    }

    /** Stores these posts, and the tags of those whose tags are not the stored ones, in one round trip. */
    @Override
    public void write(Map<String, PostState> stored, Collection<PostState> posts) {
        if (posts.isEmpty()) {
            return;
        }
        List<PostState> retagged = posts.stream().filter(post -> {
            PostState before = stored.get(post.id());
            return before == null || !before.tags().equals(post.tags());
        }).toList();
        jdbc.update(connection -> {
            PreparedStatement statement = connection.prepareStatement(retagged.isEmpty() ? upsert : upsert + replaceTags);
            int next = bindPosts(connection, statement, posts);
            if (!retagged.isEmpty()) {
                bindTags(connection, statement, next, retagged);
            }
            return statement;
        });
    }

    @Override
    public void batchStarted() {
        RebuildSettings.apply(jdbc);
    }

    /** Empties the read model for a replay; tags stay, as names any post may carry again. */
    void deleteAll() {
        jdbc.update(deleteAll);
    }

    /** Binds the upsert's parameters; returns the index of the next one. */
    private static int bindPosts(Connection connection, PreparedStatement statement, Collection<PostState> posts)
            throws SQLException {
        int n = posts.size();
        String[][] text = new String[6][n];
        Long[] versions = new Long[n];
        String[][] times = new String[3][n];
        int i = 0;
        for (PostState post : posts) {
            text[0][i] = post.id();
            text[1][i] = post.authorId();
            text[2][i] = PostgresText.of(post.title());
            text[3][i] = PostgresText.of(post.content());
            text[4][i] = PostgresText.of(post.slug());
            text[5][i] = post.status().name();
            versions[i] = post.version();
            times[0][i] = text(post.createdAt());
            times[1][i] = text(post.updatedAt());
            times[2][i] = text(post.publishedAt());
            i++;
        }
        int column = 1;
        for (String[] values : text) {
            statement.setArray(column++, connection.createArrayOf("varchar", values));
        }
        statement.setArray(column++, connection.createArrayOf("bigint", versions));
        for (String[] values : times) {
            statement.setArray(column++, connection.createArrayOf("varchar", values));
        }
        return column;
    }

    private static void bindTags(Connection connection, PreparedStatement statement, int column, List<PostState> posts)
            throws SQLException {
        List<String> postIds = new ArrayList<>();
        List<String> tags = new ArrayList<>();
        List<Integer> positions = new ArrayList<>();
        List<Long> versions = new ArrayList<>();
        // Sorted, so that two segments adding the same new tags lock them in the same order.
        TreeSet<String> names = new TreeSet<>();
        for (PostState post : posts) {
            for (int position = 0; position < post.tags().size(); position++) {
                String tag = PostgresText.of(post.tags().get(position));
                postIds.add(post.id());
                tags.add(tag);
                positions.add(position);
                versions.add(post.version());
                names.add(tag);
            }
        }
        statement.setArray(column++, connection.createArrayOf("varchar", names.toArray()));
        statement.setArray(column++, connection.createArrayOf("varchar", posts.stream().map(PostState::id).toArray()));
        statement.setArray(column++, connection.createArrayOf("bigint", posts.stream().map(PostState::version).toArray()));
        statement.setArray(column++, connection.createArrayOf("varchar", postIds.toArray()));
        statement.setArray(column++, connection.createArrayOf("varchar", tags.toArray()));
        statement.setArray(column++, connection.createArrayOf("integer", positions.toArray()));
        statement.setArray(column, connection.createArrayOf("bigint", versions.toArray()));
    }

    private static PostState read(ResultSet row) throws SQLException {
        Array tags = row.getArray("tags");
        return new PostState(row.getString("id"), row.getString("author_id"), row.getString("title"),
                row.getString("content"), row.getString("slug"), Arrays.asList((String[]) tags.getArray()),
                Status.valueOf(row.getString("status")), row.getLong("version"), instant(row, "created_at"),
                instant(row, "updated_at"), instant(row, "published_at"));
    }

    private static Instant instant(ResultSet row, String column) throws SQLException {
        OffsetDateTime time = row.getObject(column, OffsetDateTime.class);
        return time == null ? null : time.toInstant();
    }

    private static String text(Instant instant) {
        return instant == null ? null : instant.toString();
    }
}
