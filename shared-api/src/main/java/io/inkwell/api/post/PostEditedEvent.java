package io.inkwell.api.post;

import org.axonframework.serialization.Revision;

/** A post's title or content changed; the event carries both as they are now. */
@Revision("1")
public record PostEditedEvent(String postId, String title, String content) {
}
