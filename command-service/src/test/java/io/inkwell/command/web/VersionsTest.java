package io.inkwell.command.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The version clients see is Axon's sequence number plus one, and If-Match names it as a strong ETag. */
class VersionsTest {

    @Test
    void countsTheCreationAsVersionOne() {
        assertThat(Versions.fromSequence(0L)).isEqualTo(Versions.CREATED).isEqualTo(1);
        assertThat(Versions.fromSequence(4)).isEqualTo(5);
        assertThat(Versions.etag(5)).isEqualTo("\"5\"");
    }

    @Test
    void turnsAStrongEtagIntoTheSequenceNumberTheCommandMustFind() {
        assertThat(Versions.expectedSequence("\"1\"")).isZero();
        assertThat(Versions.expectedSequence(" \"12\" ")).isEqualTo(11);
        assertThat(Versions.expectedSequence("\"999999999999999999\"")).isEqualTo(999_999_999_999_999_998L);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "  ", "*", " * "})
    void setsNoPreconditionWithoutATagOrWithAWildcard(String ifMatch) {
        assertThat(Versions.expectedSequence(ifMatch)).isNull();
        assertThat(Versions.expectedSequence((String) null)).isNull();
    }

    @ParameterizedTest
    @ValueSource(strings = {"W/\"3\"", "3", "\"0\"", "\"-1\"", "\"3\", \"4\"", "\"abc\"", "\"1234567890123456789\""})
    void failsThePreconditionOfATagThatCanNeverMatch(String ifMatch) {
        assertThatThrownBy(() -> Versions.expectedSequence(ifMatch))
                .isInstanceOf(Versions.PreconditionFailedException.class)
                .hasMessageContaining("one strong ETag");
    }

    @Test
    void turnsAnExpectedVersionIntoTheSequenceNumberTheCommandMustFind() {
        assertThat(Versions.expectedSequence((Integer) null)).isNull();
        assertThat(Versions.expectedSequence(1)).isZero();
        assertThat(Versions.expectedSequence(7)).isEqualTo(6);
        assertThat(Versions.expectedSequence(Integer.MAX_VALUE)).isEqualTo(Integer.MAX_VALUE - 1L);
    }

    @ParameterizedTest
    @ValueSource(ints = {0, -1, Integer.MIN_VALUE})
    void failsThePreconditionOfAnExpectedVersionNoAggregateHas(int expectedVersion) {
        assertThatThrownBy(() -> Versions.expectedSequence(expectedVersion))
                .isInstanceOf(Versions.PreconditionFailedException.class)
                .hasMessage("expectedVersion must be a version that a write answered (1 or more)");
    }
}
