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
    void refusesOverlongCursors() {
        assertThatThrownBy(() -> EventCursor.parse("a".repeat(EventCursor.MAX_LENGTH + 1), GAP_AWARE))
                .isInstanceOf(InvalidParameterException.class);
    }
}
