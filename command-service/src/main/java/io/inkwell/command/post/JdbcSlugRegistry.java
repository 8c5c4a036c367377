package io.inkwell.command.post;

import io.inkwell.command.domain.Rejection;
import io.inkwell.support.web.Problem;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** {@link SlugRegistry} on a table whose primary key is the slug. */
@Component
class JdbcSlugRegistry implements SlugRegistry {

    private static final int SUFFIXES_TO_TRY = 50;

    private final JdbcClient jdbc;

    JdbcSlugRegistry(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public String claim(String slug, String postId) {
        if (!tryClaim(slug, postId)) {
            throw new Rejection(Problem.SLUG_TAKEN.code(), "The slug '" + slug + "' is already used by another post");
        }
        return slug;
    }

    @Override
    public String claimDerivedFrom(String title, String postId) {
        String base = Slugs.fromTitle(title);
        for (int n = 1; n <= SUFFIXES_TO_TRY; n++) {
            String candidate = n == 1 ? base : base + "-" + n;
            if (tryClaim(candidate, postId)) {
                return candidate;
            }
        }
        // A title used fifty times over: a random suffix ends the search.
        return claim(base + "-" + UUID.randomUUID().toString().substring(0, 8), postId);
    }

    private boolean tryClaim(String slug, String postId) {
        return jdbc.sql("INSERT INTO post_slugs (slug, post_id) VALUES (:slug, :postId) ON CONFLICT DO NOTHING")
                .param("slug", slug).param("postId", postId).update() == 1;
    }
}
