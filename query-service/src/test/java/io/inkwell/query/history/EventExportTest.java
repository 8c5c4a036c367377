package io.inkwell.query.history;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import io.inkwell.api.post.PostPublishedEvent;
import io.inkwell.query.security.Viewer;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Set;
import java.util.function.Predicate;
import org.axonframework.eventhandling.GapAwareTrackingToken;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventhandling.GenericTrackedDomainEventMessage;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

class EventExportTest {

    private static final EventFilter EVERYTHING = EventFilter.of(null, null, null, null, null, null);

    @Test
    void endsAStreamThatFailsMidwayWithALineSayingWhereToResume() throws Exception {
        EventReader reader = mock(EventReader.class);
        DeletedUsers deletedUsers = mock(DeletedUsers.class);
        when(deletedUsers.lookup()).thenReturn(id -> false);
        TrackedEventMessage<?> first = new GenericTrackedDomainEventMessage<>(GapAwareTrackingToken.newInstance(7, Set.of()),
                new GenericDomainEventMessage<>("Post", "p-1", 0, new PostPublishedEvent("p-1")));
        when(reader.scan(any(), any(), any())).thenAnswer(call -> {
            Predicate<TrackedEventMessage<?>> handler = call.getArgument(2);
            handler.test(first);
            throw new IllegalStateException("PostgreSQL went away");
        });
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        EventExport export = new EventExport(reader, new HistoryEvents(JsonMapper.shared()), deletedUsers);

        long written = export.write(out, EventExport.Format.NDJSON, null, EVERYTHING, Viewer.ANONYMOUS);

        List<JsonNode> lines = out.toString(StandardCharsets.UTF_8).lines().map(JsonMapper.shared()::readTree).toList();
        assertThat(written).isEqualTo(1);
        assertThat(lines).hasSize(2);
        assertThat(lines.get(0).get("position").asLong()).isEqualTo(7);
        JsonNode interrupted = lines.get(1).get("interrupted");
        assertThat(interrupted.get("exported").asLong()).isEqualTo(1);
        assertThat(EventCursor.parse(interrupted.get("after").asString(), position -> null))
                .isEqualTo(GapAwareTrackingToken.newInstance(7, Set.of()));
    }
}
