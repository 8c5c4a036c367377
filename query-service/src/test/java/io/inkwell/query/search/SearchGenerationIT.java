package io.inkwell.query.search;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch._types.VersionType;
import io.inkwell.query.History;
import io.inkwell.query.QueryServiceContext;
import io.inkwell.query.projection.RebuildableReadModel.Generation;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicInteger;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.common.stream.BlockingStream;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A deployment whose live index was created by the first definition (as {@code posts-v1} was) keeps taking
 * documents and answering searches, and is rebuilt into an index of this code's definition and switched in
 * while a client searches on, which sees no error and no missing post at any moment.
 */
@QueryServiceContext
class SearchGenerationIT {

    @Autowired
    History history;

    @Autowired
    SearchReadModel readModel;

    @Autowired
    PostIndex index;

    @Autowired
    EventStore events;

    @Autowired
    ElasticsearchClient client;

    @LocalServerPort
    int port;

    private final HttpClient http = HttpClient.newHttpClient();

    @Test
    void anIndexOfTheFirstDefinitionIsRebuiltAndSwitchedWhileAClientSearchesOn() throws Exception {
        Generation legacy = aLiveIndexOfTheFirstDefinition();
        assertThat(readModel.liveDefinitionVersion()).isEqualTo(1);

        String author = history.registerUser("Rebuilt Writer", "rebuild-" + UUID.randomUUID() + "@inkwell.test",
                "https://issuer.test", UUID.randomUUID().toString());
        String word = SearchIT.letters(12);
        Set<String> published = new HashSet<>();
        for (int i = 0; i < 30; i++) {
            published.add(history.publishedPost(author, word + " " + i, "rebuilt text", List.of("rebuild")));
        }
        // A draft as the first definition left it: a bare document with nothing to fold onto.
        String draft = history.createPost(author, word + " draft", "not yet", List.of("rebuild"));
        String legacyIndex = PostIndex.name(legacy.number());
        await().atMost(Duration.ofSeconds(60)).ignoreExceptions()
                .until(() -> client.get(g -> g.index(legacyIndex).id(draft), PostDocument.class).found());
        client.index(i -> i.index(legacyIndex).id(draft)
                .document(new PostDocument(draft, "hidden", null, null, null, null, null, null, null, null, null))
                .version(1L).versionType(VersionType.ExternalGte));
        history.publish(draft);
        published.add(draft);
        String deleted = history.publishedPost(author, word + " deleted", "gone", List.of("rebuild"));
        history.deletePost(deleted);
        // Setting the scene on a busy machine may meet a slow answer; what the reader meets below may not.
        await().atMost(Duration.ofSeconds(60)).ignoreExceptions()
                .untilAsserted(() -> assertThat(search(word)).isEqualTo(published));

        Generation next = new Generation(readModel.name(), legacy.number() + 1, readModel.definitionVersion());
        AtomicInteger searches = new AtomicInteger();
        ConcurrentLinkedQueue<String> failures = new ConcurrentLinkedQueue<>();
        Thread reader = Thread.ofVirtual().start(() -> {
            while (!Thread.currentThread().isInterrupted()) {
                try {
                    Set<String> found = search(word);
                    if (!found.equals(published)) {
                        failures.add("found " + found.size() + " of " + published.size() + " posts");
                    }
                    searches.incrementAndGet();
                } catch (InterruptedException e) {
                    return;
                } catch (Exception e) {
                    failures.add(e.toString());
                }
            }
        });
        try {
            readModel.prepare(next);
            List<TrackedEventMessage<?>> history = allEvents();
            Replay.inBatches(history, readModel.handlers(next), 200);
            // Replayed over documents written with newer versions, the events change nothing.
            Map<String, List<Object>> written = writesIn(PostIndex.name(next.number()), published);
            Replay.inBatches(history, readModel.handlers(next), 200);
            assertThat(writesIn(PostIndex.name(next.number()), published)).isEqualTo(written).hasSize(published.size());
            int beforeSwitch = searches.get();
            readModel.switchTo(next, legacy);
            assertThat(readModel.liveGeneration()).isEqualTo(next);
            await().atMost(Duration.ofSeconds(60)).until(() -> searches.get() > beforeSwitch + 5);
            readModel.drop(legacy);
            int afterDrop = searches.get();
            await().atMost(Duration.ofSeconds(60)).until(() -> searches.get() > afterDrop + 5);
        } finally {
            reader.interrupt();
            reader.join();
        }
        assertThat(failures).isEmpty();
        assertThat(searches.get()).isPositive();
        assertThat(index.exists(PostIndex.name(legacy.number()))).isFalse();

        // The live projection writes through the alias, into the new index now.
        String later = history.publishedPost(author, word + " later", "after the switch", List.of());
        published.add(later);
        await().untilAsserted(() -> assertThat(search(word)).isEqualTo(published));
    }

    /** Swaps in an index of the first definition, as a deployment from before generations has it. */
    private Generation aLiveIndexOfTheFirstDefinition() throws Exception {
        Generation current = readModel.liveGeneration();
        Generation legacy = new Generation(readModel.name(), current.number() + 1, 1);
        try (InputStream definition = getClass().getResourceAsStream("/search/posts-index-v1.json")) {
            client.indices().create(c -> c.index(PostIndex.name(legacy.number())).withJson(definition));
        }
        index.switchTo(PostIndex.name(legacy.number()));
        // What the service does at start with the live index.
        index.addNewFields(PostIndex.ALIAS);
        readModel.drop(current);
        return legacy;
    }

    /** Each post's document with its sequence number, which every write that Elasticsearch accepts moves on. */
    private Map<String, List<Object>> writesIn(String index, Set<String> posts) throws Exception {
        Map<String, List<Object>> documents = new HashMap<>();
        for (String post : posts) {
            var document = client.get(g -> g.index(index).id(post), PostDocument.class);
            if (document.found()) {
                documents.put(post, List.of(document.seqNo(), document.source()));
            }
        }
        return documents;
    }

    private List<TrackedEventMessage<?>> allEvents() {
        List<TrackedEventMessage<?>> all = new ArrayList<>();
        try (BlockingStream<TrackedEventMessage<?>> stream = events.openStream(null)) {
            while (stream.hasNextAvailable()) {
                all.add(stream.nextAvailable());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return all;
    }

    private Set<String> search(String word) throws Exception {
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(
                URI.create("http://localhost:" + port + "/api/v1/search/posts?limit=100&q=" + word)).build(),
                HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 200) {
            throw new IllegalStateException("search answered " + response.statusCode() + ": " + response.body());
        }
        Set<String> ids = new HashSet<>();
        JsonMapper.shared().readTree(response.body()).path("data").forEach(hit -> ids.add(hit.path("id").asString()));
        return ids;
    }
}
