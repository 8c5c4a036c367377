package io.inkwell.api.post;

import io.inkwell.api.Actor;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.axonframework.modelling.command.TargetAggregateVersion;

/** Make a post visible to readers. */
public record PublishPostCommand(@TargetAggregateIdentifier String postId,
                              @TargetAggregateVersion Long expectedVersion, Actor actor) {
}
