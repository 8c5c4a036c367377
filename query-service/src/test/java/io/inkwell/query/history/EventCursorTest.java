package io.inkwell.query.history;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.inkwell.query.web.InvalidParameterException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Set;
import java.util.function.LongFunction;
import org.axonframework.eventhandling.GapAwareTrackingToken;
import org.axonframework.eventhandling.GlobalSequenceTrackingToken;
import org.axonframework.eventhandling.ReplayToken;
import org.axonframework.eventhandling.TrackingToken;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class EventCursorTest {

    private static final LongFunction<TrackingToken> GAP_AWARE = position -> GapAwareTrackingToken.newInstance(position, Set.of());

    @Test
    void resumesPostgresTokensWithTheirGaps() {
        GapAwareTrackingToken token = GapAwareTrackingToken.newInstance(1_234, List.of(1_200L, 1_230L));
        assertThat(EventCursor.parse(EventCursor.of(token), GAP_AWARE)).isEqualTo(token);
    }

    @Test
    void resumesAxonServerTokens() {
        GlobalSequenceTrackingToken token = new GlobalSequenceTrackingToken(987_654_321L);
        assertThat(EventCursor.parse(EventCursor.of(token), GAP_AWARE)).isEqualTo(token);
    }

    @Test
    void takesABarePositionAsTheStoresTokenThatHasSeenIt() {
        assertThat(EventCursor.parse("41", GAP_AWARE)).isEqualTo(GapAwareTrackingToken.newInstance(41, Set.of()));
        assertThat(EventCursor.parse("41", GlobalSequenceTrackingToken::new)).isEqualTo(new GlobalSequenceTrackingToken(41));
    }

    @Test
    void isOpaqueAndUrlSafe() {
        String cursor = EventCursor.of(GapAwareTrackingToken.newInstance(99, List.of(97L)));
        assertThat(cursor).matches("[A-Za-z0-9_-]+").doesNotContain("99");
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "abc", "%%%", "-1", "1.5", "99999999999999999999", "rO0ABXNyAA", "MS5nLjEwLjEx",
            "MS54LjE", "MS5nLjEw", "MS5nLjEwLi0x", "MS5zLg"})
    void refusesAnythingElseNamingTheParameter(String cursor) {
        assertThatThrownBy(() -> EventCursor.parse(cursor, GAP_AWARE))
                .isInstanceOfSatisfying(InvalidParameterException.class, e -> assertThat(e.parameter()).isEqualTo("after"));
    }

    @Test
    void refusesGapsAtOrAfterThePosition() {
        String gapAfterIndex = Base64.getUrlEncoder().encodeToString("1.g.10.10".getBytes(StandardCharsets.US_ASCII));
        assertThatThrownBy(() -> EventCursor.parse(gapAfterIndex, GAP_AWARE)).isInstanceOf(InvalidParameterException.class);
    }

    @Test
    void takesEveryDigitOfABarePositionOrOfACursor() {
        assertThat(EventCursor.parse("0", GlobalSequenceTrackingToken::new)).isEqualTo(new GlobalSequenceTrackingToken(0));
        assertThat(EventCursor.parse("9", GlobalSequenceTrackingToken::new)).isEqualTo(new GlobalSequenceTrackingToken(9));
        assertThat(EventCursor.parse("999999999999999999", GlobalSequenceTrackingToken::new))
                .isEqualTo(new GlobalSequenceTrackingToken(999_999_999_999_999_999L));
        GapAwareTrackingToken token = GapAwareTrackingToken.newInstance(90, List.of(0L, 9L, 89L));
        assertThat(EventCursor.parse(EventCursor.of(token), GAP_AWARE)).isEqualTo(token);
        assertThat(EventCursor.parse(EventCursor.of(new GlobalSequenceTrackingToken(9)), GAP_AWARE))
                .isEqualTo(new GlobalSequenceTrackingToken(9));
    }

    @Test
    void resumesATokenWithoutGaps() {
        GapAwareTrackingToken token = GapAwareTrackingToken.newInstance(5, List.of());
        assertThat(EventCursor.parse(EventCursor.of(token), GAP_AWARE)).isEqualTo(token);
    }

    @Test
    void refusesNumbersOfNineteenDigitsAndCharactersNextToTheDigits() {
        for (String position : List.of("1000000000000000000", "12/", "12:")) {
            assertThatThrownBy(() -> EventCursor.parse(position, GlobalSequenceTrackingToken::new))
                    .as(position).isInstanceOf(InvalidParameterException.class);
        }
        for (String text : List.of("1.s.1000000000000000000", "1.s.4/", "1.s.4:", "1.g.10.4:", "2.s.4", "1.s.4.5")) {
            String cursor = Base64.getUrlEncoder().withoutPadding().encodeToString(text.getBytes(StandardCharsets.US_ASCII));
            assertThatThrownBy(() -> EventCursor.parse(cursor, GAP_AWARE)).as(text).isInstanceOf(InvalidParameterException.class);
        }
    }

    @Test
    void takesACursorOfTheGreatestLength() {
        // 6,000 ASCII bytes are 8,000 characters of base64: many gaps, as a busy store may have.
        StringBuilder text = new StringBuilder("1.g.1000000.");
        long gap = 100_000;
        while (text.length() + 7 + 12 <= 6_000) {
            text.append(gap++).append(',');
        }
        text.append("0".repeat(6_000 - text.length() - 6)).append(gap); // leading zeros, as digits may have
        String cursor = Base64.getUrlEncoder().withoutPadding().encodeToString(text.toString().getBytes(StandardCharsets.US_ASCII));
        assertThat(cursor).hasSize(EventCursor.MAX_LENGTH);

        assertThat(((GapAwareTrackingToken) EventCursor.parse(cursor, GAP_AWARE)).getGaps()).contains(100_000L, gap);
    }

    @Test
    void cannotWriteATokenOfAnotherStore() {
        assertThatThrownBy(() -> EventCursor.of(ReplayToken.createReplayToken(new GlobalSequenceTrackingToken(3))))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining(ReplayToken.class.getName());
    }

    @Test
    void refusesOverlongCursors() {
        assertThatThrownBy(() -> EventCursor.parse("a".repeat(EventCursor.MAX_LENGTH + 1), GAP_AWARE))
                .isInstanceOf(InvalidParameterException.class);
        // Well formed but longer than any the API gives out: refused before it is decoded.
        String text = "1.g.100000000." + String.join(",", java.util.stream.LongStream.range(10_000_000, 10_000_700)
                .mapToObj(Long::toString).toList());
        String cursor = Base64.getUrlEncoder().withoutPadding().encodeToString(text.getBytes(StandardCharsets.US_ASCII));
        assertThat(cursor.length()).isGreaterThan(EventCursor.MAX_LENGTH);
        assertThatThrownBy(() -> EventCursor.parse(cursor, GAP_AWARE)).isInstanceOf(InvalidParameterException.class);
    }
}
