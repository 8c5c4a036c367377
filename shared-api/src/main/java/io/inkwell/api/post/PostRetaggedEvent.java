package io.inkwell.api.post;

import java.util.List;
import org.axonframework.serialization.Revision;

/** A post's tags changed; the event carries the whole new set. */
@Revision("1")
public record PostRetaggedEvent(String postId, List<String> tags) {
}
