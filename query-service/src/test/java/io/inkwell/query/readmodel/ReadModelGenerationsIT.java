package io.inkwell.query.readmodel;

import static io.inkwell.testing.Callers.newIdentity;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import io.inkwell.api.post.PostCreatedEvent;
import io.inkwell.api.post.PostEditedEvent;
import io.inkwell.api.post.PostPublishedEvent;
import io.inkwell.api.post.PostRetaggedEvent;
import io.inkwell.api.user.UserRegisteredEvent;
import io.inkwell.query.History;
import io.inkwell.query.QueryServiceContext;
import io.inkwell.query.projection.DeferredWrites;
import io.inkwell.query.projection.RebuildableReadModel;
import io.inkwell.query.projection.RebuildableReadModel.Generation;
import io.inkwell.query.projection.ReadModelReplaced;
import java.sql.Connection;
import java.sql.Savepoint;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import javax.sql.DataSource;
import org.axonframework.common.stream.BlockingStream;
import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.eventhandling.AnnotationEventHandlerAdapter;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.messaging.ResultMessage;
import org.axonframework.messaging.unitofwork.BatchingUnitOfWork;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceUtils;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The posts and users read models rebuilt beside the live ones on real PostgreSQL: a generation's handlers
 * fill it a batch at a time, a switch makes the API read it at once, and a drop removes it. Each test
 * switches back, so the rest of the suite keeps its read models.
 */
@QueryServiceContext
class ReadModelGenerationsIT {

    private static final int BATCH = 100;

    private final List<Boolean> writesInHandlerCalls = new ArrayList<>();

    @Autowired
    List<RebuildableReadModel> readModels;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    EventStore eventStore;
    @Autowired
    TransactionManager axonTransactions;
    @Autowired
    TransactionTemplate transactions;
    @Autowired
    DataSource dataSource;
    @Autowired
    MockMvc mvc;
    @Autowired
    History history;
    @Autowired
    ApplicationEventPublisher events;

    @Test
    void aRebuiltPostsGenerationServesTheApiRightAfterTheSwitch() throws Exception {
        String existing = history.publishedPost(History.newId(), "Already live", "x", List.of("live"));
        await().untilAsserted(() -> mvc.perform(get("/api/v1/posts/" + existing)).andExpect(status().isOk()));
        RebuildableReadModel posts = readModel("posts");
        Generation generation = newGeneration("posts");
        Generation retired = newGeneration("posts");
        posts.prepare(generation);
        try {
            // Only the new generation ever sees this post: the API shows it once, and only once, it is switched in.
            String onlyRebuilt = History.newId();
            List<EventMessage<?>> events = allStoredEvents();
            events.add(domain("Post", onlyRebuilt, 0, new PostCreatedEvent(onlyRebuilt, "author-x", "First", "one",
                    List.of("a", "b"), "slug-" + onlyRebuilt)));
            events.add(domain("Post", onlyRebuilt, 1, new PostEditedEvent(onlyRebuilt, "Rebuilt", "two")));
            events.add(domain("Post", onlyRebuilt, 2, new PostPublishedEvent(onlyRebuilt)));
            events.add(domain("Post", onlyRebuilt, 3, new PostRetaggedEvent(onlyRebuilt, List.of("rebuilt", "a"))));
            events.add(domain("Post", onlyRebuilt, 1, new PostEditedEvent(onlyRebuilt, "Replayed", "stale")));
            fill(posts.handlers(generation), events);

            // Enough reads for the JDBC driver to switch to a server-side prepared statement before the switch.
            for (int i = 0; i < 8; i++) {
                mvc.perform(get("/api/v1/posts/" + existing)).andExpect(status().isOk());
                mvc.perform(get("/api/v1/posts/" + onlyRebuilt)).andExpect(status().isNotFound());
            }
            switchTo(posts, generation, retired);
            try {
                mvc.perform(get("/api/v1/posts/" + onlyRebuilt)).andExpect(status().isOk())
                        .andExpect(jsonPath("$.title").value("Rebuilt"))
                        .andExpect(jsonPath("$.tags[0]").value("rebuilt"))
                        .andExpect(jsonPath("$.tags[1]").value("a"))
                        .andExpect(jsonPath("$.version").value(4));
                mvc.perform(get("/api/v1/posts/" + existing)).andExpect(status().isOk())
                        .andExpect(jsonPath("$.title").value("Already live"));
                mvc.perform(get("/api/v1/posts?tag=rebuilt")).andExpect(status().isOk())
                        .andExpect(jsonPath("$.data[0].id").value(onlyRebuilt));
                assertThat(exists("posts_g" + retired.number())).isTrue();
            } finally {
                switchTo(posts, retired, generation);
            }
            mvc.perform(get("/api/v1/posts/" + onlyRebuilt)).andExpect(status().isNotFound());
        } finally {
            posts.drop(generation);
        }
        assertThat(exists("posts_g" + generation.number())).isFalse();
        assertThat(exists("post_tags_g" + generation.number())).isFalse();
        assertThat(exists("tags_g" + generation.number())).isFalse();
    }

