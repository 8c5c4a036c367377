package io.inkwell.api.user;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Register a profile for the identity (token issuer and subject) that sends it. */
public record RegisterUserCommand(@TargetAggregateIdentifier String userId, String name, String email,
                                  String issuer, String subject) {
}
