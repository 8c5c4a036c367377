package io.inkwell.query.post;

import io.inkwell.query.graphql.Connection;
import io.inkwell.query.graphql.PageArgs;
import io.inkwell.query.post.PostController.PostSort;
import io.inkwell.query.post.PostController.StatusFilter;
import io.inkwell.query.security.CurrentViewer;
import io.inkwell.query.security.Viewer;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.springframework.graphql.execution.BatchLoaderRegistry;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/**
 * A page of posts for each of many authors at once ({@code User.posts} of every user in a response): one SQL
 * statement numbers each author's visible posts in the asked order and keeps each author's page with the
 * author's total, one more loads those posts (and their tags, batched by Hibernate). Authors asked for with the
 * same arguments share the statements.
 */
@Component
class AuthorPosts {

    static final String LOADER = "authorPosts";

    /** One author's page; authors whose keys differ only in {@code authorId} are loaded together. */
    record Key(String authorId, PageArgs page, StatusFilter status, PostSort sort) {

        Key sameArguments() {
            return new Key(null, page, status, sort);
        }
    }

    private static final String PAGES = """
            select id, author_id, total, position from (
                select p.id, p.author_id,
                       row_number() over (partition by p.author_id order by %s) as position,
                       count(*) over (partition by p.author_id) as total
                from query.posts p
                where p.author_id in (:authors) and (%s)
            ) numbered
            -- Each author's first row too, which carries the total also when the page is past the end.
            where (position > :offset and position <= :offset + :size) or position = 1
            order by author_id, position""";

    private final NamedParameterJdbcTemplate jdbc;
    private final PostViews posts;
    private final CurrentViewer viewers;

    AuthorPosts(NamedParameterJdbcTemplate jdbc, PostViews posts, CurrentViewer viewers, BatchLoaderRegistry loaders) {
        this.jdbc = jdbc;
        this.posts = posts;
        this.viewers = viewers;
        loaders.<Key, Connection<PostView>>forName(LOADER).registerMappedBatchLoader((keys, env) -> Mono.fromCallable(() -> load(keys)));
    }

    private Map<Key, Connection<PostView>> load(Set<Key> keys) {
        Viewer viewer = viewers.get();
        Map<Key, List<Key>> byArguments = keys.stream().collect(Collectors.groupingBy(Key::sameArguments));
        Map<Key, Connection<PostView>> pages = new HashMap<>();
        byArguments.forEach((arguments, authors) -> pages.putAll(load(arguments, authors, viewer)));
        return pages;
    }

    private Map<Key, Connection<PostView>> load(Key arguments, List<Key> authors, Viewer viewer) {
        MapSqlParameterSource parameters = new MapSqlParameterSource()
                .addValue("authors", authors.stream().map(Key::authorId).toList())
                .addValue("offset", arguments.page().offset())
                .addValue("size", arguments.page().first())
                .addValue("viewer", viewer.userId().orElse(null));
        record Row(String id, String authorId, long total, long position) {
        }
        long offset = arguments.page().offset();
        List<Row> rows = jdbc.query(PAGES.formatted(order(arguments.sort()), visible(arguments.status(), viewer)),
                parameters, (rs, n) -> new Row(rs.getString(1), rs.getString(2), rs.getLong(3), rs.getLong(4)));
        Map<String, Long> totals = new HashMap<>();
        rows.forEach(row -> totals.put(row.authorId(), row.total()));
        List<Row> inPages = rows.stream().filter(row -> row.position() > offset).toList();
        Map<String, PostView> found = inPages.isEmpty() ? Map.of()
                : posts.findAllById(inPages.stream().map(Row::id).toList()).stream()
                        .collect(Collectors.toMap(PostView::getId, Function.identity()));
        Map<String, List<PostView>> nodes = new LinkedHashMap<>();
        // A post deleted between the two statements is left out rather than shown as null.
        inPages.stream().filter(row -> found.containsKey(row.id()))
                .forEach(row -> nodes.computeIfAbsent(row.authorId(), a -> new ArrayList<>()).add(found.get(row.id())));
        Map<Key, Connection<PostView>> pages = new HashMap<>();
        for (Key key : authors) {
            pages.put(key, Connection.of(nodes.getOrDefault(key.authorId(), List.of()), offset,
                    totals.getOrDefault(key.authorId(), 0L)));
        }
        return pages;
    }

    /** {@link PostSort}'s orders in SQL, with the id last so that pages never overlap. */
    private static String order(PostSort sort) {
        return switch (sort) {
            case NEWEST -> "p.published_at desc nulls last, p.created_at desc, p.id";
            case OLDEST -> "p.published_at asc nulls last, p.created_at asc, p.id";
            case UPDATED -> "p.updated_at desc, p.id";
            case TITLE -> "p.title asc, p.id";
        };
    }

    /** {@link PostFilters#visibleTo} in SQL: the viewer's identity goes in as a parameter, never as text. */
    private static String visible(StatusFilter filter, Viewer viewer) {
        String drafts = viewer.isModerator() ? "p.status = 'DRAFT'" : "p.status = 'DRAFT' and p.author_id = :viewer";
        return switch (filter) {
            case PUBLISHED -> "p.status = 'PUBLISHED'";
            case DRAFT -> drafts;
            case ALL -> "p.status = 'PUBLISHED' or (" + drafts + ")";
        };
    }
}
