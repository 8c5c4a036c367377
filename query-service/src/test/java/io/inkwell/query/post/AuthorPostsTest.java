package io.inkwell.query.post;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.anyList;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.mockito.Mockito.when;

import graphql.GraphQLContext;
import io.inkwell.query.graphql.Connection;
import io.inkwell.query.graphql.PageArgs;
import io.inkwell.query.post.PostController.PostSort;
import io.inkwell.query.post.PostController.StatusFilter;
import io.inkwell.query.security.CurrentViewer;
import io.inkwell.query.security.Viewer;
import java.sql.SQLException;
import java.sql.Types;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import javax.sql.rowset.CachedRowSet;
import javax.sql.rowset.RowSetMetaDataImpl;
import javax.sql.rowset.RowSetProvider;
import org.assertj.core.api.InstanceOfAssertFactories;
import org.dataloader.DataLoader;
import org.dataloader.DataLoaderRegistry;
import org.junit.jupiter.api.Test;
import org.springframework.graphql.execution.DefaultBatchLoaderRegistry;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.jdbc.core.namedparam.SqlParameterSource;
import org.springframework.test.util.ReflectionTestUtils;

/**
 * {@code User.posts} for many users at once, without a database: which statements a response costs and how
 * each author's page is cut from the numbered rows. The numbering itself is PostgreSQL's, judged by
 * GraphQlPostsIT and GraphQlStatementCountIT.
 */
class AuthorPostsTest {

    private static final PageArgs FIRST_TWO = new PageArgs(2, 0);

    private final NumberedRows database = new NumberedRows();
    private final PostViews posts = mock(PostViews.class);
    private final CurrentViewer viewers = mock(CurrentViewer.class);
    private final DataLoader<AuthorPosts.Key, Connection<PostView>> loader = loader();

    @Test
    void authorsAskedForWithTheSameArgumentsShareOneStatement() {
        viewing(Viewer.ANONYMOUS);
        database.row("p1", "ada", 2, 1).row("p2", "ada", 2, 2).row("p3", "bob", 1, 1);
        found("p1", "p2", "p3");

        Map<String, Connection<PostView>> pages = load(key("ada", FIRST_TWO), key("bob", FIRST_TWO),
                key("cyd", FIRST_TWO));

        assertThat(database.statements).hasSize(1);
        assertThat(database.statements.getFirst().parameters()).extractingByKey("authors")
                .asInstanceOf(InstanceOfAssertFactories.list(String.class)).containsExactlyInAnyOrder("ada", "bob", "cyd");
        assertThat(ids(pages.get("ada"))).containsExactly("p1", "p2");
        assertThat(pages.get("ada").totalCount()).isEqualTo(2);
        assertThat(ids(pages.get("bob"))).containsExactly("p3");
        // An author without visible posts has an empty page, not none.
        assertThat(ids(pages.get("cyd"))).isEmpty();
        assertThat(pages.get("cyd").totalCount()).isZero();
    }

    @Test
    void authorsAskedForWithOtherArgumentsTakeAStatementEach() {
        viewing(Viewer.ANONYMOUS);

        load(key("ada", FIRST_TWO), key("bob", FIRST_TWO),
                new AuthorPosts.Key("cyd", FIRST_TWO, StatusFilter.PUBLISHED, PostSort.TITLE));

        assertThat(database.statements).hasSize(2);
    }

    @Test
    void aLaterPageShowsTheRowsAfterTheCursorAndTheTotalFromTheFirstRow() {
        viewing(Viewer.ANONYMOUS);
        // Asked for 2 after the first: the first row comes along only for the total.
        database.row("p1", "ada", 5, 1).row("p2", "ada", 5, 2).row("p3", "ada", 5, 3);
        found("p1", "p2", "p3");

        Connection<PostView> page = load(key("ada", new PageArgs(2, 1))).get("ada");

        assertThat(ids(page)).containsExactly("p2", "p3");
        assertThat(page.totalCount()).isEqualTo(5);
        assertThat(page.pageInfo().hasNextPage()).isTrue();
        assertThat(database.statements.getFirst().parameters()).containsEntry("offset", 1L).containsEntry("size", 2);
    }

