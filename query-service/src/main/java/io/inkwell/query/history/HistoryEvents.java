package io.inkwell.query.history;

import io.inkwell.api.MetadataKeys;
import io.inkwell.query.security.Viewer;
import java.util.function.Predicate;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.messaging.MetaData;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/** Turns Axon's event messages into the history API's events, with the personal data the viewer may see. */
@Component
class HistoryEvents {

    private static final Logger log = LoggerFactory.getLogger(HistoryEvents.class);
    /** Axon's {@code MessageOriginProvider} key: the id of the message that caused this one. */
    private static final String CORRELATION_ID = "correlationId";

    private final JsonMapper json;

    HistoryEvents(JsonMapper json) {
        this.json = json;
    }

    HistoryEvent view(EventMessage<?> event, Viewer viewer, Predicate<String> isDeletedUser) {
        Long position = event instanceof TrackedEventMessage<?> tracked && tracked.trackingToken().position().isPresent()
                ? tracked.trackingToken().position().getAsLong() : null;
        DomainEventMessage<?> domain = event instanceof DomainEventMessage<?> d ? d : null;
        Class<?> payloadType = event.getPayloadType();
        MetaData metaData = event.getMetaData();
        HistoryEvent.Actor actor = new HistoryEvent.Actor(text(metaData, MetadataKeys.ACTOR_ISSUER),
                text(metaData, MetadataKeys.ACTOR_SUBJECT), text(metaData, MetadataKeys.ACTOR_USER_ID));
        return new HistoryEvent(position, event.getIdentifier(), domain == null ? null : domain.getType(),
                domain == null ? null : domain.getAggregateIdentifier(),
                domain == null ? null : domain.getSequenceNumber() + 1, EventTypes.name(payloadType),
                EventTypes.revision(payloadType), event.getTimestamp(), actor, text(metaData, CORRELATION_ID),
                text(metaData, MetadataKeys.REQUEST_ID), payload(event, domain, viewer, isDeletedUser));
    }

    byte[] bytes(Object value) {
        return json.writeValueAsBytes(value);
    }

    private JsonNode payload(EventMessage<?> event, DomainEventMessage<?> domain, Viewer viewer,
                             Predicate<String> isDeletedUser) {
        JsonNode payload;
        try {
            payload = json.valueToTree(event.getPayload());
        } catch (RuntimeException e) {
            // One unreadable event must not make the whole history unreadable; it shows without its payload.
            log.warn("Event {} ({}) cannot be read for the history API: {}", event.getIdentifier(),
                    event.getPayloadType().getName(), e.toString());
            return null;
        }
        if (payload instanceof ObjectNode object && domain != null) {
            PersonalDataRedaction.redact(object, event.getPayloadType(), domain.getAggregateIdentifier(), viewer,
                    isDeletedUser);
        }
        return payload;
    }

    private static String text(MetaData metaData, String key) {
        Object value = metaData.get(key);
        return value == null ? null : value.toString();
    }
}