    @Test
    void aRebuiltUsersGenerationServesTheApiRightAfterTheSwitch() throws Exception {
        RebuildableReadModel users = readModel("users");
        Generation generation = newGeneration("users");
        Generation retired = newGeneration("users");
        users.prepare(generation);
        try {
            String onlyRebuilt = History.newId();
            List<EventMessage<?>> events = allStoredEvents();
            events.add(domain("User", onlyRebuilt, 0,
                    new UserRegisteredEvent(onlyRebuilt, "Gene Ration", "gene@inkwell.test", "https://issuer.test", onlyRebuilt)));
            fill(users.handlers(generation), events);
            switchTo(users, generation, retired);
            try {
                mvc.perform(get("/api/v1/users/" + onlyRebuilt).with(newIdentity("admin"))).andExpect(status().isOk())
                        .andExpect(jsonPath("$.name").value("Gene Ration"))
                        .andExpect(jsonPath("$.email").value("gene@inkwell.test"));
            } finally {
                switchTo(users, retired, generation);
            }
            mvc.perform(get("/api/v1/users/" + onlyRebuilt).with(newIdentity("admin"))).andExpect(status().isNotFound());
        } finally {
            users.drop(generation);
        }
        assertThat(exists("users_g" + generation.number())).isFalse();
    }

    @Test
    void aBatchWithARefusedRowFailsWholeAndItsRetryRefusesOnlyThatEvent() throws Exception {
        RebuildableReadModel posts = readModel("posts");
        Generation generation = newGeneration("posts");
        posts.prepare(generation);
        try {
            List<Object> handlers = posts.handlers(generation);
            List<EventMessage<?>> events = new ArrayList<>();
            List<String> fine = new ArrayList<>();
            String poison = History.newId();
            for (int i = 0; i < 6; i++) {
                String id = i == 3 ? poison : History.newId();
                // A title longer than the column: PostgreSQL refuses that one row.
                String title = i == 3 ? "x".repeat(300) : "Fine " + i;
                events.add(domain("Post", id, 0, new PostCreatedEvent(id, "author-x", title, "c", List.of("t"), "s-" + id)));
                if (i != 3) {
                    fine.add(id);
                }
            }
            List<String> refused = new ArrayList<>();
            assertThat(runBatch(handlers, events, refused).isExceptional()).isTrue();
            assertThat(rowsOf(generation)).isZero();
            // The batch wrote at its commit, so its handler calls needed no savepoint of their own.
            assertThat(writesInHandlerCalls).hasSize(6).containsOnly(false);

            writesInHandlerCalls.clear();
            ResultMessage<?> retry = runBatch(handlers, events, refused);
            assertThat(retry.isExceptional()).isFalse();
            assertThat(writesInHandlerCalls).hasSize(6).containsOnly(true);
            assertThat(refused).containsExactly(poison);
            assertThat(jdbc.sql("SELECT id FROM query.posts_g" + generation.number()).query(String.class).list())
                    .containsExactlyInAnyOrderElementsOf(fine);
        } finally {
            posts.drop(generation);
        }
    }

