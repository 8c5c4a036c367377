package io.inkwell.benchmarks;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** Tokens as query-service stores them; a misread token would make catch-up look finished or never finish. */
class PositionsTest {

    @Test
    void readsAGapAwareTokensIndex() {
        assertThat(position("{\"index\":20572,\"gaps\":[]}")).isEqualTo(20572);
    }

    @Test
    void readsTheCurrentTokenOfAReplayNotThePositionItReplaysTo() {
        assertThat(position("""
                {"tokenAtReset":{"@class":"org.axonframework.eventhandling.GapAwareTrackingToken","index":20572,"gaps":[]},
                 "currentToken":{"@class":"org.axonframework.eventhandling.GapAwareTrackingToken","index":1200,"gaps":[]},
                 "context":null}""")).isEqualTo(1200);
    }

    @Test
    void aReplayThatHasNotStartedAndAMissingTokenStandBeforeTheFirstEvent() {
        assertThat(position("{\"tokenAtReset\":{\"index\":5,\"gaps\":[]},\"currentToken\":null}")).isEqualTo(-1);
        assertThat(Positions.position(null)).isEqualTo(-1);
    }

    private static long position(String json) {
        return Positions.position(json.getBytes(StandardCharsets.UTF_8));
    }
}
