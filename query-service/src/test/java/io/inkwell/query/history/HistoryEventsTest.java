package io.inkwell.query.history;

import static org.assertj.core.api.Assertions.assertThat;

import io.inkwell.api.MetadataKeys;
import io.inkwell.api.post.PostPublishedEvent;
import io.inkwell.api.user.UserRegisteredEvent;
import io.inkwell.query.security.Viewer;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.axonframework.eventhandling.GapAwareTrackingToken;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventhandling.GenericEventMessage;
import org.axonframework.eventhandling.GenericTrackedDomainEventMessage;
import org.axonframework.eventhandling.GenericTrackedEventMessage;
import org.axonframework.eventhandling.TrackingToken;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Axon's event messages as the history API shows them: envelope, actor, causation and the payload a viewer may see. */
@ExtendWith(OutputCaptureExtension.class)
class HistoryEventsTest {

    private static final Instant AT = Instant.parse("2026-11-25T10:00:00Z");
    private static final Viewer ADMIN = new Viewer("iss", "admin-sub", Set.of("admin"), Optional.empty());
    private static final Viewer READER = new Viewer("iss", "reader-sub", Set.of("user"), Optional.of("u-2"));

    private final HistoryEvents views = new HistoryEvents(JsonMapper.shared());

    @Test
    void showsTheEnvelopeOfAStoredEvent() {
        GenericDomainEventMessage<PostPublishedEvent> published = new GenericDomainEventMessage<>("Post", "p-1", 4,
                new PostPublishedEvent("p-1"), Map.of(MetadataKeys.ACTOR_ISSUER, "iss", MetadataKeys.ACTOR_SUBJECT, "sub-a",
                MetadataKeys.ACTOR_USER_ID, "u-1", "correlationId", "cmd-9", MetadataKeys.REQUEST_ID, "req-3"), "e-1", AT);

        HistoryEvent view = views.view(new GenericTrackedDomainEventMessage<>(GapAwareTrackingToken.newInstance(57, Set.of()),
                published), READER, id -> false);

        assertThat(view.position()).isEqualTo(57L);
        assertThat(view.eventId()).isEqualTo("e-1");
        assertThat(view.aggregateType()).isEqualTo("Post");
        assertThat(view.aggregateId()).isEqualTo("p-1");
        assertThat(view.version()).as("counted from 1, as the read models do").isEqualTo(5L);
        assertThat(view.type()).isEqualTo("PostPublishedEvent");
        assertThat(view.occurredAt()).isEqualTo(AT);
        assertThat(view.actor()).isEqualTo(new HistoryEvent.Actor("iss", "sub-a", "u-1"));
        assertThat(view.correlationId()).isEqualTo("cmd-9");
        assertThat(view.requestId()).isEqualTo("req-3");
        assertThat(view.payload().get("postId").asString()).isEqualTo("p-1");
    }

    @Test
    void leavesOutWhatTheMessageDoesNotTell() {
        HistoryEvent view = views.view(new GenericEventMessage<>(new PostPublishedEvent("p-1")), READER, id -> false);

        assertThat(view.position()).isNull();
        assertThat(view.aggregateType()).isNull();
        assertThat(view.aggregateId()).isNull();
        assertThat(view.version()).isNull();
        assertThat(view.actor()).isEqualTo(new HistoryEvent.Actor(null, null, null));
        assertThat(view.correlationId()).isNull();
        assertThat(view.payload().get("postId").asString()).isEqualTo("p-1");
    }

    @Test
    void hasNoPositionWhereTheTokenTellsNone() {
        HistoryEvent view = views.view(new GenericTrackedEventMessage<>(new PositionlessToken(),
                new GenericEventMessage<>(new PostPublishedEvent("p-1"))), READER, id -> false);

        assertThat(view.position()).isNull();
    }

    @Test
    void hidesPersonalDataTheViewerMayNotSee() {
        GenericDomainEventMessage<UserRegisteredEvent> registered = new GenericDomainEventMessage<>("User", "u-1", 0,
                new UserRegisteredEvent("u-1", "Ann", "ann@x.test", "iss", "sub"));

        assertThat(views.view(registered, READER, id -> false).payload().get("email").isNull()).isTrue();
        assertThat(views.view(registered, ADMIN, id -> false).payload().get("email").asString()).isEqualTo("ann@x.test");
        JsonNode ofDeletedUser = views.view(registered, ADMIN, "u-1"::equals).payload();
        assertThat(ofDeletedUser.get("name").isNull()).isTrue();
    }

    @Test
    void showsAnUnreadablePayloadAsNoneAndSaysWhichEvent(CapturedOutput output) {
        HistoryEvent view = views.view(new GenericEventMessage<>("e-bad", new Unreadable(), Map.of(), AT), ADMIN, id -> false);

        assertThat(view.eventId()).isEqualTo("e-bad");
        assertThat(view.payload()).isNull();
        assertThat(output.getOut()).contains("Event e-bad (" + Unreadable.class.getName() + ") cannot be read");
    }

    @Test
    void writesAViewAsJson() {
        assertThat(JsonMapper.shared().readTree(views.bytes(Map.of("after", "x"))).get("after").asString()).isEqualTo("x");
    }

    /** A token that tells no position, as {@link TrackingToken#position()} allows. */
    record PositionlessToken() implements TrackingToken {

        @Override
        public TrackingToken lowerBound(TrackingToken other) {
            return this;
        }

        @Override
        public TrackingToken upperBound(TrackingToken other) {
            return this;
        }

        @Override
        public boolean covers(TrackingToken other) {
            return true;
        }
    }

    /** A payload whose getter fails, as one written by an older, incompatible version might. */
    static final class Unreadable {
        public String getTitle() {
            throw new IllegalStateException("no title");
        }
    }
}
