package io.inkwell.query.history;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.inkwell.api.MetadataKeys;
import io.inkwell.api.post.PostEditedEvent;
import io.inkwell.query.web.InvalidParameterException;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventhandling.GenericEventMessage;
import org.junit.jupiter.api.Test;

class EventFilterTest {

    private static final Instant AT = Instant.parse("2026-11-25T10:00:00Z");
    private static final GenericDomainEventMessage<PostEditedEvent> EDIT = new GenericDomainEventMessage<>("Post", "p-1", 1,
            new PostEditedEvent("p-1", "t", "c"), Map.of(MetadataKeys.ACTOR_USER_ID, "profile-1",
            MetadataKeys.ACTOR_SUBJECT, "subject-1"), "e-1", AT);

    @Test
    void matchesEveryCriterionGiven() {
        assertThat(filter(null, "Post", List.of("PostEditedEvent", "PostPublishedEvent"), null, null, null).matches(EDIT)).isTrue();
        assertThat(filter("p-1", null, List.of(), AT, AT, "profile-1").matches(EDIT)).isTrue();
        assertThat(filter(null, null, null, null, null, "subject-1").matches(EDIT)).isTrue();
        assertThat(filter(null, "User", null, null, null, null).matches(EDIT)).isFalse();
        assertThat(filter(null, null, List.of("PostCreatedEvent"), null, null, null).matches(EDIT)).isFalse();
        assertThat(filter(null, null, null, AT.plusMillis(1), null, null).matches(EDIT)).isFalse();
        assertThat(filter(null, null, null, null, null, "someone-else").matches(EDIT)).isFalse();
    }

    @Test
    void stopsAScanOnlyWellPastTo() {
        assertThat(filter(null, null, null, null, AT.minusSeconds(30), null).isBeyond(EDIT)).isFalse();
        assertThat(filter(null, null, null, null, AT.minusSeconds(61), null).isBeyond(EDIT)).isTrue();
    }

    @Test
    void refusesWhatNoEventCanMatchNamingTheParameter() {
        assertRefused("aggregateType", () -> filter(null, "Comment", null, null, null, null));
        assertRefused("type", () -> filter(null, null, List.of("PostLikedEvent"), null, null, null));
        assertRefused("from", () -> filter(null, null, null, AT, AT.minusSeconds(1), null));
        assertRefused("from", () -> filter(null, null, null, Instant.MIN, null, null));
        assertRefused("to", () -> filter(null, null, null, null, Instant.MAX, null));
    }

    @Test
    void ignoresBlankCriteriaAndReadsNamesWithoutTheirSpaces() {
        EventFilter filter = filter("  ", null, Arrays.asList(" PostEditedEvent ", "", null), null, null, " ");

        assertThat(filter.aggregateId()).isNull();
        assertThat(filter.actor()).isNull();
        assertThat(filter.types()).containsExactly("PostEditedEvent");
        assertThat(filter.matches(EDIT)).isTrue();
        assertThat(filter(" p-1 ", null, null, null, null, " profile-1 ").matches(EDIT)).isTrue();
    }

    @Test
    void refusesEventsOfAnotherAggregateOrAfterTo() {
        assertThat(filter("p-2", null, null, null, null, null).matches(EDIT)).isFalse();
        assertThat(filter("p-1", "User", null, null, null, null).matches(EDIT)).isFalse();
        assertThat(filter(null, "Post", null, null, null, null).matches(EDIT)).isTrue();
        assertThat(filter(null, null, null, null, AT.minusMillis(1), null).matches(EDIT)).isFalse();
        assertThat(filter(null, null, null, AT.minusMillis(1), AT.plusMillis(1), null).matches(EDIT)).isTrue();
    }

    @Test
    void anEventWithoutAnAggregateMatchesNoAggregateCriterion() {
        GenericEventMessage<PostEditedEvent> bare = new GenericEventMessage<>("e-2", new PostEditedEvent("p-1", "t", "c"),
                Map.of(), AT);

        assertThat(filter("p-1", null, null, null, null, null).matches(bare)).isFalse();
        assertThat(filter(null, "Post", null, null, null, null).matches(bare)).isFalse();
        assertThat(filter(null, null, List.of("PostEditedEvent"), null, null, null).matches(bare)).isTrue();
        assertThat(filter(null, null, null, null, null, "profile-1").matches(bare)).isFalse();
    }

    @Test
    void takesTimesFromTheEpochToTheEndOfYear9999() {
        Instant earliest = Instant.parse("1970-01-01T00:00:00Z");
        Instant latest = Instant.parse("9999-12-31T23:59:59Z");

        assertThat(filter(null, null, null, earliest, latest, null).matches(EDIT)).isTrue();
        assertRefused("from", () -> filter(null, null, null, earliest.minusSeconds(1), null, null));
        assertRefused("to", () -> filter(null, null, null, null, latest.plusSeconds(1), null));
        assertRefused("to", () -> filter(null, null, null, null, earliest.minusSeconds(1), null));
        assertRefused("from", () -> filter(null, null, null, latest.plusSeconds(1), null, null));
    }

    @Test
    void keepsScanningWhileTheStreamIsWithinTheClocksSlackOfTo() {
        assertThat(filter(null, null, null, null, AT.minus(EventFilter.CLOCK_SLACK), null).isBeyond(EDIT)).isFalse();
        assertThat(filter(null, null, null, null, null, null).isBeyond(EDIT)).isFalse();
    }

    private static EventFilter filter(String aggregateId, String aggregateType, List<String> types, Instant from, Instant to,
                                      String actor) {
        return EventFilter.of(aggregateId, aggregateType, types, from, to, actor);
    }

    private static void assertRefused(String parameter, Runnable attempt) {
        assertThatThrownBy(attempt::run).isInstanceOfSatisfying(InvalidParameterException.class,
                e -> assertThat(e.parameter()).isEqualTo(parameter));
    }
}
