package io.inkwell.command.post;

import io.inkwell.support.validation.CleanText;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.util.List;

/** The body of {@code PUT /posts/{id}}: fields left out stay as they are; tags, when given, replace all. */
record EditPostRequest(
        @Size(min = 1, max = 255) @CleanText String title,
        @Size(max = 100_000) @CleanText String content,
        @Size(max = 10) List<@NotBlank @Size(max = 50) @CleanText String> tags) {

    EditPostRequest {
        title = PostRequests.trim(title);
        tags = PostRequests.trim(tags);
    }
}
