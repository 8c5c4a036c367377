package io.inkwell.query.timetravel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.inkwell.query.web.InvalidParameterException;
import java.time.Instant;
import java.util.List;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.junit.jupiter.api.Test;

/** The point of a history that asOf or atVersion names, and the events that had happened by then. */
class PointInTimeTest {

    private static final Instant T0 = Instant.parse("2026-01-01T10:00:00Z");
    private static final List<DomainEventMessage<?>> HISTORY = List.of(event(0, T0), event(1, T0.plusSeconds(60)),
            event(2, T0.plusSeconds(120)));

    @Test
    void namesNoPointWithoutParametersAndRefusesBoth() {
        assertThat(PointInTime.of(null, null)).isEmpty();
        assertThatThrownBy(() -> PointInTime.of("2026-01-01T10:00:00Z", 2L))
                .isInstanceOfSatisfying(InvalidParameterException.class, e -> assertThat(e.parameter()).isEqualTo("atVersion"));
    }

    @Test
    void readsAnInstantAroundWhichSpaceIsAllowedAndRefusesADate() {
        assertThat(PointInTime.of(" 2026-01-01T10:01:00Z ", null).orElseThrow().asOf()).isEqualTo(T0.plusSeconds(60));
        assertThatThrownBy(() -> PointInTime.of("2026-01-01", null))
                .isInstanceOfSatisfying(InvalidParameterException.class, e -> assertThat(e.parameter()).isEqualTo("asOf"));
    }

    @Test
    void countsVersionsFromOne() {
        assertThat(PointInTime.of(null, 1L).orElseThrow().atVersion()).isEqualTo(1);
        assertThatThrownBy(() -> PointInTime.of(null, 0L))
                .isInstanceOfSatisfying(InvalidParameterException.class, e -> assertThat(e.parameter()).isEqualTo("atVersion"));
    }

    @Test
    void keepsTheEventsUpToAndIncludingTheInstant() {
        assertThat(sequences(new PointInTime(T0.plusSeconds(60), null).upTo(HISTORY))).containsExactly(0L, 1L);
        assertThat(sequences(new PointInTime(T0.plusSeconds(59), null).upTo(HISTORY))).containsExactly(0L);
        assertThat(sequences(new PointInTime(T0.minusMillis(1), null).upTo(HISTORY))).isEmpty();
    }

    @Test
    void keepsAsManyEventsAsTheVersionCounts() {
        assertThat(sequences(new PointInTime(null, 2L).upTo(HISTORY))).containsExactly(0L, 1L);
        assertThat(sequences(new PointInTime(null, 9L).upTo(HISTORY))).containsExactly(0L, 1L, 2L);
    }

    @Test
    void showsTheTimeOfTheLastEventFoldedAndSaysWhichPointItIs() {
        assertThat(PointInTime.shownAt(HISTORY.subList(0, 2))).isEqualTo(T0.plusSeconds(60));
        assertThat(PointInTime.shownAt(List.of())).isNull();
        assertThat(new PointInTime(T0, null)).hasToString("2026-01-01T10:00:00Z");
        assertThat(new PointInTime(null, 3L)).hasToString("version 3");
    }

    private static List<Long> sequences(List<DomainEventMessage<?>> events) {
        return events.stream().map(DomainEventMessage::getSequenceNumber).toList();
    }

    private static DomainEventMessage<?> event(long sequence, Instant at) {
        return new GenericDomainEventMessage<>("Post", "post-1", sequence, "payload " + sequence, java.util.Map.of(),
                "event-" + sequence, at);
    }
}
