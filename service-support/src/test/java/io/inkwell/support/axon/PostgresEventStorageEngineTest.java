package io.inkwell.support.axon;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.SplittableRandom;
import org.axonframework.common.DateTimeUtils;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class PostgresEventStorageEngineTest {

    @Test
    void readsEveryTimeAxonWritesAsAxonDoes() {
        SplittableRandom random = new SplittableRandom(26);
        long from = Instant.parse("1970-01-01T00:00:00Z").toEpochMilli();
        long to = Instant.parse("2400-12-31T23:59:59.999Z").toEpochMilli();
        for (int i = 0; i < 100_000; i++) {
            String written = DateTimeUtils.formatInstant(Instant.ofEpochMilli(random.nextLong(from, to)));
            assertThat(PostgresEventStorageEngine.parse(written)).as(written).isEqualTo(DateTimeUtils.parseInstant(written));
        }
    }

    @Test
    void readsLeapDaysAndTheEdgesOfADay() {
        for (String written : new String[] {"2024-02-29T00:00:00.000Z", "2026-12-31T23:59:59.999Z", "2000-02-29T12:00:00.001Z"}) {
            assertThat(PostgresEventStorageEngine.parse(written)).isEqualTo(Instant.parse(written));
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"2026-11-26T21:30:28Z", "2026-11-26T21:30:28.123456Z", "2026-11-26T22:30:28.123+01:00"})
    void leavesOtherShapesToAxon(String written) {
        assertThat(PostgresEventStorageEngine.parse(written)).isEqualTo(DateTimeUtils.parseInstant(written));
    }

    @ParameterizedTest
    @ValueSource(strings = {"2026-02-30T10:00:00.000Z", "2026-13-01T10:00:00.000Z", "2026-11-26T24:00:00.000Z",
            "2026-11-2xT10:00:00.000Z", "2026-11-26T21:30:28.1234", "not a time at all, 24 ch"})
    void refusesWhatAxonRefuses(String written) {
        assertThatThrownBy(() -> DateTimeUtils.parseInstant(written)).isInstanceOf(DateTimeParseException.class);
        assertThatThrownBy(() -> PostgresEventStorageEngine.parse(written)).isInstanceOf(DateTimeParseException.class);
    }
}
