package io.inkwell.query.history;

import static io.inkwell.testing.Callers.newIdentity;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import io.inkwell.api.post.PostCreatedEvent;
import io.inkwell.api.post.PostEditedEvent;
import io.inkwell.api.post.PostPublishedEvent;
import io.inkwell.api.user.UserRegisteredEvent;
import io.inkwell.query.QueryServiceContext;
import io.inkwell.testing.TestKeycloak;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.UUID;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The global stream as analysts page and filter it, on the real PostgreSQL event store. */
@QueryServiceContext
class EventHistoryIT {

    @Autowired
    MockMvc mvc;

    @Autowired
    EventStore eventStore;

    @Autowired
    JdbcClient jdbc;

    private ActedEvents events;
    private ActedEvents.Caller writer;
    private long start;

    @BeforeEach
    void aWriter() {
        events = new ActedEvents(eventStore, jdbc);
        writer = new ActedEvents.Caller(TestKeycloak.get().issuer(), UUID.randomUUID().toString(), UUID.randomUUID().toString());
        start = events.head();
    }

    @Test
    void pagesTheWholeStreamExactlyOnceInCommitOrder() throws Exception {
        List<String> written = new ArrayList<>();
        for (int i = 0; i < 25; i++) {
            String post = UUID.randomUUID().toString();
            written.add(events.append(writer, "Post", post, created(post, "Paged " + i)));
        }
        assertThat(eventIds(pageAll("after=" + start, 7))).isEqualTo(written);

        List<JsonNode> everything = pageAll("", 1000);
        long last = everything.getLast().get("position").asLong();
        List<String> stored = jdbc.sql("SELECT event_identifier FROM public.domain_event_entry WHERE global_index <= ? ORDER BY global_index")
                .param(last).query(String.class).list();
        assertThat(eventIds(everything)).isEqualTo(stored);
        List<Long> positions = everything.stream().map(event -> event.get("position").asLong()).toList();
        assertThat(positions).isSorted().doesNotHaveDuplicates();
    }

    @Test
    void showsWhoDidWhatAndWhen() throws Exception {
        String post = UUID.randomUUID().toString();
        Instant at = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        events.append(writer, "Post", post, created(post, "Who"), at);
        String edit = events.append(writer, "Post", post, new PostEditedEvent(post, "Who else", "Changed"), at);

        JsonNode event = analyst("/api/v1/events?after=" + start + "&aggregateId=" + post + "&type=PostEditedEvent").get("data").get(0);
        assertThat(event.get("position").asLong()).isGreaterThan(start);
        assertThat(event.get("eventId").asString()).isEqualTo(edit);
        assertThat(event.get("aggregateType").asString()).isEqualTo("Post");
        assertThat(event.get("aggregateId").asString()).isEqualTo(post);
        assertThat(event.get("version").asLong()).isEqualTo(2);
        assertThat(event.get("type").asString()).isEqualTo("PostEditedEvent");
        assertThat(event.get("revision").asString()).isEqualTo("1");
        assertThat(Instant.parse(event.get("occurredAt").asString())).isEqualTo(at);
        assertThat(event.get("actor").get("issuer").asString()).isEqualTo(writer.issuer());
        assertThat(event.get("actor").get("subject").asString()).isEqualTo(writer.subject());
        assertThat(event.get("actor").get("profileId").asString()).isEqualTo(writer.profileId());
        assertThat(event.get("correlationId").asString()).isEqualTo("cmd-" + post + "-1");
        assertThat(event.get("requestId").asString()).isEqualTo("req-" + post + "-1");
        assertThat(event.get("payload").get("title").asString()).isEqualTo("Who else");
    }

