package io.inkwell.api.post;

import io.inkwell.api.Actor;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.axonframework.modelling.command.TargetAggregateVersion;

/** Delete a post; it accepts no further changes. */
public record DeletePostCommand(@TargetAggregateIdentifier String postId,
                              @TargetAggregateVersion Long expectedVersion, Actor actor) {
}
