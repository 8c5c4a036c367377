package io.inkwell.query.graphql;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.inkwell.query.web.InvalidParameterException;
import org.junit.jupiter.api.Test;

/** GraphQL's arguments are refused where REST's Bean Validation refuses the same parameters, and named alike. */
class ArgumentsTest {

    @Test
    void takesAValueUpToTheLimitAndRefusesOneCharacterMoreNamingTheArgument() {
        assertThat(Arguments.atMost("q", "x".repeat(20), 20)).isEqualTo("x".repeat(20));
        assertThat(Arguments.atMost("q", null, 20)).isNull();
        assertThatThrownBy(() -> Arguments.atMost("q", "x".repeat(21), 20))
                .isInstanceOfSatisfying(InvalidParameterException.class, e -> {
                    assertThat(e.parameter()).isEqualTo("q");
                    assertThat(e.getMessage()).isEqualTo("size must be between 0 and 20");
                });
    }

    @Test
    void readsATagAsItIsStored() {
        assertThat(Arguments.tag("  Java ")).isEqualTo("java");
        assertThat(Arguments.tag(null)).isNull();
        assertThat(Arguments.tag("t".repeat(50))).hasSize(50);
        assertThatThrownBy(() -> Arguments.tag("t".repeat(51)))
                .isInstanceOfSatisfying(InvalidParameterException.class, e -> assertThat(e.parameter()).isEqualTo("tag"));
    }

    @Test
    void takesAMinimumVersionFromOne() {
        assertThat(Arguments.minVersion(null)).isNull();
        assertThat(Arguments.minVersion(1)).isEqualTo(1L);
        assertThat(Arguments.minVersion(7)).isEqualTo(7L);
        assertThatThrownBy(() -> Arguments.minVersion(0))
                .isInstanceOfSatisfying(InvalidParameterException.class, e -> {
                    assertThat(e.parameter()).isEqualTo("minVersion");
                    assertThat(e.getMessage()).isEqualTo("must be greater than or equal to 1");
                });
    }
}
