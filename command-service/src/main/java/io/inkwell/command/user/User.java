package io.inkwell.command.user;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;
import static org.axonframework.modelling.command.AggregateLifecycle.getVersion;

import io.inkwell.api.Actor;
import io.inkwell.api.user.DeleteUserCommand;
import io.inkwell.api.user.RegisterUserCommand;
import io.inkwell.api.user.UpdateUserCommand;
import io.inkwell.api.user.UserDeletedEvent;
import io.inkwell.api.user.UserEmailChangedEvent;
import io.inkwell.api.user.UserRegisteredEvent;
import io.inkwell.api.user.UserRenamedEvent;
import io.inkwell.command.domain.Rejection;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.spring.stereotype.Aggregate;

/**
 * A person's profile. One per identity; the email is unique across all profiles (case-insensitive), which
 * {@link UserClaims} guarantees in the same transaction as the events.
 */
@Aggregate
class User {

    @AggregateIdentifier
    private String userId;
    private String name;
    private String email;
    private String issuer;
    private String subject;
    private boolean deleted;

    User() {
        // for Axon
    }

    @CommandHandler
    User(RegisterUserCommand command, UserClaims claims) {
        claims.claimIdentity(command.issuer(), command.subject(), command.userId());
        claims.claimEmail(command.email(), command.userId());
        apply(new UserRegisteredEvent(command.userId(), command.name().strip(), command.email().strip(),
                command.issuer(), command.subject()));
    }

    @CommandHandler
    long handle(UpdateUserCommand command, UserClaims claims) {
        requireChangeableBy(command.actor());
        if (command.name() != null && !command.name().strip().equals(name)) {
            apply(new UserRenamedEvent(userId, command.name().strip()));
        }
        if (command.email() != null && !command.email().strip().equals(email)) {
            claims.changeEmail(email, command.email().strip(), userId);
            apply(new UserEmailChangedEvent(userId, command.email().strip()));
        }
        return getVersion();
    }

    @CommandHandler
    long handle(DeleteUserCommand command, UserClaims claims) {
        requireChangeableBy(command.actor());
        // The claims hold personal data (the email) and the identity link: both go, so the person may
        // register again and nothing outside the history still names them.
        claims.release(issuer, subject, email);
        apply(new UserDeletedEvent(userId));
        return getVersion();
    }

    private void requireChangeableBy(Actor actor) {
        if (deleted) {
            throw new Rejection("user-deleted", "User " + userId + " has been deleted");
        }
        if (!actor.is(userId) && !actor.isAdmin()) {
            throw new Rejection("not-profile-owner", "Only the user themself or an admin may change this profile");
        }
    }

    @EventSourcingHandler
    void on(UserRegisteredEvent event) {
        userId = event.userId();
        name = event.name();
        email = event.email();
        issuer = event.issuer();
        subject = event.subject();
    }

    @EventSourcingHandler
    void on(UserRenamedEvent event) {
        name = event.name();
    }

    @EventSourcingHandler
    void on(UserEmailChangedEvent event) {
        email = event.email();
    }

    @EventSourcingHandler
    void on(UserDeletedEvent event) {
        deleted = true;
    }
}