    @Test
    void filtersByAggregateTypeEventTypeActorAndTime() throws Exception {
        Instant base = Instant.now().minus(10, ChronoUnit.MINUTES).truncatedTo(ChronoUnit.SECONDS);
        String post = UUID.randomUUID().toString();
        String created = events.append(writer, "Post", post, created(post, "Filtered"), base);
        String edited = events.append(writer, "Post", post, new PostEditedEvent(post, "Filtered", "again"), base.plusSeconds(10));
        String published = events.append(writer, "Post", post, new PostPublishedEvent(post), base.plusSeconds(20));
        ActedEvents.Caller newcomer = new ActedEvents.Caller(writer.issuer(), UUID.randomUUID().toString(), null);
        String user = UUID.randomUUID().toString();
        String registered = events.append(newcomer, "User", user,
                new UserRegisteredEvent(user, "New Comer", "new@x.test", newcomer.issuer(), newcomer.subject()), base.plusSeconds(30));
        String mine = "after=" + start;

        assertThat(ids(mine + "&aggregateType=User")).containsExactly(registered);
        assertThat(ids(mine + "&aggregateType=Post")).containsExactly(created, edited, published);
        assertThat(ids(mine + "&type=PostEditedEvent&type=PostPublishedEvent")).containsExactly(edited, published);
        assertThat(ids(mine + "&type=PostCreatedEvent,UserRegisteredEvent")).containsExactly(created, registered);
        assertThat(ids(mine + "&actor=" + writer.profileId())).containsExactly(created, edited, published);
        assertThat(ids(mine + "&actor=" + newcomer.subject())).containsExactly(registered);
        assertThat(ids(mine + "&aggregateId=" + user)).containsExactly(registered);
        assertThat(ids(mine + "&from=" + base.plusSeconds(5) + "&to=" + base.plusSeconds(25))).containsExactly(edited, published);
    }

    @Test
    void endsAFullPageWithACursorAndTheEndOfTheStreamWithout() throws Exception {
        String post = UUID.randomUUID().toString();
        String first = events.append(writer, "Post", post, created(post, "Needle"));
        for (int i = 0; i < 3; i++) {
            String hay = UUID.randomUUID().toString();
            events.append(writer, "Post", hay, created(hay, "Hay"));
        }
        JsonNode page = analyst("/api/v1/events?after=" + start + "&aggregateId=" + post + "&limit=1");
        assertThat(eventIds(List.of(page.get("data").get(0)))).containsExactly(first);
        JsonNode rest = analyst("/api/v1/events?after=" + page.get("next").asString() + "&aggregateId=" + post);
        assertThat(rest.get("data").isEmpty()).isTrue();
        assertThat(rest.has("next")).as("the end of the stream has no next").isFalse();
    }

    @ParameterizedTest
    @CsvSource({"limit=0, limit", "limit=1001, limit", "limit=many, limit", "after=not-a-cursor, after",
            "after=-5, after",
            // An Axon Server cursor (base64 of "1.s.5") given to the PostgreSQL store
            "after=MS5zLjU, after", "aggregateType=Comment, aggregateType", "type=PostLikedEvent, type",
            "from=yesterday, from", "to=2026-13-01T00:00:00Z, to", "from=2026-02-01T00:00:00Z&to=2026-01-01T00:00:00Z, from"})
    void refusesBadParametersNamingThem(String query, String parameter) throws Exception {
        for (String path : List.of("/api/v1/events?", "/api/v1/events/export?")) {
            if (path.contains("export") && parameter.equals("limit")) {
                continue;
            }
            mvc.perform(get(path + query).with(newIdentity("analyst"))).andExpect(status().isBadRequest())
                    .andExpect(jsonPath("$.type").value("https://inkwell.example/problems/validation-failed"))
                    .andExpect(jsonPath("$.errors[0].field").value(parameter));
        }
    }

    private List<JsonNode> pageAll(String query, int limit) throws Exception {
        List<JsonNode> all = new ArrayList<>();
        String cursor = null;
        HashSet<String> cursors = new HashSet<>();
        do {
            String url = "/api/v1/events?limit=" + limit + (cursor == null ? (query.isEmpty() ? "" : "&" + query) : "&after=" + cursor);
            JsonNode page = analyst(url);
            page.get("data").forEach(all::add);
            cursor = page.has("next") ? page.get("next").asString() : null;
            assertThat(cursor == null || cursors.add(cursor)).as("a cursor never repeats").isTrue();
        } while (cursor != null);
        return all;
    }

    private List<String> ids(String query) throws Exception {
        return eventIds(pageAllMatching(query));
    }

    private List<JsonNode> pageAllMatching(String query) throws Exception {
        List<JsonNode> all = new ArrayList<>();
        JsonNode page = analyst("/api/v1/events?" + query);
        page.get("data").forEach(all::add);
        assertThat(page.has("next")).as("a few events fit one page").isFalse();
        return all;
    }

    private JsonNode analyst(String url) throws Exception {
        return JsonMapper.shared().readTree(mvc.perform(get(url).with(newIdentity("analyst")))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString());
    }

    private static List<String> eventIds(List<JsonNode> events) {
        return events.stream().map(event -> event.get("eventId").asString()).toList();
    }

    private PostCreatedEvent created(String id, String title) {
        return new PostCreatedEvent(id, writer.profileId(), title, "Words", List.of("history"), "slug-" + id);
    }
}
