package io.inkwell.api.post;

import org.axonframework.serialization.Revision;

/** A published post went back to being a draft. */
@Revision("1")
public record PostUnpublishedEvent(String postId) {
}
