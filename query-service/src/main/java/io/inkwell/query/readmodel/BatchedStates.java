package io.inkwell.query.readmodel;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import java.util.function.UnaryOperator;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.messaging.Message;
import org.axonframework.messaging.unitofwork.BatchingUnitOfWork;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;

/**
 * Applies events to a read model of aggregates' states, a processor's batch at a time: the rows of every
 * aggregate the batch touches are loaded in one query when its first event arrives, the events are folded in
 * memory, and the changed states are written in a few statements when the batch prepares to commit.
 * <p>
 * A write that PostgreSQL refuses fails the whole batch, which the processor then retries. Without a
 * batched write there is no telling which event was to blame, so the retry of that batch handles and writes
 * each event on its own: a refused event fails alone and the dead-letter queue parks only that one.
 *
 * @param <S> an aggregate's state, as the read model's fold makes it
 */
public final class BatchedStates<S> {

    /** Where the states live: the read model's tables. */
    public interface Store<S> {

        /** The stored states among these ids, by id; an id without a row is absent. */
        Map<String, S> load(Collection<String> ids);

        /**
         * Stores changed states, each at most once.
         *
         * @param stored what was stored before the changes, by id (null for no row)
         */
        void write(Map<String, S> stored, Collection<S> changed);

        /** Called once as a batch that writes at its commit starts, in its transaction, before any load. */
        default void batchStarted() {
        }

        /**
         * The states of these ids, by id, read in one round trip by {@code query}, whose one parameter is the
         * array of ids; an id without a row is absent.
         */
        static <S> Map<String, S> loadById(JdbcTemplate jdbc, String query, Collection<String> ids, RowMapper<S> rows,
                                           Function<S, String> idOf) {
            Map<String, S> found = new HashMap<>();
            if (ids.isEmpty()) {
                return found;
            }
            jdbc.query(connection -> {
                PreparedStatement statement = connection.prepareStatement(query);
                statement.setArray(1, connection.createArrayOf("varchar", ids.toArray()));
                return statement;
            }, (ResultSet row) -> {
                S state = rows.mapRow(row, 0);
                found.put(idOf.apply(state), state);
            });
            return found;
        }
    }

    private static final Logger log = LoggerFactory.getLogger(BatchedStates.class);

    private final String resourceKey;
    private final Store<S> store;
    private final Set<Class<?>> events;
    // Identifiers of the messages of batches whose batched write failed: their retry goes event by event.
    private final Set<String> retryPerEvent = ConcurrentHashMap.newKeySet();

    /**
     * @param name   names this read model instance's state in a unit of work
     * @param events the event types whose aggregates a batch loads up front
     */
    public BatchedStates(String name, Store<S> store, Set<Class<?>> events) {
        this.resourceKey = BatchedStates.class.getName() + "/" + name + "/" + System.identityHashCode(this);
        this.store = store;
        this.events = Set.copyOf(events);
    }

    /** Applies one event to an aggregate's state, within the current batch, or at once outside any. */
    public void apply(String id, UnaryOperator<S> step) {
        if (!CurrentUnitOfWork.isStarted()) {
            applyNow(id, step);
            return;
        }
        UnitOfWork<?> root = CurrentUnitOfWork.get().root();
        Batch batch = root.getOrComputeResource(resourceKey, key -> start(root));
        if (batch.eventByEvent) {
            applyNow(id, step);
        } else {
            batch.apply(id, step);
        }
    }

    /**
     * Whether an event applied now is written within its handler call: outside a unit of work, and in a batch
     * retried event by event; not in a batch that writes at its commit.
     */
    public boolean writesInHandlerCall() {
        if (!CurrentUnitOfWork.isStarted()) {
            return true;
        }
        UnitOfWork<?> root = CurrentUnitOfWork.get().root();
        return root.getOrComputeResource(resourceKey, key -> start(root)).eventByEvent;
    }

    /**
     * Applies one event and writes its change at once: the live path, where each event is stored inside its
     * handler call so that a refused row fails that event alone.
     *
     * @return the state written, or null if the event changed nothing
     */
    public S applyNow(String id, UnaryOperator<S> step) {
        Map<String, S> stored = store.load(List.of(id));
        S before = stored.get(id);
        S after = step.apply(before);
        if (after == null || after == before) {
            return null;
        }
        store.write(stored, List.of(after));
        return after;
    }

    private Batch start(UnitOfWork<?> root) {
        List<? extends Message<?>> messages = root instanceof BatchingUnitOfWork<?> batching
                ? batching.getMessages() : List.of(root.getMessage());
        List<String> messageIds = messages.stream().map(Message::getIdentifier).toList();
        if (messageIds.stream().anyMatch(retryPerEvent::contains)) {
            log.info("Retrying a batch of {} events one by one, after its batched write failed", messageIds.size());
            root.afterCommit(unitOfWork -> messageIds.forEach(retryPerEvent::remove));
            return new Batch(messageIds, true);
        }
        Batch batch = new Batch(messageIds, false);
        store.batchStarted();
        if (root instanceof BatchingUnitOfWork<?>) {
            List<String> ids = messages.stream()
                    .filter(message -> message instanceof DomainEventMessage<?> && events.contains(message.getPayloadType()))
                    .map(message -> ((DomainEventMessage<?>) message).getAggregateIdentifier())
                    .distinct().toList();
            batch.stored.putAll(store.load(ids));
            ids.forEach(id -> batch.stored.putIfAbsent(id, null));
        }
        root.onPrepareCommit(unitOfWork -> batch.write());
        return batch;
    }

    private final class Batch {

        // HashMap: a loaded id without a row maps to null, so that it is not loaded again.
        final Map<String, S> stored = new HashMap<>();
        final Map<String, S> changed = new LinkedHashMap<>();
        final List<String> messageIds;
        // A retry after a failed batched write: each event is written inside its own handler call.
        final boolean eventByEvent;

        Batch(List<String> messageIds, boolean eventByEvent) {
            this.messageIds = messageIds;
            this.eventByEvent = eventByEvent;
        }

        void apply(String id, UnaryOperator<S> step) {
            if (!stored.containsKey(id)) {
                stored.put(id, store.load(List.of(id)).get(id));
            }
            S current = changed.containsKey(id) ? changed.get(id) : stored.get(id);
            S next = step.apply(current);
            if (next != null && next != current) {
                changed.put(id, next);
            }
        }

        void write() {
            try {
                store.write(stored, changed.values());
            } catch (RuntimeException e) {
                retryPerEvent.addAll(messageIds);
                log.warn("A batched write of {} events failed; its retry goes event by event: {}", messageIds.size(),
                        e.toString());
                throw e;
            }
        }
    }
}
