package io.inkwell.command.post;

import io.inkwell.command.domain.Rejection;
import java.util.HashMap;
import java.util.Map;

/** {@link SlugRegistry} in a map, with the same rules as the JDBC one, for aggregate tests. */
class InMemorySlugRegistry implements SlugRegistry {

    final Map<String, String> slugs = new HashMap<>();

    @Override
    public String claim(String slug, String postId) {
        if (slugs.putIfAbsent(slug, postId) != null) {
            throw new Rejection("slug-taken", "taken");
        }
        return slug;
    }

    @Override
    public String claimDerivedFrom(String title, String postId) {
        String base = Slugs.fromTitle(title);
        String candidate = base;
        for (int n = 2; slugs.containsKey(candidate); n++) {
            candidate = base + "-" + n;
        }
        return claim(candidate, postId);
    }
}
