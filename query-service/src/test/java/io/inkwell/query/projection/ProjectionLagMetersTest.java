package io.inkwell.query.projection;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyList;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import io.inkwell.query.projection.StreamPositions.SegmentPosition;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

/**
 * Each projection's lag in events and seconds, and each local segment's lag in events, as gauges that read the
 * stream's positions once per scrape; NaN where this instance cannot know.
 */
@ExtendWith(OutputCaptureExtension.class)
class ProjectionLagMetersTest {

    private final EventProcessingConfiguration processing = mock(EventProcessingConfiguration.class);
    private final StreamingEventProcessor postsProcessor = mock(StreamingEventProcessor.class);
    private final StreamPositions positions = mock(StreamPositions.class);
    private final SimpleMeterRegistry registry = new SimpleMeterRegistry();
    private final ProjectionLagMeters meters = new ProjectionLagMeters(processing,
            new ProjectionGroups(List.of("posts", "users")), positions);

    ProjectionLagMetersTest() {
        when(processing.eventProcessor("posts", StreamingEventProcessor.class)).thenReturn(Optional.of(postsProcessor));
        when(processing.eventProcessor("users", StreamingEventProcessor.class)).thenReturn(Optional.empty());
        when(positions.head()).thenReturn(100L);
        when(positions.segments("posts", Optional.of(postsProcessor))).thenReturn(List.of(segment(0, 90L), segment(1, 97L)));
        when(positions.segments("users", Optional.empty())).thenReturn(List.of(segment(0, 100L)));
        when(positions.lagSeconds(anyList(), any())).thenReturn(42L);
    }

    @Test
    void measuresEachProjectionFromItsSlowestSegment() {
        meters.bindTo(registry);

        assertThat(lagEvents("posts")).isEqualTo(10.0);
        assertThat(lagSeconds("posts")).isEqualTo(42.0);
        Gauge events = registry.get("inkwell.projection.lag.events").tag("processing_group", "posts").gauge();
        assertThat(events.getId().getBaseUnit()).isEqualTo("events");
        assertThat(registry.get("inkwell.projection.lag.seconds").tag("processing_group", "posts").gauge().getId()
                .getBaseUnit()).isEqualTo("seconds");
    }

    @Test
    void aCaughtUpProjectionLagsNoSecondsWithoutLookingForItsOldestEvent() {
        meters.bindTo(registry);

        assertThat(lagEvents("users")).isZero();
        assertThat(lagSeconds("users")).isZero();
        verify(positions, never()).lagSeconds(eq(List.of(segment(0, 100L))), any());
    }

    @Test
    void measuresEachSegmentThatRunsHere() {
        meters.bindTo(registry);
        lagEvents("posts");

        assertThat(segmentLag("posts", "0")).isEqualTo(10.0);
        assertThat(segmentLag("posts", "1")).isEqualTo(3.0);
        assertThat(segmentLag("users", "0")).isZero();
        assertThat(registry.get("inkwell.projection.segment.lag.events").tag("segment", "1").gauge().getId().getBaseUnit())
                .isEqualTo("events");
    }

    @Test
    void aSegmentAheadOfTheHeadReadLagsNothingRatherThanLessThanNothing() {
        when(positions.head()).thenReturn(95L);
        meters.bindTo(registry);

        assertThat(lagEvents("posts")).isEqualTo(5.0);
        assertThat(segmentLag("posts", "1")).isZero();
        assertThat(lagEvents("users")).isZero();
    }

    @Test
    void aProjectionWithASegmentHeldElsewhereIsUnknownButItsLocalSegmentsAreMeasured() {
        when(positions.segments("posts", Optional.of(postsProcessor))).thenReturn(List.of(segment(0, 90L), segment(1, null)));
        meters.bindTo(registry);

        assertThat(lagEvents("posts")).isNaN();
        assertThat(lagSeconds("posts")).isNaN();
        assertThat(segmentLag("posts", "0")).isEqualTo(10.0);
        assertThat(registry.find("inkwell.projection.segment.lag.events").tag("processing_group", "posts")
                .tag("segment", "1").gauge()).as("no gauge for a segment this instance does not run").isNull();
    }

    @Test
    void readsNaNWhileTheStoreDoesNotAnswer() {
        when(positions.head()).thenThrow(new IllegalStateException("connection refused"));
        meters.bindTo(registry);

        assertThat(lagEvents("posts")).isNaN();
        assertThat(lagSeconds("users")).isNaN();
    }

    @Test
    void oneReadingServesEveryGaugeOfAScrape() {
        meters.bindTo(registry);

        lagEvents("posts");
        lagSeconds("posts");
        lagEvents("users");
        segmentLag("posts", "0");

        verify(positions, times(1)).head();
    }

    @Test
    void aReadingThatFailsMidwayLeavesTheProjectionsItDidNotFinishUnknownQuietly(CapturedOutput output) {
        when(positions.segments("users", Optional.empty())).thenReturn(List.of(segment(0, 95L)));
        when(positions.lagSeconds(eq(List.of(segment(0, 95L))), any())).thenThrow(new IllegalStateException("connection lost"));
        meters.bindTo(registry);

        assertThat(lagEvents("posts")).isEqualTo(10.0);
        assertThat(lagEvents("users")).isNaN();
        assertThat(segmentLag("users", "0")).isNaN();
        assertThat(output.getOut()).as("NaN is an answer, not a failing gauge").doesNotContain("Failed to apply");
    }

    @Test
    void theNextScrapeReadsAgainAndASegmentNoLongerHereReadsNaN(CapturedOutput output) {
        meters.bindTo(registry);
        assertThat(lagEvents("posts")).isEqualTo(10.0);
        assertThat(segmentLag("posts", "1")).isEqualTo(3.0);
        when(positions.head()).thenReturn(120L);
        when(positions.segments("posts", Optional.of(postsProcessor))).thenReturn(List.of(segment(0, 118L), segment(1, null)));

        // A reading serves for a second; the next scrape after it reads again.
        await().atMost(Duration.ofSeconds(5)).untilAsserted(() -> assertThat(segmentLag("posts", "0")).isEqualTo(2.0));
        assertThat(segmentLag("posts", "1")).isNaN();
        assertThat(lagEvents("posts")).isNaN();
        assertThat(output.getOut()).as("NaN is an answer, not a failing gauge").doesNotContain("Failed to apply");
    }

    private double lagEvents(String group) {
        return registry.get("inkwell.projection.lag.events").tag("processing_group", group).gauge().value();
    }

    private double lagSeconds(String group) {
        return registry.get("inkwell.projection.lag.seconds").tag("processing_group", group).gauge().value();
    }

    private double segmentLag(String group, String segment) {
        return registry.get("inkwell.projection.segment.lag.events").tag("processing_group", group).tag("segment", segment)
                .gauge().value();
    }

    private static SegmentPosition segment(int id, Long position) {
        return new SegmentPosition(id, position, null, null);
    }
}
