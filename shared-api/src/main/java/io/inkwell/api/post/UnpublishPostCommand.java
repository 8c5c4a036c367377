package io.inkwell.api.post;

import io.inkwell.api.Actor;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.axonframework.modelling.command.TargetAggregateVersion;

/** Take a published post back to draft. */
public record UnpublishPostCommand(@TargetAggregateIdentifier String postId,
                              @TargetAggregateVersion Long expectedVersion, Actor actor) {
}
