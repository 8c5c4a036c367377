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
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
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

    private final ElasticsearchClient client;
    private volatile boolean ready;

    PostIndex(ElasticsearchClient client) {
        this.client = client;
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
            CurrentUnitOfWork.get().root().onPrepareCommit(unitOfWork -> write(batch.values()));
            return batch;
        });
        staged.merge(document.id(), new Versioned(document, version),
                (older, newer) -> newer.version() >= older.version() ? newer : older);
    }

    private void write(java.util.Collection<Versioned> documents) {
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
                List<BulkResponseItem> failed = response.items().stream()
                        .filter(item -> item.error() != null)
                        // A newer version is there already: this write is stale, and that is fine.
                        .filter(item -> !"version_conflict_engine_exception".equals(item.error().type()))
                        .toList();
                if (!failed.isEmpty()) {
                    throw new IllegalStateException("Elasticsearch refused " + failed.size() + " documents, first: "
                            + failed.getFirst().error().reason());
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Elasticsearch is unreachable; the batch will be retried", e);
        }
    }

    private record Versioned(PostDocument document, long version) {
    }
}
