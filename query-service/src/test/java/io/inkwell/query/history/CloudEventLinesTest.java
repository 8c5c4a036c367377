package io.inkwell.query.history;

import static org.assertj.core.api.Assertions.assertThat;

import io.cloudevents.CloudEvent;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

/** A history event as a CloudEvents 1.0 event: every attribute and extension the README names. */
class CloudEventLinesTest {

    private static final Instant AT = Instant.parse("2026-03-04T05:06:07.089Z");

    @Test
    void carriesTheEventItsAggregateAndWhoCausedIt() {
        HistoryEvent event = new HistoryEvent(5_000_000_000L, "e-1", "Post", "p-1", 3L, "PostEditedEvent", null, AT,
                new HistoryEvent.Actor("https://issuer.test", "sub-1", "author-1"), "c-1", "r-1", null);

        CloudEvent cloud = CloudEventLines.cloudEvent(event, "{\"title\":\"x\"}".getBytes(StandardCharsets.UTF_8));

        assertThat(cloud.getId()).isEqualTo("e-1");
        assertThat(cloud.getSource()).isEqualTo(URI.create("/inkwell/post/p-1"));
        assertThat(cloud.getSubject()).isEqualTo("p-1");
        assertThat(cloud.getType()).isEqualTo(EventTypes.cloudEventType("PostEditedEvent", null));
        assertThat(cloud.getTime()).isEqualTo(AT.atOffset(ZoneOffset.UTC));
        assertThat(cloud.getDataContentType()).isEqualTo("application/json");
        assertThat(new String(cloud.getData().toBytes(), StandardCharsets.UTF_8)).isEqualTo("{\"title\":\"x\"}");
        // Positions outgrow CloudEvents' 32-bit integers: a string.
        assertThat(cloud.getExtension("inkwellposition")).isEqualTo("5000000000");
        assertThat(cloud.getExtension("inkwellversion")).isEqualTo(3);
        assertThat(cloud.getExtension("inkwellactorissuer")).isEqualTo("https://issuer.test");
        assertThat(cloud.getExtension("inkwellactorsubject")).isEqualTo("sub-1");
        assertThat(cloud.getExtension("inkwellactorprofileid")).isEqualTo("author-1");
        assertThat(cloud.getExtension("inkwellcorrelationid")).isEqualTo("c-1");
        assertThat(cloud.getExtension("inkwellrequestid")).isEqualTo("r-1");
    }

    @Test
    void leavesOutWhatIsUnknownAndEscapesTheIdInTheSource() {
        HistoryEvent event = new HistoryEvent(null, "e-2", null, "a b", null, "UserRenamedEvent", "2", AT,
                new HistoryEvent.Actor(null, null, null), null, null, null);

        CloudEvent cloud = CloudEventLines.cloudEvent(event, "{}".getBytes(StandardCharsets.UTF_8));

        assertThat(cloud.getSource().toString()).isEqualTo("/inkwell/event/a%20b");
        assertThat(cloud.getExtensionNames()).isEmpty();
        assertThat(new String(CloudEventLines.line(event, "{}".getBytes(StandardCharsets.UTF_8)), StandardCharsets.UTF_8))
                .contains("\"specversion\":\"1.0\"", "\"id\":\"e-2\"", "\"source\":\"/inkwell/event/a%20b\"");
    }

    @Test
    void hasNoSubjectWithoutAnAggregate() {
        HistoryEvent event = new HistoryEvent(1L, "e-3", "User", null, null, "UserRenamedEvent", null, AT,
                new HistoryEvent.Actor(null, null, null), null, null, null);

        CloudEvent cloud = CloudEventLines.cloudEvent(event, "{}".getBytes(StandardCharsets.UTF_8));

        assertThat(cloud.getSubject()).isNull();
        assertThat(cloud.getSource().toString()).isEqualTo("/inkwell/user/");
    }
}
