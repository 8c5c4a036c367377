package io.inkwell.api.user;

import io.inkwell.api.Actor;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.axonframework.modelling.command.TargetAggregateVersion;

/** Change a profile's name and/or email; a {@code null} field stays as it is. */
public record UpdateUserCommand(@TargetAggregateIdentifier String userId, String name, String email,
                                @TargetAggregateVersion Long expectedVersion, Actor actor) {
}
