package io.inkwell.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ActorTest {

    @Test
    void isTheCallerWhoseProfileIdItCarries() {
        Actor alice = new Actor("alice", Set.of(Actor.ROLE_USER));

        assertThat(alice.is("alice")).isTrue();
        assertThat(alice.is("bob")).isFalse();
        assertThat(alice.is(null)).isFalse();
    }

    @Test
    void aCallerWithoutAProfileIsNobody() {
        Actor unregistered = new Actor(null, Set.of(Actor.ROLE_USER));

        assertThat(unregistered.is(null)).isFalse();
        assertThat(unregistered.is("alice")).isFalse();
    }

    @Test
    void moderatorsAndAdminsModerateButOnlyAdminsAdminister() {
        assertThat(new Actor("u", Set.of(Actor.ROLE_USER)).isModerator()).isFalse();
        assertThat(new Actor("u", Set.of(Actor.ROLE_ANALYST)).isModerator()).isFalse();
        assertThat(new Actor("m", Set.of(Actor.ROLE_MODERATOR)).isModerator()).isTrue();
        assertThat(new Actor("m", Set.of(Actor.ROLE_MODERATOR)).isAdmin()).isFalse();
        assertThat(new Actor("a", Set.of(Actor.ROLE_ADMIN)).isModerator()).isTrue();
        assertThat(new Actor("a", Set.of(Actor.ROLE_ADMIN)).isAdmin()).isTrue();
    }

    @Test
    void missingRolesAreNoRolesAndTheRolesCannotChangeAfterwards() {
        assertThat(new Actor("u", null).roles()).isEmpty();

        Set<String> roles = new HashSet<>(Set.of(Actor.ROLE_USER));
        Actor actor = new Actor("u", roles);
        roles.add(Actor.ROLE_ADMIN);

        assertThat(actor.isAdmin()).isFalse();
    }
}
