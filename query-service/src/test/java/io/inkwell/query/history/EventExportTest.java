package io.inkwell.query.history;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import io.inkwell.api.post.PostPublishedEvent;
import io.inkwell.api.post.PostUnpublishedEvent;
import io.inkwell.query.security.Viewer;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Set;
import java.util.function.Predicate;
import org.axonframework.eventhandling.GapAwareTrackingToken;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventhandling.GenericTrackedDomainEventMessage;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventhandling.TrackingToken;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

class EventExportTest {

    private static final EventFilter EVERYTHING = EventFilter.of(null, null, null, null, null, null);
    private static final TrackedEventMessage<?> PUBLISHED = event(7, new PostPublishedEvent("p-1"), 1);
    private static final TrackedEventMessage<?> UNPUBLISHED = event(8, new PostUnpublishedEvent("p-1"), 2);

    private final EventReader reader = mock(EventReader.class);
    private final DeletedUsers deletedUsers = mock(DeletedUsers.class);
    private final EventExport export = new EventExport(reader, new HistoryEvents(JsonMapper.shared()), deletedUsers);
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();

    EventExportTest() {
        when(deletedUsers.lookup()).thenReturn(id -> false);
    }

    @Test
    void writesEveryMatchingEventAsALineAndGoesOnToTheEndOfTheStream() throws Exception {
        stream(PUBLISHED, UNPUBLISHED);
        EventFilter unpublications = EventFilter.of(null, null, List.of("PostUnpublishedEvent"), null, null, null);

        long written = export.write(out, EventExport.Format.NDJSON, null, unpublications, Viewer.ANONYMOUS);

        assertThat(written).isEqualTo(1);
        assertThat(lines()).singleElement().satisfies(line -> {
            assertThat(line.get("position").asLong()).isEqualTo(8);
            assertThat(line.get("type").asString()).isEqualTo("PostUnpublishedEvent");
        });
    }

    @Test
    void writesCloudEventsWhenAskedTo() throws Exception {
        stream(PUBLISHED, UNPUBLISHED);

        long written = export.write(out, EventExport.Format.CLOUDEVENTS, null, EVERYTHING, Viewer.ANONYMOUS);

        assertThat(written).isEqualTo(2);
        List<JsonNode> lines = lines();
        assertThat(lines).extracting(line -> line.get("specversion").asString()).containsOnly("1.0");
        assertThat(lines.get(0).get("type").asString()).isEqualTo("io.inkwell.post-published.v1");
        assertThat(lines.get(0).get("inkwellposition").asString()).isEqualTo("7");
        assertThat(lines.get(1).get("data").get("postId").asString()).isEqualTo("p-1");
    }

    @Test
    void endsAStreamThatFailsMidwayWithALineSayingWhereToResume() throws Exception {
        when(reader.scan(any(), any(), any())).thenAnswer(call -> {
            Predicate<TrackedEventMessage<?>> handler = call.getArgument(2);
            handler.test(PUBLISHED);
            throw new IllegalStateException("PostgreSQL went away");
        });

        long written = export.write(out, EventExport.Format.NDJSON, null, EVERYTHING, Viewer.ANONYMOUS);

        List<JsonNode> lines = lines();
        assertThat(written).isEqualTo(1);
        assertThat(lines).hasSize(2);
        assertThat(lines.get(0).get("position").asLong()).isEqualTo(7);
        JsonNode interrupted = lines.get(1).get("interrupted");
        assertThat(interrupted.get("exported").asLong()).isEqualTo(1);
        assertThat(EventCursor.parse(interrupted.get("after").asString(), position -> null))
                .isEqualTo(GapAwareTrackingToken.newInstance(7, Set.of()));
    }

    @Test
    void resumesFromWhereItStartedWhenItFailsBeforeTheFirstEvent() throws Exception {
        when(reader.scan(any(), any(), any())).thenThrow(new IllegalStateException("PostgreSQL went away"));
        GapAwareTrackingToken start = GapAwareTrackingToken.newInstance(41, Set.of());

        assertThat(export.write(out, EventExport.Format.NDJSON, start, EVERYTHING, Viewer.ANONYMOUS)).isZero();
        JsonNode interrupted = lines().getFirst().get("interrupted");
        assertThat(EventCursor.parse(interrupted.get("after").asString(), position -> null)).isEqualTo(start);

        ByteArrayOutputStream fromTheStart = new ByteArrayOutputStream();
        export.write(fromTheStart, EventExport.Format.NDJSON, null, EVERYTHING, Viewer.ANONYMOUS);
        assertThat(JsonMapper.shared().readTree(fromTheStart.toByteArray()).get("interrupted").get("after").isNull()).isTrue();
    }

    @Test
    void stopsQuietlyWhenTheClientGoesAway() throws Exception {
        stream(PUBLISHED, UNPUBLISHED);
        OutputStream gone = new OutputStream() {
            @Override
            public void write(int b) throws IOException {
                throw new IOException("Broken pipe");
            }
        };

        assertThat(export.write(gone, EventExport.Format.NDJSON, null, EVERYTHING, Viewer.ANONYMOUS)).isZero();
    }

    @Test
    void countsWhatWasWrittenBeforeTheClientWentAway() throws Exception {
        stream(PUBLISHED, UNPUBLISHED);
        OutputStream oneLine = new ByteArrayOutputStream() {
            @Override
            public void write(byte[] bytes) throws IOException {
                if (size() > 0 && bytes.length > 1) {
                    throw new IOException("Broken pipe");
                }
                super.write(bytes);
            }
        };

        assertThat(export.write(oneLine, EventExport.Format.NDJSON, null, EVERYTHING, Viewer.ANONYMOUS)).isEqualTo(1);
    }

    @Test
    void saysNothingMoreWhenTheClientIsGoneBeforeItLearnsOfTheFailure() throws Exception {
        when(reader.scan(any(), any(), any())).thenAnswer(call -> {
            Predicate<TrackedEventMessage<?>> handler = call.getArgument(2);
            handler.test(PUBLISHED);
            throw new IllegalStateException("PostgreSQL went away");
        });
        OutputStream oneLine = new ByteArrayOutputStream() {
            @Override
            public void write(byte[] bytes) throws IOException {
                if (size() > 0 && bytes.length > 1) {
                    throw new IOException("Broken pipe");
                }
                super.write(bytes);
            }
        };

        assertThat(export.write(oneLine, EventExport.Format.NDJSON, null, EVERYTHING, Viewer.ANONYMOUS)).isEqualTo(1);
    }

    /** A reader that hands the events over as EventReader does: until the handler answers false. */
    private void stream(TrackedEventMessage<?>... events) {
        when(reader.scan(any(), any(), any())).thenAnswer(call -> {
            Predicate<TrackedEventMessage<?>> handler = call.getArgument(2);
            for (TrackedEventMessage<?> event : events) {
                if (!handler.test(event)) {
                    return false;
                }
            }
            return true;
        });
    }

    private List<JsonNode> lines() {
        return out.toString(StandardCharsets.UTF_8).lines().map(JsonMapper.shared()::readTree).toList();
    }

    private static TrackedEventMessage<?> event(long position, Object payload, long sequence) {
        TrackingToken token = GapAwareTrackingToken.newInstance(position, Set.of());
        return new GenericTrackedDomainEventMessage<>(token, new GenericDomainEventMessage<>("Post", "p-1", sequence, payload));
    }
}
