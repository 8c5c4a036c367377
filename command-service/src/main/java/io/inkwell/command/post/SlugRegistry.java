package io.inkwell.command.post;

/**
 * Slugs are unique across all posts and stay with their post for good, so that links never change
 * their target. Claims are taken in the transaction that appends the events.
 */
interface SlugRegistry {

    /**
     * Claims the slug the author asked for.
     *
     * @return the slug
     * @throws io.inkwell.command.domain.Rejection (conflict) if another post has it
     */
    String claim(String slug, String postId);

    /** Claims the slug derived from the title, or the first free one of "slug-2", "slug-3", … */
    String claimDerivedFrom(String title, String postId);
}
