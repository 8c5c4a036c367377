package io.inkwell.query.search;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch._types.VersionType;
import co.elastic.clients.elasticsearch.core.BulkResponse;
import co.elastic.clients.elasticsearch.core.bulk.BulkOperation;
import co.elastic.clients.elasticsearch.core.bulk.BulkResponseItem;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.messaging.unitofwork.BatchingUnitOfWork;
import org.axonframework.messaging.deadletter.GenericDeadLetter;
import org.axonframework.messaging.deadletter.SequencedDeadLetterQueue;
import org.axonframework.messaging.deadletter.ThrowableCause;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/**
 * The posts index, reached through the alias {@code posts} so that it can be rebuilt into a new index and
 * switched without downtime. Writes carry the post's version as an external version: Elasticsearch keeps
 * the newest and refuses an older one, so replays and late events never overwrite newer data.
 */
@Component
public class PostIndex {

    public static final String ALIAS = "posts";
    static final String FIRST_INDEX = "posts-v1";
    private static final String STAGED = PostIndex.class.getName() + ".staged";

    private static final Logger log = LoggerFactory.getLogger(PostIndex.class);

    private final ElasticsearchClient client;
    // Resolved late: the processors' configuration is built after this component.
    private final ObjectProvider<EventProcessingConfiguration> processing;
    private volatile boolean ready;

    PostIndex(ElasticsearchClient client, ObjectProvider<EventProcessingConfiguration> processing) {
        this.client = client;
        this.processing = processing;
    }

    /** Creates the first index and its alias unless the alias exists. */
    public void ensureExists() throws IOException {
        if (ready) {
            return;
        }
        synchronized (this) {
            if (!ready && !client.indices().existsAlias(a -> a.name(ALIAS)).value()) {
                try (InputStream definition = PostIndex.class.getResourceAsStream("/search/posts-index.json")) {
                    client.indices().create(c -> c.index(FIRST_INDEX).withJson(definition)
                            .aliases(ALIAS, alias -> alias.isWriteIndex(true)));
                }
            }
            ready = true;
        }
    }

    /**
     * Stages a document for the bulk request that the current unit of work sends before it commits, so
     * that a batch of events makes one request and its token advances only when Elasticsearch has them.
     */
    void stage(PostDocument document, long version) {
        Map<String, Versioned> staged = CurrentUnitOfWork.get().root().getOrComputeResource(STAGED, key -> {
            Map<String, Versioned> batch = new LinkedHashMap<>();
            // Refusals are parked only from the live stream; an operator's retry of a dead letter that is
            // refused again fails, and the letter stays parked (parking it anew would retry it forever).
            boolean fromStream = CurrentUnitOfWork.get().root() instanceof BatchingUnitOfWork;
            CurrentUnitOfWork.get().root().onPrepareCommit(unitOfWork -> write(batch.values(), fromStream));
            return batch;
        });
        staged.merge(document.id(), new Versioned(document, version,
                CurrentUnitOfWork.get().getMessage() instanceof EventMessage<?> event ? event : null),
                (older, newer) -> newer.version() >= older.version() ? newer : older);
    }

    private void write(java.util.Collection<Versioned> documents, boolean parkRefusals) {
        if (documents.isEmpty()) {
            return;
        }
        try {
            ensureExists();
            List<BulkOperation> operations = documents.stream().map(d -> BulkOperation.of(op -> op.index(index -> index
                    .index(ALIAS).id(d.document().id()).document(d.document())
                    .version(d.version()).versionType(VersionType.External)))).toList();
            BulkResponse response = client.bulk(bulk -> bulk.operations(operations));
            if (response.errors()) {
                Map<String, Versioned> byId = new LinkedHashMap<>();
                documents.forEach(d -> byId.put(d.document().id(), d));
                List<BulkResponseItem> failed = response.items().stream()
                        .filter(item -> item.error() != null)
                        // A newer version is there already: this write is stale, and that is fine.
                        .filter(item -> !"version_conflict_engine_exception".equals(item.error().type()))
                        .filter(item -> !(parkRefusals && parkedForGood(item, byId.get(item.id()))))
                        .toList();
                if (!failed.isEmpty()) {
                    throw new IllegalStateException(abbreviated("Elasticsearch refused " + failed.size()
                            + " documents, first: " + failed.getFirst().error().reason()));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Elasticsearch is unreachable; the batch will be retried", e);
        }
    }

    /**
     * A document Elasticsearch refuses with a client error (a term too long for the index, say) would be
     * refused again on every retry, stalling every post of the segment: its event is parked in the
     * post-search dead-letter queue instead, in this batch's transaction, to be retried once the cause is
     * fixed. Overload (429) and server errors are outages: the batch is retried.
     */
    private boolean parkedForGood(BulkResponseItem item, Versioned staged) {
        if (staged == null || staged.event() == null || item.status() < 400 || item.status() >= 500 || item.status() == 429) {
            return false;
        }
        SequencedDeadLetterQueue<EventMessage<?>> queue = processing.getObject()
                .deadLetterQueue(PostSearchProjection.NAME).orElse(null);
        if (queue == null) {
            return false;
        }
        String reason = abbreviated("Elasticsearch refused the document of post " + item.id() + ": "
                + item.error().type() + ": " + item.error().reason());
        log.warn("{}; its event {} is parked", reason, staged.event().getIdentifier());
        queue.enqueue(item.id(), new GenericDeadLetter<>(item.id(), staged.event(),
                ThrowableCause.truncated(new IllegalArgumentException(reason))));
        return true;
    }

    /** Elasticsearch quotes the refused value, which may be long: the start says what went wrong. */
    private static String abbreviated(String reason) {
        return reason.length() <= 500 ? reason : reason.substring(0, 500) + "...";
    }

    private record Versioned(PostDocument document, long version, EventMessage<?> event) {
    }
}
