package io.inkwell.api.post;

import org.axonframework.serialization.Revision;

/** A post was deleted; it accepts no further changes. */
@Revision("1")
public record PostDeletedEvent(String postId) {
}