    @Test
    void aPagePastTheEndHasTheTotalAndCostsNoSecondStatement() {
        viewing(Viewer.ANONYMOUS);
        database.row("p1", "ada", 3, 1);

        Connection<PostView> page = load(key("ada", new PageArgs(2, 10))).get("ada");

        assertThat(page.edges()).isEmpty();
        assertThat(page.totalCount()).isEqualTo(3);
        verifyNoInteractions(posts);
    }

    @Test
    void aPostDeletedBetweenTheTwoStatementsIsLeftOut() {
        viewing(Viewer.ANONYMOUS);
        database.row("p1", "ada", 2, 1).row("p2", "ada", 2, 2);
        found("p2");

        assertThat(ids(load(key("ada", FIRST_TWO)).get("ada"))).containsExactly("p2");
    }

    @Test
    void theViewersIdentityGoesInAsAParameterNeverAsText() {
        viewing(new Viewer("iss", "sub", Set.of("user"), Optional.of("ada-id")));

        load(key("ada-id", FIRST_TWO));

        Statement statement = database.statements.getFirst();
        assertThat(statement.parameters()).containsEntry("viewer", "ada-id");
        assertThat(statement.sql()).doesNotContain("ada-id").contains("p.author_id = :viewer");
    }

    @Test
    void anAnonymousReaderIsNoAuthorOfAnyDraft() {
        viewing(Viewer.ANONYMOUS);

        load(key("ada", FIRST_TWO));

        assertThat(database.statements.getFirst().parameters()).containsEntry("viewer", null);
        assertThat(database.statements.getFirst().sql()).contains("p.status = 'DRAFT' and p.author_id = :viewer");
    }

    @Test
    void moderatorsListEveryonesDraftsAndPublishedPostsAreForEveryone() {
        viewing(new Viewer("iss", "sub", Set.of("moderator"), Optional.of("mod-id")));

        load(new AuthorPosts.Key("ada", FIRST_TWO, StatusFilter.DRAFT, PostSort.NEWEST),
                new AuthorPosts.Key("bob", FIRST_TWO, StatusFilter.PUBLISHED, PostSort.NEWEST));

        assertThat(database.statements).extracting(Statement::sql).allSatisfy(sql -> assertThat(sql)
                .doesNotContain(":viewer")).anySatisfy(sql -> assertThat(sql).contains("and (p.status = 'DRAFT')"))
                .anySatisfy(sql -> assertThat(sql).contains("and (p.status = 'PUBLISHED')"));
    }

    @Test
    void everySortEndsWithTheIdSoThatPagesNeverOverlap() {
        viewing(Viewer.ANONYMOUS);

        load(new AuthorPosts.Key("ada", FIRST_TWO, StatusFilter.PUBLISHED, PostSort.NEWEST),
                new AuthorPosts.Key("bob", FIRST_TWO, StatusFilter.PUBLISHED, PostSort.OLDEST),
                new AuthorPosts.Key("cyd", FIRST_TWO, StatusFilter.PUBLISHED, PostSort.UPDATED),
                new AuthorPosts.Key("dan", FIRST_TWO, StatusFilter.PUBLISHED, PostSort.TITLE));

        assertThat(database.statements).hasSize(4);
        sentAStatementOrderedBy("p.published_at desc nulls last, p.created_at desc, p.id");
        sentAStatementOrderedBy("p.published_at asc nulls last, p.created_at asc, p.id");
        sentAStatementOrderedBy("p.updated_at desc, p.id");
        sentAStatementOrderedBy("p.title asc, p.id");
    }

