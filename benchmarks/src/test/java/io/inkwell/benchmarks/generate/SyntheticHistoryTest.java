package io.inkwell.benchmarks.generate;

import static org.assertj.core.api.Assertions.assertThat;

import io.inkwell.api.post.PostCreatedEvent;
import io.inkwell.api.post.PostDeletedEvent;
import io.inkwell.api.post.PostPublishedEvent;
import io.inkwell.api.post.PostUnpublishedEvent;
import io.inkwell.api.user.UserRegisteredEvent;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The generated history must be one that command-service could have written, or the figures measure fiction. */
class SyntheticHistoryTest {

    private static final Instant END = Instant.parse("2026-11-26T12:00:00Z");

    private final List<StoredEvent> events = generate(30, 400, 1);

    @Test
    void numbersEachAggregatesEventsFromZeroWithoutGapsInCommitOrder() {
        Map<String, Long> next = new HashMap<>();
        for (StoredEvent event : events) {
            assertThat(event.sequence()).as(event.aggregateId()).isEqualTo(next.getOrDefault(event.aggregateId(), 0L));
            next.put(event.aggregateId(), event.sequence() + 1);
        }
    }

    @Test
    void timesIncreaseWithTheStreamAndEndBeforeTheGivenInstant() {
        for (int i = 1; i < events.size(); i++) {
            assertThat(events.get(i).time()).isAfter(events.get(i - 1).time());
        }
        assertThat(events.getLast().time()).isBeforeOrEqualTo(END);
    }

    @Test
    void registersEveryAuthorBeforeTheirFirstPost() {
        Set<String> registered = new HashSet<>();
        for (StoredEvent event : events) {
            if (event.payload() instanceof UserRegisteredEvent user) {
                registered.add(user.userId());
            }
            if (event.payload() instanceof PostCreatedEvent post) {
                assertThat(registered).contains(post.authorId());
                assertThat(event.metadata()).containsEntry("actorUserId", post.authorId());
            }
        }
        assertThat(registered).hasSize(30);
    }

    @Test
    void followsThePostRulesNothingAfterDeletionAndNoRepeatedPublicationState() {
        Map<String, String> state = new HashMap<>();
        for (StoredEvent event : events) {
            String before = state.get(event.aggregateId());
            assertThat(before).as("event after deletion of " + event.aggregateId()).isNotEqualTo("deleted");
            switch (event.payload()) {
                case PostCreatedEvent created -> state.put(created.postId(), "draft");
                case PostPublishedEvent published -> {
                    assertThat(before).isEqualTo("draft");
                    state.put(published.postId(), "published");
                }
                case PostUnpublishedEvent unpublished -> {
                    assertThat(before).isEqualTo("published");
                    state.put(unpublished.postId(), "draft");
                }
                case PostDeletedEvent deleted -> state.put(deleted.postId(), "deleted");
                default -> {
                }
            }
        }
        assertThat(state.values()).contains("draft", "published", "deleted");
    }

    @Test
    void writesAboutTenEventsAPostWithUniqueIdsAndSlugs() {
        assertThat(events.size()).isBetween(400 * 8, 400 * 12);
        assertThat(events.stream().map(StoredEvent::eventId).distinct()).hasSize(events.size());
        assertThat(events.stream().filter(e -> e.payload() instanceof PostCreatedEvent)
                .map(e -> ((PostCreatedEvent) e.payload()).slug()).distinct()).hasSize(400);
    }

    @Test
    void carriesWhoCausedEachEventInWhichRequest() {
        assertThat(events).allSatisfy(event -> assertThat(event.metadata())
                .containsKeys("correlationId", "traceId", "actorIssuer", "actorSubject", "requestId"));
    }

    @Test
    void theSameSeedGivesTheSameHistory() {
        List<StoredEvent> again = generate(30, 400, 1);
        assertThat(again).extracting(StoredEvent::eventId).isEqualTo(events.stream().map(StoredEvent::eventId).toList());
        assertThat(generate(30, 400, 2).getFirst().eventId()).isNotEqualTo(events.getFirst().eventId());
    }

    private static List<StoredEvent> generate(int users, int posts, long seed) {
        List<StoredEvent> events = new ArrayList<>();
        new SyntheticHistory(users, posts, seed, END).forEach(events::add);
        return events;
    }
}
