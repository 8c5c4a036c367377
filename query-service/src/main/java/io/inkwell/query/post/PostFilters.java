package io.inkwell.query.post;

import io.inkwell.query.post.PostController.StatusFilter;
import io.inkwell.query.security.Viewer;
import org.springframework.data.jpa.domain.Specification;

/** The visibility rule and the list filters, as JPA specifications built from parameters, never from strings. */
final class PostFilters {

    private PostFilters() {
    }

    /** Published posts to everyone; drafts to their author and moderators; deleted posts to no one. */
    static boolean mayRead(Viewer viewer, PostView post) {
        return mayRead(viewer, post.getStatus(), post.getAuthorId());
    }

    static boolean mayRead(Viewer viewer, PostView.Status status, String authorId) {
        return switch (status) {
            case PUBLISHED -> true;
            case DRAFT -> viewer.maySeeDraftOf(authorId);
            case DELETED -> false;
        };
    }

    static Specification<PostView> visibleTo(Viewer viewer, StatusFilter filter) {
        Specification<PostView> published = (post, query, cb) -> cb.equal(post.get("status"), PostView.Status.PUBLISHED);
        Specification<PostView> visibleDrafts = (post, query, cb) -> {
            var draft = cb.equal(post.get("status"), PostView.Status.DRAFT);
            if (viewer.isModerator()) {
                return draft;
            }
            return viewer.userId().map(id -> cb.and(draft, cb.equal(post.get("authorId"), id))).orElse(cb.disjunction());
        };
        return switch (filter) {
            case PUBLISHED -> published;
            case DRAFT -> visibleDrafts;
            case ALL -> published.or(visibleDrafts);
        };
    }

    static Specification<PostView> byAuthor(String authorId) {
        return authorId == null ? Specification.unrestricted() : (post, query, cb) -> cb.equal(post.get("authorId"), authorId);
    }

    static Specification<PostView> taggedWith(String tag) {
        return tag == null ? Specification.unrestricted() : (post, query, cb) -> cb.isMember(tag, post.get("tags"));
    }
}
