package io.inkwell.query.post;

import io.inkwell.query.post.PostView.Status;
import io.inkwell.query.projection.PostgresText;
import io.inkwell.query.readmodel.BatchedStates;
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
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Posts as rows of one set of tables, read and written with JDBC in as few statements as a batch allows:
 * one query loads every post a batch touches, one statement upserts them all. Rows only move forward: an
 * upsert never replaces a row with a version at least as new.
 */
final class PostRows implements BatchedStates.Store<PostState> {

    private final JdbcTemplate jdbc;
    private final String load;
    private final String upsert;
    private final String addTags;
    private final String clearTags;
    private final String insertTags;
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
                WHERE p.version < excluded.version
                RETURNING p.id""".formatted(tables.posts());
        this.addTags = "INSERT INTO %s (name) SELECT unnest(?::varchar[]) ON CONFLICT DO NOTHING"
                .formatted(tables.tags());
        this.clearTags = "DELETE FROM %s WHERE post_id = ANY (?)".formatted(tables.postTags());
        this.insertTags = "INSERT INTO %s (post_id, tag, position) SELECT * FROM unnest(?::varchar[], ?::varchar[], ?::int[])"
                .formatted(tables.postTags());
        this.deleteAll = "DELETE FROM %s".formatted(tables.posts());
    }

    @Override
    public Map<String, PostState> load(Collection<String> ids) {
        Map<String, PostState> found = new HashMap<>();
        if (ids.isEmpty()) {
            return found;
        }
        jdbc.query(connection -> {
            PreparedStatement statement = connection.prepareStatement(load);
            statement.setArray(1, connection.createArrayOf("varchar", ids.toArray()));
            return statement;
        }, (ResultSet row) -> {
            PostState post = read(row);
            found.put(post.id(), post);
        });
        return found;
    }

    /** Stores these posts, and the tags of those whose tags are not the stored ones. */
    @Override
    public void write(Map<String, PostState> stored, Collection<PostState> posts) {
        if (posts.isEmpty()) {
            return;
        }
        Set<String> written = new HashSet<>(
                jdbc.query(connection -> upsert(connection, posts), (row, n) -> row.getString(1)));
        List<PostState> retagged = new ArrayList<>();
        for (PostState post : posts) {
            PostState before = stored.get(post.id());
            if (written.contains(post.id()) && (before == null || !before.tags().equals(post.tags()))) {
                retagged.add(post);
            }
        }
        if (!retagged.isEmpty()) {
            writeTags(retagged);
        }
    }

    /** Empties the read model for a replay; tags stay, as names any post may carry again. */
    void deleteAll() {
        jdbc.update(deleteAll);
    }

    private PreparedStatement upsert(Connection connection, Collection<PostState> posts) throws SQLException {
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
        PreparedStatement statement = connection.prepareStatement(upsert);
        int column = 1;
        for (String[] values : text) {
            statement.setArray(column++, connection.createArrayOf("varchar", values));
        }
        statement.setArray(column++, connection.createArrayOf("bigint", versions));
        for (String[] values : times) {
            statement.setArray(column++, connection.createArrayOf("varchar", values));
        }
        return statement;
    }

    private void writeTags(List<PostState> posts) {
        List<String> postIds = new ArrayList<>();
        List<String> tags = new ArrayList<>();
        List<Integer> positions = new ArrayList<>();
        // Sorted, so that two segments adding the same new tags lock them in the same order.
        TreeSet<String> names = new TreeSet<>();
        for (PostState post : posts) {
            for (int position = 0; position < post.tags().size(); position++) {
                String tag = PostgresText.of(post.tags().get(position));
                postIds.add(post.id());
                tags.add(tag);
                positions.add(position);
                names.add(tag);
            }
        }
        if (!names.isEmpty()) {
            jdbc.update(connection -> withArrays(connection, addTags, names.toArray()));
        }
        jdbc.update(connection -> withArrays(connection, clearTags, posts.stream().map(PostState::id).toArray()));
        if (!postIds.isEmpty()) {
            jdbc.update(connection -> withArrays(connection, insertTags, postIds.toArray(), tags.toArray(),
                    positions.stream().map(String::valueOf).toArray()));
        }
    }

    private static PreparedStatement withArrays(Connection connection, String sql, Object[]... arrays) throws SQLException {
        PreparedStatement statement = connection.prepareStatement(sql);
        for (int i = 0; i < arrays.length; i++) {
            statement.setArray(i + 1, connection.createArrayOf("varchar", arrays[i]));
        }
        return statement;
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
