package io.inkwell.api.post;

import org.axonframework.serialization.Revision;

/** A draft became visible to readers. */
@Revision("1")
public record PostPublishedEvent(String postId) {
}
