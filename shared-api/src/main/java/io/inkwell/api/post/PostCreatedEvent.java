package io.inkwell.api.post;

import java.util.List;
import org.axonframework.serialization.Revision;

/** An author wrote a new draft. Tags are normalised (lower case, unique, in the order given). */
@Revision("1")
public record PostCreatedEvent(String postId, String authorId, String title, String content, List<String> tags,
                               String slug) {
}