    private RebuildableReadModel readModel(String name) {
        return readModels.stream().filter(model -> model.name().equals(name)).findFirst().orElseThrow();
    }

    private static Generation newGeneration(String name) {
        return new Generation(name, ThreadLocalRandom.current().nextInt(10_000, 1_000_000), 1);
    }

    private List<EventMessage<?>> allStoredEvents() throws Exception {
        List<EventMessage<?>> events = new ArrayList<>();
        try (BlockingStream<TrackedEventMessage<?>> stream = eventStore.openStream(null)) {
            while (stream.hasNextAvailable()) {
                events.add(stream.nextAvailable());
            }
        }
        return events;
    }

    private static EventMessage<?> domain(String type, String id, long sequence, Object payload) {
        return new GenericDomainEventMessage<>(type, id, sequence, payload);
    }

    /** Runs the handlers over the events as a processor would: batches, each in a unit of work and a transaction. */
    /** What RebuildSwitch does: the tables in one transaction, then the caches of the read model let go. */
    private void switchTo(RebuildableReadModel model, Generation next, Generation retired) {
        transactions.executeWithoutResult(tx -> model.switchTo(next, retired));
        events.publishEvent(new ReadModelReplaced(model.name()));
    }

    private void fill(List<Object> handlers, List<EventMessage<?>> events) {
        for (int from = 0; from < events.size(); from += BATCH) {
            List<EventMessage<?>> batch = events.subList(from, Math.min(events.size(), from + BATCH));
            ResultMessage<?> result = runBatch(handlers, batch, new ArrayList<>());
            if (result.isExceptional()) {
                // The shared store holds other tests' poison events: as the processor does, retry the batch,
                // which the projection now writes event by event, each refused one rolled back alone.
                result = runBatch(handlers, batch, new ArrayList<>());
            }
            assertThat(result.isExceptional()).as("batch from %d", from).isFalse();
        }
    }

    /**
     * One batch; a handler call that fails is rolled back to a savepoint and noted, as the dead-letter queue
     * and the savepoint of each handler call do in the application.
     */
    private ResultMessage<?> runBatch(List<Object> handlers, List<EventMessage<?>> events, List<String> refused) {
        List<AnnotationEventHandlerAdapter> adapters = handlers.stream().map(AnnotationEventHandlerAdapter::new).toList();
        BatchingUnitOfWork<EventMessage<?>> unitOfWork = new BatchingUnitOfWork<>(events);
        unitOfWork.attachTransaction(axonTransactions);
        return unitOfWork.executeWithResult(() -> {
            EventMessage<?> event = unitOfWork.getMessage();
            Connection connection = DataSourceUtils.getConnection(dataSource);
            Savepoint savepoint = connection.setSavepoint();
            try {
                for (Object handler : handlers) {
                    writesInHandlerCalls.add(((DeferredWrites) handler).writesInHandlerCall());
                }
                for (AnnotationEventHandlerAdapter adapter : adapters) {
                    adapter.handle(event);
                }
                connection.releaseSavepoint(savepoint);
            } catch (Exception e) {
                connection.rollback(savepoint);
                refused.add(((GenericDomainEventMessage<?>) event).getAggregateIdentifier());
            }
            return null;
        });
    }

    private long rowsOf(Generation generation) {
        return jdbc.sql("SELECT count(*) FROM query.posts_g" + generation.number()).query(Long.class).single();
    }

    private boolean exists(String table) {
        return jdbc.sql("SELECT to_regclass(?) IS NOT NULL").param("query." + table).query(Boolean.class).single();
    }
}
