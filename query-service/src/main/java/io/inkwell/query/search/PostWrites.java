package io.inkwell.query.search;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch._types.VersionType;
import co.elastic.clients.elasticsearch.core.BulkResponse;
import co.elastic.clients.elasticsearch.core.bulk.BulkOperation;
import co.elastic.clients.elasticsearch.core.bulk.BulkResponseItem;
import io.inkwell.api.post.PostCreatedEvent;
import io.inkwell.query.post.PostState;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.messaging.Message;
import org.axonframework.messaging.unitofwork.BatchingUnitOfWork;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.axonframework.messaging.unitofwork.UnitOfWork;

/**
 * The writes of one batch of events into one posts index (the live one through its alias, or a generation
 * being rebuilt). An event folds onto the post as the batch has made it so far, else onto the document in
 * the index, which is fetched for all posts of the batch in one request when the batch's first event needs
 * it; the batch's documents go to Elasticsearch in one bulk request just before the batch commits, so its
 * token advances only when Elasticsearch has them. Writes carry the post's version as an external version:
 * Elasticsearch keeps the newest and refuses an older one, so replays and late events change nothing.
 */
class PostWrites {

    /** Work done before the first request, such as making sure the live index exists. */
    interface Preparation {
        void run() throws IOException;
    }

    /** What becomes of a document Elasticsearch refused; true if it is settled and the batch may commit. */
    interface Refusals {
        boolean settled(BulkResponseItem refused, EventMessage<?> event);
    }

    // A rebuild's batch reads and stages thousands of posts; each request stays small enough to be answered
    // well within the client's deadline by a busy node.
    private static final int BULK_SIZE = 500;
    // About 2 KB each: some 20 MB per writer.
    private static final int RECENT_POSTS = 10_000;

    private final ElasticsearchClient client;
    private final String index;
    private final Preparation preparation;
    private final Refusals refusals;
    private final RecentPosts recent = new RecentPosts(RECENT_POSTS);
    private final String batchKey = PostWrites.class.getName() + ".batch@" + System.identityHashCode(this);

    PostWrites(ElasticsearchClient client, String index, Preparation preparation, Refusals refusals) {
        this.client = client;
        this.index = index;
        this.preparation = preparation;
        this.refusals = refusals;
    }

    /**
     * The post as it was before the event with this sequence number: staged by this batch, or in the index.
     * Null when neither has it (a post not created yet, or a document that cannot be folded onto).
     */
    PostState before(String postId, long sequence) {
        Batch batch = batch();
        Versioned staged = batch.staged.get(postId);
        if (staged != null) {
            return staged.post();
        }
        if (!batch.indexed.containsKey(postId)) {
            PostState written = recent.before(postId, sequence);
            if (written != null) {
                batch.indexed.put(postId, written);
                batch.remembered.add(postId);
            } else {
                // The first post of the batch that needs reading brings all the others along.
                batch.indexed.putAll(fetch(batch.wanted.contains(postId) ? batch.wanted : Set.of(postId)));
                batch.wanted.clear();
            }
        }
        return batch.indexed.get(postId);
    }

    /** Stages the post's new state for the batch's bulk request, unless it is what the index holds already. */
    void stage(PostState post) {
        Batch batch = batch();
        if (post == null || post.equals(batch.indexed.get(post.id())) && !batch.staged.containsKey(post.id())
                && !batch.remembered.contains(post.id())) {
            return;
        }
        EventMessage<?> event = CurrentUnitOfWork.get().getMessage() instanceof EventMessage<?> e ? e : null;
        batch.staged.merge(post.id(), new Versioned(post, event),
                (older, newer) -> newer.post().version() >= older.post().version() ? newer : older);
    }

    private Batch batch() {
        UnitOfWork<?> root = CurrentUnitOfWork.get().root();
        return root.getOrComputeResource(batchKey, key -> {
            // Refusals are settled only in the stream; an operator's retry of a dead letter that is refused
            // again fails, and the letter stays parked (parking it anew would retry it forever).
            boolean fromStream = root instanceof BatchingUnitOfWork<?>;
            Batch batch = new Batch(fromStream ? toFetch(((BatchingUnitOfWork<?>) root).getMessages()) : new LinkedHashSet<>());
            root.onPrepareCommit(unitOfWork -> write(batch.staged.values(), fromStream));
            return batch;
        });
    }

