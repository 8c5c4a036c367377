package io.inkwell.query.projection;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Each instance's part of a processor's segments: every segment has a taker, and nobody takes more than needed. */
class SegmentSharesTest {

    @Test
    void segmentsAreDividedAmongTheLiveInstancesRoundedUp() {
        assertThat(SegmentShares.share(2, 1)).isEqualTo(2);
        assertThat(SegmentShares.share(2, 2)).isEqualTo(1);
        assertThat(SegmentShares.share(3, 2)).as("an odd segment goes to one of them").isEqualTo(2);
        assertThat(SegmentShares.share(4, 3)).isEqualTo(2);
    }

    @Test
    void moreInstancesThanSegmentsLeaveSomeIdleButEveryoneMayTakeOne() {
        assertThat(SegmentShares.share(2, 5)).isEqualTo(1);
    }

    @Test
    void anInstanceThatSeesNobodyAliveYetMayTakeEverything() {
        assertThat(SegmentShares.share(2, 0)).isEqualTo(2);
    }
}
