package io.inkwell.api.user;

import io.inkwell.api.Actor;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.axonframework.modelling.command.TargetAggregateVersion;

/** Deactivate a profile and release its email for others. */
public record DeleteUserCommand(@TargetAggregateIdentifier String userId,
                                @TargetAggregateVersion Long expectedVersion, Actor actor) {
}
