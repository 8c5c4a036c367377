package io.inkwell.command.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

class CallerTest {

    @Test
    void actsWithItsProfileAndRolesOrAsNobodyWithoutAProfile() {
        Caller registered = new Caller("https://issuer.test", "sub-1", Set.of("user"), Optional.of("user-1"));
        Caller unregistered = new Caller("https://issuer.test", "sub-2", Set.of("moderator"), Optional.empty());

        assertThat(registered.actor().userId()).isEqualTo("user-1");
        assertThat(registered.actor().roles()).containsExactly("user");
        assertThat(unregistered.actor().userId()).isNull();
        assertThat(unregistered.actor().isModerator()).isTrue();
    }

    @Test
    void isKeyedByIssuerAndSubjectSoThatTwoIssuersSubjectsNeverMix() {
        assertThat(new Caller("https://a.test", "sub-1", Set.of(), Optional.empty()).key()).isEqualTo("https://a.test|sub-1");
        assertThat(new Caller("https://b.test", "sub-1", Set.of(), Optional.empty()).key()).isNotEqualTo(
                new Caller("https://a.test", "sub-1", Set.of(), Optional.empty()).key());
    }
}
