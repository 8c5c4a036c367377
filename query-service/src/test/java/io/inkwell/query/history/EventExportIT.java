package io.inkwell.query.history;

import static io.inkwell.testing.Callers.newIdentity;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import io.cloudevents.CloudEvent;
import io.cloudevents.core.format.EventFormat;
import io.cloudevents.core.provider.EventFormatProvider;
import io.cloudevents.jackson.JsonFormat;
import io.inkwell.api.post.PostCreatedEvent;
import io.inkwell.api.post.PostEditedEvent;
import io.inkwell.query.QueryServiceContext;
import io.inkwell.testing.TestKeycloak;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The streamed export in both formats, read back as a client would, and resumed from a position. */
@QueryServiceContext
class EventExportIT {

    private static final int EVENTS = 12;

    @Autowired
    MockMvc mvc;

    @Autowired
    EventStore eventStore;

    @Autowired
    JdbcClient jdbc;

    private ActedEvents.Caller writer;
    private long start;
    private final List<String> written = new ArrayList<>();
    private String post;
    private Instant editedAt;

    @BeforeEach
    void someHistory() {
        ActedEvents events = new ActedEvents(eventStore, jdbc);
        writer = new ActedEvents.Caller(TestKeycloak.get().issuer(), UUID.randomUUID().toString(), UUID.randomUUID().toString());
        start = events.head();
        post = UUID.randomUUID().toString();
        editedAt = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        written.add(events.append(writer, "Post", post, new PostCreatedEvent(post, writer.profileId(), "Exported", "x", List.of(), "slug-" + post)));
        for (int i = 1; i < EVENTS; i++) {
            written.add(events.append(writer, "Post", post, new PostEditedEvent(post, "Exported " + i, "x"), editedAt));
        }
    }

    @Test
    void exportsNdjsonOneEventPerLineInCommitOrder() throws Exception {
        List<JsonNode> lines = ndjson("after=" + start);
        assertThat(lines).hasSize(EVENTS);
        assertThat(lines.stream().map(line -> line.get("eventId").asString()).toList()).isEqualTo(written);
        assertThat(lines.stream().map(line -> line.get("position").asLong()).toList()).isSorted().doesNotHaveDuplicates();
        assertThat(lines.getLast().get("version").asLong()).isEqualTo(EVENTS);
        assertThat(lines.getLast().get("payload").get("title").asString()).isEqualTo("Exported " + (EVENTS - 1));
    }

    @Test
    void resumesAfterTheLastPositionKept() throws Exception {
        List<JsonNode> first = ndjson("after=" + start);
        long kept = first.get(4).get("position").asLong();
        List<JsonNode> resumed = ndjson("after=" + kept);
        assertThat(resumed.stream().map(line -> line.get("eventId").asString()).toList()).isEqualTo(written.subList(5, EVENTS));
    }

    @Test
    void filtersAsTheEventsEndpointDoes() throws Exception {
        assertThat(ndjson("after=" + start + "&type=PostCreatedEvent")).hasSize(1);
        assertThat(ndjson("after=" + start + "&aggregateType=User")).isEmpty();
    }

    @Test
    void exportsCloudEventsThatTheSdkReadsBack() throws Exception {
        EventFormat format = EventFormatProvider.getInstance().resolveFormat(JsonFormat.CONTENT_TYPE);
        List<CloudEvent> events = lines("format=cloudevents&after=" + start).stream()
                .map(line -> format.deserialize(line.getBytes(StandardCharsets.UTF_8))).toList();
        assertThat(events).hasSize(EVENTS);
        List<JsonNode> plain = ndjson("after=" + start);

        CloudEvent edit = events.get(1);
        assertThat(edit.getSpecVersion().toString()).isEqualTo("1.0");
        assertThat(edit.getId()).isEqualTo(written.get(1));
        assertThat(edit.getSource().toString()).isEqualTo("/inkwell/post/" + post);
        assertThat(edit.getType()).isEqualTo("io.inkwell.post-edited.v1");
        assertThat(edit.getTime().toInstant()).isEqualTo(editedAt);
        assertThat(edit.getTime().getOffset()).isEqualTo(ZoneOffset.UTC);
        assertThat(edit.getSubject()).isEqualTo(post);
        assertThat(edit.getDataContentType()).isEqualTo("application/json");
        JsonNode data = JsonMapper.shared().readTree(edit.getData().toBytes());
        assertThat(data.get("title").asString()).isEqualTo("Exported 1");
        assertThat(edit.getExtension("inkwellposition")).isEqualTo(plain.get(1).get("position").asString());
        assertThat(edit.getExtension("inkwellversion")).isEqualTo(2);
        assertThat(edit.getExtension("inkwellactorissuer")).isEqualTo(writer.issuer());
        assertThat(edit.getExtension("inkwellactorsubject")).isEqualTo(writer.subject());
        assertThat(edit.getExtension("inkwellactorprofileid")).isEqualTo(writer.profileId());
        assertThat(edit.getExtension("inkwellcorrelationid")).isEqualTo("cmd-" + post + "-1");
        assertThat(edit.getExtension("inkwellrequestid")).isEqualTo("req-" + post + "-1");
        assertThat(events.getFirst().getType()).isEqualTo("io.inkwell.post-created.v1");
    }

    @Test
    void offersBothFormatsInTheOpenApiDocument() throws Exception {
        JsonNode api = JsonMapper.shared().readTree(mvc.perform(get("/v3/api-docs")).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString());
        JsonNode export = api.get("paths").get("/api/v1/events/export").get("get");
        JsonNode format = null;
        for (JsonNode parameter : export.get("parameters")) {
            if (parameter.get("name").asString().equals("format")) {
                format = parameter.get("schema");
            }
        }
        assertThat(format).isNotNull();
        assertThat(format.get("enum").valueStream().map(JsonNode::asString).toList()).containsExactly("ndjson", "cloudevents");
        assertThat(export.get("responses").get("200").get("content").has("application/x-ndjson")).isTrue();
    }

    private List<JsonNode> ndjson(String query) throws Exception {
        return lines(query).stream().map(line -> JsonMapper.shared().readTree(line)).toList();
    }

    private List<String> lines(String query) throws Exception {
        String body = mvc.perform(get("/api/v1/events/export?" + query).with(newIdentity("analyst")))
                .andExpect(status().isOk()).andExpect(header().string("Content-Type", "application/x-ndjson"))
                .andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        return Arrays.stream(body.split("\n")).filter(line -> !line.isEmpty()).toList();
    }
}