    private void sentAStatementOrderedBy(String order) {
        assertThat(database.statements).extracting(Statement::sql)
                .anySatisfy(sql -> assertThat(sql).contains("order by " + order + ") as position"));
    }

    private DataLoader<AuthorPosts.Key, Connection<PostView>> loader() {
        DefaultBatchLoaderRegistry registry = new DefaultBatchLoaderRegistry();
        new AuthorPosts(database, posts, viewers, registry);
        DataLoaderRegistry loaders = new DataLoaderRegistry();
        registry.registerDataLoaders(loaders, GraphQLContext.newContext().build());
        return loaders.getDataLoader(AuthorPosts.LOADER);
    }

    private Map<String, Connection<PostView>> load(AuthorPosts.Key... keys) {
        Map<String, CompletableFuture<Connection<PostView>>> pending = new HashMap<>();
        for (AuthorPosts.Key key : keys) {
            pending.put(key.authorId(), loader.load(key));
        }
        loader.dispatchAndJoin();
        Map<String, Connection<PostView>> pages = new HashMap<>();
        pending.forEach((author, page) -> pages.put(author, page.join()));
        return pages;
    }

    private void viewing(Viewer viewer) {
        when(viewers.get()).thenReturn(viewer);
    }

    private void found(String... ids) {
        List<PostView> views = new ArrayList<>();
        for (String id : ids) {
            PostView post = new PostView();
            ReflectionTestUtils.setField(post, "id", id);
            views.add(post);
        }
        // As the read model answers: the asked posts that it has.
        when(posts.findAllById(anyList())).thenAnswer(asked -> views.stream()
                .filter(post -> asked.<List<String>>getArgument(0).contains(post.getId())).toList());
    }

    private static AuthorPosts.Key key(String authorId, PageArgs page) {
        return new AuthorPosts.Key(authorId, page, StatusFilter.ALL, PostSort.NEWEST);
    }

    private static List<String> ids(Connection<PostView> page) {
        return page.edges().stream().map(edge -> edge.node().getId()).toList();
    }

    record Statement(String sql, Map<String, Object> parameters) {
    }

    /** PostgreSQL's answer to the numbering statement, as scripted rows; it records each statement it is sent. */
    private static final class NumberedRows extends NamedParameterJdbcTemplate {

        final List<Statement> statements = new ArrayList<>();
        private final List<Object[]> rows = new ArrayList<>();

        NumberedRows() {
            super(new JdbcTemplate());
        }

        NumberedRows row(String id, String authorId, long total, long position) {
            rows.add(new Object[] {id, authorId, total, position});
            return this;
        }

        @Override
        public <T> List<T> query(String sql, SqlParameterSource parameters, RowMapper<T> mapper) {
            Map<String, Object> values = new HashMap<>();
            for (String name : parameters.getParameterNames()) {
                values.put(name, parameters.getValue(name));
            }
            statements.add(new Statement(sql, values));
            try (CachedRowSet result = RowSetProvider.newFactory().createCachedRowSet()) {
                RowSetMetaDataImpl columns = new RowSetMetaDataImpl();
                columns.setColumnCount(4);
                columns.setColumnType(1, Types.VARCHAR);
                columns.setColumnType(2, Types.VARCHAR);
                columns.setColumnType(3, Types.BIGINT);
                columns.setColumnType(4, Types.BIGINT);
                result.setMetaData(columns);
                for (Object[] row : rows) {
                    result.moveToInsertRow();
                    result.updateString(1, (String) row[0]);
                    result.updateString(2, (String) row[1]);
                    result.updateLong(3, (Long) row[2]);
                    result.updateLong(4, (Long) row[3]);
                    result.insertRow();
                }
                result.moveToCurrentRow();
                result.beforeFirst();
                List<T> mapped = new ArrayList<>();
                while (result.next()) {
                    mapped.add(mapper.mapRow(result, mapped.size()));
                }
                return mapped;
            } catch (SQLException e) {
                throw new IllegalStateException(e);
            }
        }
    }
}
