package io.inkwell.query.post;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import io.inkwell.query.post.PostController.StatusFilter;
import io.inkwell.query.post.PostView.Status;
import io.inkwell.query.security.Viewer;
import jakarta.persistence.criteria.CriteriaBuilder;
import jakarta.persistence.criteria.CriteriaQuery;
import jakarta.persistence.criteria.Path;
import jakarta.persistence.criteria.Predicate;
import jakarta.persistence.criteria.Root;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.data.jpa.domain.Specification;
import org.springframework.test.util.ReflectionTestUtils;

/** Who sees which post, in a single post and in lists: the visibility rule without a database. */
class PostFiltersTest {

    private static final Viewer ALICE = viewer("alice", "user");
    private static final Viewer BOB = viewer("bob", "user");
    private static final Viewer MODERATOR = viewer("mod", "moderator");
    private static final Viewer ADMIN = viewer(null, "admin");
    private static final Viewer SIGNED_IN_WITHOUT_PROFILE = new Viewer("iss", "sub", Set.of("user"), Optional.empty());

    @SuppressWarnings("unchecked")
    private final Root<PostView> root = mock(Root.class);
    private final CriteriaQuery<?> query = mock(CriteriaQuery.class);
    private final CriteriaBuilder cb = mock(CriteriaBuilder.class);
    @SuppressWarnings("unchecked")
    private final Path<Object> status = mock(Path.class);
    @SuppressWarnings("unchecked")
    private final Path<Object> author = mock(Path.class);
    @SuppressWarnings("unchecked")
    private final Path<java.util.List<String>> tags = mock(Path.class);
    private final Predicate isPublished = mock(Predicate.class, "published");
    private final Predicate isDraft = mock(Predicate.class, "draft");
    private final Predicate byAlice = mock(Predicate.class, "by alice");
    private final Predicate aliceDrafts = mock(Predicate.class, "alice's drafts");
    private final Predicate nothing = mock(Predicate.class, "nothing");

    @BeforeEach
    void criteria() {
        when(root.get("status")).thenReturn(status);
        when(root.get("authorId")).thenReturn(author);
        when(root.<java.util.List<String>>get("tags")).thenReturn(tags);
        when(cb.equal(status, Status.PUBLISHED)).thenReturn(isPublished);
        when(cb.equal(status, Status.DRAFT)).thenReturn(isDraft);
        when(cb.equal(author, "alice")).thenReturn(byAlice);
        when(cb.and(isDraft, byAlice)).thenReturn(aliceDrafts);
        when(cb.disjunction()).thenReturn(nothing);
    }

    @Test
    void showsPublishedPostsToEveryoneDraftsToTheirAuthorAndModeratorsAndDeletedPostsToNoOne() {
        PostView published = post("alice", Status.PUBLISHED);
        PostView draft = post("alice", Status.DRAFT);
        PostView deleted = post("alice", Status.DELETED);

        assertThat(PostFilters.mayRead(Viewer.ANONYMOUS, published)).isTrue();
        assertThat(PostFilters.mayRead(Viewer.ANONYMOUS, draft)).isFalse();
        assertThat(PostFilters.mayRead(BOB, draft)).isFalse();
        assertThat(PostFilters.mayRead(SIGNED_IN_WITHOUT_PROFILE, draft)).isFalse();
        assertThat(PostFilters.mayRead(ALICE, draft)).isTrue();
        assertThat(PostFilters.mayRead(MODERATOR, draft)).isTrue();
        assertThat(PostFilters.mayRead(ADMIN, draft)).isTrue();
        for (Viewer anyone : new Viewer[] {Viewer.ANONYMOUS, ALICE, MODERATOR, ADMIN}) {
            assertThat(PostFilters.mayRead(anyone, deleted)).isFalse();
        }
    }

    @Test
    void listsOnlyPublishedPostsWhenAskedForThem() {
        assertThat(predicate(PostFilters.visibleTo(MODERATOR, StatusFilter.PUBLISHED))).isSameAs(isPublished);
    }

    @Test
    void listsTheirOwnDraftsToAuthors() {
        assertThat(predicate(PostFilters.visibleTo(ALICE, StatusFilter.DRAFT))).isSameAs(aliceDrafts);
    }

    @Test
    void listsEveryonesDraftsToModeratorsAndAdmins() {
        assertThat(predicate(PostFilters.visibleTo(MODERATOR, StatusFilter.DRAFT))).isSameAs(isDraft);
        assertThat(predicate(PostFilters.visibleTo(ADMIN, StatusFilter.DRAFT))).isSameAs(isDraft);
    }

    @Test
    void listsNoDraftsToAnonymousReadersOrCallersWithoutAProfile() {
        assertThat(predicate(PostFilters.visibleTo(Viewer.ANONYMOUS, StatusFilter.DRAFT))).isSameAs(nothing);
        assertThat(predicate(PostFilters.visibleTo(SIGNED_IN_WITHOUT_PROFILE, StatusFilter.DRAFT))).isSameAs(nothing);
    }

    @Test
    void listsPublishedPostsAndTheVisibleDraftsForAll() {
        Predicate either = mock(Predicate.class, "either");
        when(cb.or(isPublished, aliceDrafts)).thenReturn(either);

        assertThat(predicate(PostFilters.visibleTo(ALICE, StatusFilter.ALL))).isSameAs(either);
    }

    @Test
    void filtersByAuthorAndTagOnlyWhenGiven() {
        Predicate tagged = mock(Predicate.class, "tagged");
        when(cb.isMember("java", tags)).thenReturn(tagged);

        assertThat(predicate(PostFilters.byAuthor("alice"))).isSameAs(byAlice);
        assertThat(predicate(PostFilters.taggedWith("java"))).isSameAs(tagged);
        assertThat(PostFilters.byAuthor(null).toPredicate(root, query, cb)).isNull();
        assertThat(PostFilters.taggedWith(null).toPredicate(root, query, cb)).isNull();
    }

    private Predicate predicate(Specification<PostView> specification) {
        return specification.toPredicate(root, query, cb);
    }

    private static Viewer viewer(String userId, String role) {
        return new Viewer("iss", "sub-" + userId, Set.of(role), Optional.ofNullable(userId));
    }

    private static PostView post(String authorId, Status status) {
        PostView post = new PostView();
        ReflectionTestUtils.setField(post, "authorId", authorId);
        ReflectionTestUtils.setField(post, "status", status);
        return post;
    }
}
