package io.inkwell.query.projection;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class PostgresTextTest {

    @Test
    void replacesEveryNulAndKeepsTheRestOfTheText() {
        assertThat(PostgresText.of("a\u0000b\u0000")).isEqualTo("a\uFFFDb\uFFFD");
        assertThat(PostgresText.of("\u0000")).isEqualTo("\uFFFD");
    }

    @Test
    void leavesTextWithoutNulAndMissingTextAlone() {
        String clean = "caf\u00e9 \uD83D\uDE00";
        assertThat(PostgresText.of(clean)).isSameAs(clean);
        assertThat(PostgresText.of(null)).isNull();
    }
}
