package io.inkwell.command.user;

import static org.assertj.core.api.Assertions.assertThat;

import io.inkwell.api.Actor;
import io.inkwell.api.user.DeleteUserCommand;
import io.inkwell.api.user.RegisterUserCommand;
import io.inkwell.api.user.UpdateUserCommand;
import io.inkwell.api.user.UserDeletedEvent;
import io.inkwell.api.user.UserEmailChangedEvent;
import io.inkwell.api.user.UserRegisteredEvent;
import io.inkwell.api.user.UserRenamedEvent;
import io.inkwell.command.domain.Rejection;
import java.util.Set;
import org.axonframework.modelling.command.ConflictingAggregateVersionException;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.matchers.Matchers;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class UserTest {

    private static final String ID = "user-1";
    private static final String ISSUER = "https://issuer.test";
    private static final UserRegisteredEvent REGISTERED =
            new UserRegisteredEvent(ID, "Alice Writer", "alice@inkwell.test", ISSUER, "alice-sub");
    private static final Actor SELF = new Actor(ID, Set.of("user"));
    private static final Actor SOMEONE_ELSE = new Actor("user-2", Set.of("user"));
    private static final Actor ADMIN = new Actor(null, Set.of("admin"));

    private AggregateTestFixture<User> fixture;
    private InMemoryUserClaims claims;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(User.class);
        claims = new InMemoryUserClaims();
        fixture.registerInjectableResource(claims);
    }

    @Test
    void registersAProfileWithTrimmedNameAndClaimsItsEmailAndIdentity() {
        fixture.givenNoPriorActivity()
                .when(new RegisterUserCommand(ID, "  Alice Writer ", "alice@inkwell.test", ISSUER, "alice-sub"))
                .expectEvents(REGISTERED);
        assertThat(claims.emails).containsEntry("alice@inkwell.test", ID);
        assertThat(claims.identities).containsEntry(ISSUER + "|alice-sub", ID);
    }

    @Test
    void rejectsRegistrationWithAnEmailTakenInAnyCase() {
        claims.emails.put("alice@inkwell.test", "someone");
        fixture.givenNoPriorActivity()
                .when(new RegisterUserCommand(ID, "Alice", "ALICE@inkwell.test", ISSUER, "alice-sub"))
                .expectNoEvents()
                .expectException(Matchers.predicate(e -> e instanceof Rejection r && r.code().equals("email-taken")));
    }

    @Test
    void rejectsASecondProfileForTheSameIdentity() {
        claims.identities.put(ISSUER + "|alice-sub", "user-0");
        fixture.givenNoPriorActivity()
                .when(new RegisterUserCommand(ID, "Alice", "other@inkwell.test", ISSUER, "alice-sub"))
                .expectNoEvents()
                .expectException(Matchers.predicate(e -> e instanceof Rejection r
                        && r.code().equals("identity-already-registered")));
    }

    @Test
    void renamesAndChangesEmailOnTheUsersOwnRequest() {
        claims.emails.put("alice@inkwell.test", ID);
        fixture.given(REGISTERED)
                .when(new UpdateUserCommand(ID, "Alice W.", "alice@new.test", null, SELF))
                .expectEvents(new UserRenamedEvent(ID, "Alice W."), new UserEmailChangedEvent(ID, "alice@new.test"))
                .expectResultMessagePayload(2L);
        assertThat(claims.emails).containsOnlyKeys("alice@new.test");
    }

    @Test
    void changesNothingWhenTheValuesAreTheSame() {
        fixture.given(REGISTERED)
                .when(new UpdateUserCommand(ID, "Alice Writer", "alice@inkwell.test", null, SELF))
                .expectNoEvents()
                .expectResultMessagePayload(0L);
    }

    @Test
    void letsAnAdminChangeAnyProfile() {
        fixture.given(REGISTERED)
                .when(new UpdateUserCommand(ID, "Renamed", null, null, ADMIN))
                .expectEvents(new UserRenamedEvent(ID, "Renamed"));
    }

    @Test
    void rejectsChangesBySomeoneElse() {
        fixture.given(REGISTERED)
                .when(new UpdateUserCommand(ID, "Mallory", null, null, SOMEONE_ELSE))
                .expectNoEvents()
                .expectException(Matchers.predicate(e -> e instanceof Rejection r
                        && r.code().equals("not-profile-owner")));
    }

    @Test
    void rejectsAnUpdateAgainstAStaleVersion() {
        fixture.given(REGISTERED, new UserRenamedEvent(ID, "Alice 2"))
                .when(new UpdateUserCommand(ID, "Alice 3", null, 0L, SELF))
                .expectNoEvents()
                .expectException(ConflictingAggregateVersionException.class);
    }

    @Test
    void deletesAndReleasesEmailAndIdentity() {
        claims.emails.put("alice@inkwell.test", ID);
        claims.identities.put(ISSUER + "|alice-sub", ID);
        fixture.given(REGISTERED)
                .when(new DeleteUserCommand(ID, null, SELF))
                .expectEvents(new UserDeletedEvent(ID))
                // The sequence number of the deletion, which UserWrites answers as version 2.
                .expectResultMessagePayload(1L);
        assertThat(claims.emails).isEmpty();
        assertThat(claims.identities).isEmpty();
    }

    @Test
    void rejectsChangesToADeletedUser() {
        fixture.given(REGISTERED, new UserDeletedEvent(ID))
                .when(new UpdateUserCommand(ID, "Back again", null, null, SELF))
                .expectNoEvents()
                .expectException(Matchers.predicate(e -> e instanceof Rejection r && r.code().equals("user-deleted")));
    }

    @Test
    void changesOnlyTheEmailWhenTheNameIsLeftOut() {
        claims.emails.put("alice@inkwell.test", ID);
        fixture.given(REGISTERED)
                .when(new UpdateUserCommand(ID, null, " alice@new.test ", null, SELF))
                .expectEvents(new UserEmailChangedEvent(ID, "alice@new.test"))
                .expectResultMessagePayload(1L);
        assertThat(claims.emails).containsOnly(java.util.Map.entry("alice@new.test", ID));
    }

    @Test
    void comparesAnEmailChangeWithTheLatestEmailAndReleasesThatOneOnDeletion() {
        claims.emails.put("alice@new.test", ID);
        fixture.given(REGISTERED, new UserEmailChangedEvent(ID, "alice@new.test"))
                .when(new UpdateUserCommand(ID, null, "alice@new.test", null, SELF))
                .expectNoEvents();
        fixture.given(REGISTERED, new UserEmailChangedEvent(ID, "alice@new.test"))
                .when(new UpdateUserCommand(ID, null, "alice@inkwell.test", null, SELF))
                .expectEvents(new UserEmailChangedEvent(ID, "alice@inkwell.test"));
        assertThat(claims.emails).containsOnlyKeys("alice@inkwell.test");

        claims.emails.clear();
        claims.emails.put("alice@new.test", ID);
        fixture.given(REGISTERED, new UserEmailChangedEvent(ID, "alice@new.test"))
                .when(new DeleteUserCommand(ID, null, SELF))
                .expectEvents(new UserDeletedEvent(ID));
        assertThat(claims.emails).isEmpty();
    }

    @Test
    void rejectsAnEmailThatAnotherProfileHasAndKeepsTheOldOne() {
        claims.emails.put("alice@inkwell.test", ID);
        claims.emails.put("bob@inkwell.test", "user-2");
        fixture.given(REGISTERED)
                .when(new UpdateUserCommand(ID, null, "BOB@inkwell.test", null, SELF))
                .expectNoEvents()
                .expectException(Matchers.predicate(e -> e instanceof Rejection r && r.code().equals("email-taken")));
        assertThat(claims.emails).containsEntry("alice@inkwell.test", ID).containsEntry("bob@inkwell.test", "user-2");
    }

    @Test
    void comparesARenameWithTheLatestName() {
        fixture.given(REGISTERED, new UserRenamedEvent(ID, "Alice 2"))
                .when(new UpdateUserCommand(ID, " Alice 2 ", null, null, SELF))
                .expectNoEvents();
    }

    @Test
    void rejectsADeletionBySomeoneElseAndKeepsTheClaims() {
        claims.emails.put("alice@inkwell.test", ID);
        claims.identities.put(ISSUER + "|alice-sub", ID);
        fixture.given(REGISTERED)
                .when(new DeleteUserCommand(ID, null, SOMEONE_ELSE))
                .expectNoEvents()
                .expectException(Matchers.predicate(e -> e instanceof Rejection r && r.code().equals("not-profile-owner")));
        assertThat(claims.emails).containsKey("alice@inkwell.test");
        assertThat(claims.identities).isNotEmpty();
    }

    @Test
    void letsAnAdminDeleteAnyProfile() {
        fixture.given(REGISTERED)
                .when(new DeleteUserCommand(ID, null, ADMIN))
                .expectEvents(new UserDeletedEvent(ID));
    }

    @Test
    void rejectsDeletingADeletedUser() {
        fixture.given(REGISTERED, new UserDeletedEvent(ID))
                .when(new DeleteUserCommand(ID, null, ADMIN))
                .expectNoEvents()
                .expectException(Matchers.predicate(e -> e instanceof Rejection r && r.code().equals("user-deleted")));
    }
}
