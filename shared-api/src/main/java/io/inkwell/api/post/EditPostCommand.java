package io.inkwell.api.post;

import io.inkwell.api.Actor;
import java.util.List;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.axonframework.modelling.command.TargetAggregateVersion;

/** Change a post's title, content and/or tags; a {@code null} field stays as it is. */
public record EditPostCommand(@TargetAggregateIdentifier String postId, String title, String content,
                              List<String> tags, @TargetAggregateVersion Long expectedVersion, Actor actor) {
}
