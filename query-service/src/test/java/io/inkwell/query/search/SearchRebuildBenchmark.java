package io.inkwell.query.search;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import io.inkwell.api.post.PostCreatedEvent;
import io.inkwell.api.post.PostEditedEvent;
import io.inkwell.api.post.PostPublishedEvent;
import io.inkwell.api.post.PostRetaggedEvent;
import io.inkwell.query.QueryServiceContext;
import io.inkwell.query.projection.RebuildableReadModel.Generation;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * How fast a rebuild fills a fresh posts index through the batch path (one mget and one bulk request per
 * batch of 200 events), on events made up in memory: four events per post, interleaved over a thousand
 * posts at a time as a busy stream would have them. A benchmark, not a test: it prints its figures and
 * runs only when asked ({@code -Dinkwell.benchmark=true -Dit.test=SearchRebuildBenchmark}).
 */
@QueryServiceContext
@EnabledIfSystemProperty(named = "inkwell.benchmark", matches = "true")
class SearchRebuildBenchmark {

    private static final int POSTS = Integer.getInteger("inkwell.benchmark.posts", 50_000);
    private static final int INTERLEAVED = 1_000;

    @Autowired
    SearchReadModel readModel;

    @Autowired
    ElasticsearchClient client;

    @Test
    void fillsAFreshIndex() throws Exception {
        List<EventMessage<?>> events = events();
        Generation generation = new Generation(readModel.name(), 9_000 + (int) (System.nanoTime() % 1_000), 2);
        readModel.prepare(generation);
        try {
            long start = System.nanoTime();
            Replay.inBatches(events, readModel.handlers(generation), 200);
            double seconds = (System.nanoTime() - start) / 1e9;
            System.out.printf("BENCHMARK search rebuild: %,d posts (%,d events) in %.1f s: %,.0f documents/s, %,.0f events/s%n",
                    POSTS, events.size(), seconds, POSTS / seconds, events.size() / seconds);
            String index = PostIndex.name(generation.number());
            // On a busy machine a refresh of the whole index may take longer than the client's deadline.
            await().atMost(Duration.ofMinutes(2)).ignoreExceptions().untilAsserted(() -> {
                client.indices().refresh(r -> r.index(index));
                assertThat(client.count(c -> c.index(index)).count()).isEqualTo(POSTS);
            });
        } finally {
            readModel.drop(generation);
        }
    }

    private static List<EventMessage<?>> events() {
        List<EventMessage<?>> events = new ArrayList<>(POSTS * 4);
        String author = UUID.randomUUID().toString();
        for (int block = 0; block < POSTS; block += INTERLEAVED) {
            List<String> ids = new ArrayList<>();
            for (int i = block; i < Math.min(POSTS, block + INTERLEAVED); i++) {
                ids.add(UUID.randomUUID().toString());
            }
            for (String id : ids) {
                events.add(event(id, 0, new PostCreatedEvent(id, author, "Benchmark post " + id,
                        "Words about event sourcing, projections and rebuilds, post " + id, List.of("bench"), "slug-" + id)));
            }
            for (String id : ids) {
                events.add(event(id, 1, new PostEditedEvent(id, "Edited benchmark post " + id,
                        "Better words about event sourcing and search indexes, post " + id)));
            }
            for (String id : ids) {
                events.add(event(id, 2, new PostRetaggedEvent(id, List.of("bench", "search"))));
            }
            for (String id : ids) {
                events.add(event(id, 3, new PostPublishedEvent(id)));
            }
        }
        return events;
    }

    private static EventMessage<?> event(String postId, long sequence, Object payload) {
        return new GenericDomainEventMessage<>("Post", postId, sequence, payload);
    }
}
