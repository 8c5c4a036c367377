package io.inkwell.query.history;

import io.cloudevents.CloudEvent;
import io.cloudevents.core.builder.CloudEventBuilder;
import io.cloudevents.jackson.JsonFormat;
import java.net.URI;
import java.net.URISyntaxException;
import java.time.ZoneOffset;
import java.util.Locale;

/**
 * A history event as a CloudEvents 1.0 event in structured JSON, written by the CloudEvents SDK. Extension
 * names may hold only lower-case letters and digits, hence {@code inkwellposition} and the like. The
 * position is a string: CloudEvents integers are 32-bit, positions are not.
 */
final class CloudEventLines {

    static final String SOURCE_PREFIX = "/inkwell/";
    private static final JsonFormat FORMAT = new JsonFormat();

    private CloudEventLines() {
    }

    static byte[] line(HistoryEvent event, byte[] payloadJson) {
        return FORMAT.serialize(cloudEvent(event, payloadJson));
    }

    static CloudEvent cloudEvent(HistoryEvent event, byte[] payloadJson) {
        CloudEventBuilder builder = CloudEventBuilder.v1()
                .withId(event.eventId())
                .withSource(source(event))
                .withType(EventTypes.cloudEventType(event.type(), event.revision()))
                .withTime(event.occurredAt().atOffset(ZoneOffset.UTC))
                .withDataContentType("application/json")
                .withData(payloadJson);
        if (event.aggregateId() != null) {
            builder.withSubject(event.aggregateId());
        }
        extension(builder, "inkwellposition", event.position() == null ? null : event.position().toString());
        if (event.version() != null) {
            builder.withExtension("inkwellversion", event.version().intValue());
        }
        extension(builder, "inkwellactorissuer", event.actor().issuer());
        extension(builder, "inkwellactorsubject", event.actor().subject());
        extension(builder, "inkwellactorprofileid", event.actor().profileId());
        extension(builder, "inkwellcorrelationid", event.correlationId());
        extension(builder, "inkwellrequestid", event.requestId());
        return builder.build();
    }

    private static void extension(CloudEventBuilder builder, String name, String value) {
        if (value != null) {
            builder.withExtension(name, value);
        }
    }

    /** {@code /inkwell/post/<id>}: the aggregate type in lower case, the id as a path segment. */
    private static URI source(HistoryEvent event) {
        String type = event.aggregateType() == null ? "event" : event.aggregateType().toLowerCase(Locale.ROOT);
        try {
            return new URI(null, null, SOURCE_PREFIX + type + "/" + (event.aggregateId() == null ? "" : event.aggregateId()), null);
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException("No source URI for aggregate " + event.aggregateId(), e);
        }
    }
}
