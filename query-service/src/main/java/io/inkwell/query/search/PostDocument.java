package io.inkwell.query.search;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;
import java.util.List;

/**
 * A post in the search index. Posts that are not published (drafts, deleted posts) stay in the index as a
 * bare {@code hidden} document: its version keeps a late, older event from bringing the post back.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record PostDocument(String id, String status, String title, String content, List<String> tags,
                           String authorId, String slug, Instant publishedAt, Instant updatedAt) {

    static final String PUBLISHED = "published";
    static final String HIDDEN = "hidden";

    static PostDocument hidden(String id) {
        return new PostDocument(id, HIDDEN, null, null, null, null, null, null, null);
    }
}
