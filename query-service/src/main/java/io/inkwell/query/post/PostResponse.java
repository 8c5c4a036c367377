package io.inkwell.query.post;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;
import java.util.List;

/** A post as the API shows it; the author's name comes from the users read model, not from post events. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record PostResponse(String id, String slug, String title, String content, List<String> tags, String status,
                           Author author, long version, Instant createdAt, Instant updatedAt, Instant publishedAt) {

    public record Author(String id, String name) {
    }
}