    /**
     * The posts of the batch whose first event in it needs the post as it was, and that this writer has not
     * written just before: neither new posts nor recent ones.
     */
    private Set<String> toFetch(List<? extends Message<?>> messages) {
        Set<String> seen = new HashSet<>();
        Set<String> wanted = new LinkedHashSet<>();
        for (var message : messages) {
            if (message instanceof DomainEventMessage<?> event && PostSearchProjection.EVENTS.contains(event.getPayloadType())
                    && seen.add(event.getAggregateIdentifier()) && event.getPayloadType() != PostCreatedEvent.class
                    && recent.before(event.getAggregateIdentifier(), event.getSequenceNumber()) == null) {
                wanted.add(event.getAggregateIdentifier());
            }
        }
        return wanted;
    }

    private Map<String, PostState> fetch(Collection<String> ids) {
        try {
            preparation.run();
            Map<String, PostState> found = new HashMap<>();
            if (ids.size() == 1) {
                String id = ids.iterator().next();
                var document = client.get(g -> g.index(index).id(id), PostDocument.class);
                found.put(id, document.found() ? document.source().state() : null);
                return found;
            }
            List<String> all = List.copyOf(ids);
            for (int from = 0; from < all.size(); from += BULK_SIZE) {
                List<String> some = all.subList(from, Math.min(all.size(), from + BULK_SIZE));
                client.mget(m -> m.index(index).ids(some), PostDocument.class).docs().forEach(item -> {
                    if (item.isFailure()) {
                        throw new IllegalStateException("Elasticsearch could not read post " + item.failure().id() + ": "
                                + item.failure().error().reason());
                    }
                    found.put(item.result().id(), item.result().found() ? item.result().source().state() : null);
                });
            }
            return found;
        } catch (IOException e) {
            throw new UncheckedIOException("Elasticsearch is unreachable; the batch will be retried", e);
        }
    }

    private void write(Collection<Versioned> posts, boolean settleRefusals) {
        if (posts.isEmpty()) {
            return;
        }
        try {
            preparation.run();
            List<Versioned> all = List.copyOf(posts);
            List<BulkResponseItem> failed = new ArrayList<>();
            for (int from = 0; from < all.size(); from += BULK_SIZE) {
                failed.addAll(bulk(all.subList(from, Math.min(all.size(), from + BULK_SIZE)), settleRefusals));
            }
            if (!failed.isEmpty()) {
                throw new IllegalStateException(SearchRefusals.abbreviated("Elasticsearch refused " + failed.size()
                        + " documents, first: " + failed.getFirst().error().reason()));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Elasticsearch is unreachable; the batch will be retried", e);
        }
    }

    /** Writes one bulk request; returns the items refused for another reason than being stale, unsettled. */
    private List<BulkResponseItem> bulk(List<Versioned> posts, boolean settleRefusals) throws IOException {
        List<BulkOperation> operations = posts.stream().map(p -> BulkOperation.of(op -> op.index(write -> write
                .index(index).id(p.post().id()).document(PostDocument.of(p.post()))
                .version(p.post().version()).versionType(VersionType.External)))).toList();
        BulkResponse response = client.bulk(bulk -> bulk.operations(operations));
        Map<String, Versioned> byId = new LinkedHashMap<>();
        posts.forEach(p -> byId.put(p.post().id(), p));
        List<BulkResponseItem> failed = new ArrayList<>();
        for (BulkResponseItem item : response.items()) {
            if (item.error() == null) {
                recent.written(byId.get(item.id()).post());
                continue;
            }
            // Not what the index holds: a stale write (a newer version is there already, which is fine)
            // or a refused one.
            recent.forget(item.id());
            if (!"version_conflict_engine_exception".equals(item.error().type())
                    && !(settleRefusals && refusals.settled(item, byId.get(item.id()).event()))) {
                failed.add(item);
            }
        }
        return failed;
    }

        private record Versioned(PostState post, EventMessage<?> event) {
    }

    private static final class Batch {
        final Set<String> wanted;
        // What the index holds of the batch's posts, as read or as last written by this writer.
        final Map<String, PostState> indexed = new HashMap<>();
        // Of those, the ones only remembered: the alias may have moved to another index since.
        final Set<String> remembered = new HashSet<>();
        final Map<String, Versioned> staged = new LinkedHashMap<>();

        Batch(Set<String> wanted) {
            this.wanted = wanted;
        }
    }
}
