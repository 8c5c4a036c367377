package io.inkwell.query.search;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import io.inkwell.query.projection.LiveDefinition;
import io.inkwell.query.projection.RebuildableReadModel;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.springframework.stereotype.Component;

/**
 * The search index as a read model that can be rebuilt beside the live one: generation n is the index
 * {@code posts-v<n>}, filled by a projection of its own and made live by moving the alias {@code posts}.
 * The live projection writes through the alias all along, so after the switch it writes into the new index.
 */
@Component
public class SearchReadModel implements RebuildableReadModel, LiveDefinition {

    private final ElasticsearchClient client;
    private final PostIndex index;
    private final SearchRefusals refusals;
    private final EventStore events;

    SearchReadModel(ElasticsearchClient client, PostIndex index, SearchRefusals refusals, EventStore events) {
        this.client = client;
        this.index = index;
        this.refusals = refusals;
        this.events = events;
    }

    @Override
    public String name() {
        return PostSearchProjection.NAME;
    }

    @Override
    public int definitionVersion() {
        return index.definitionVersion();
    }

    /**
     * The definition version the live index was created by (recorded in its {@code _meta}; 1 when none is,
     * as in the first deployments' {@code posts-v1}). Below {@link #definitionVersion()}, the index should be
     * rebuilt to take this code's mapping.
     */
    @Override
    public int liveDefinitionVersion() {
        return io(() -> {
            index.ensureExists();
            return index.liveDefinitionVersion();
        });
    }

    /** The generation the alias leads to now. */
    public Generation liveGeneration() {
        return io(() -> {
            index.ensureExists();
            String live = index.live();
            return new Generation(name(), Integer.parseInt(live.substring(live.lastIndexOf('v') + 1)),
                    index.liveDefinitionVersion());
        });
    }

    /** Creates the generation's empty index; a leftover of a cancelled or crashed rebuild is replaced. */
    @Override
    public void prepare(Generation generation) {
        io(() -> {
            String name = PostIndex.name(generation.number());
            index.delete(name);
            index.create(name, true, false);
            return null;
        });
    }

    @Override
    public List<Object> handlers(Generation generation) {
        String name = PostIndex.name(generation.number());
        return List.of(new PostSearchProjection(new PostWrites(client, name, () -> { }, refusals::parkedInRebuild), events));
    }

    @Override
    public void switchTo(Generation generation, Generation retired) {
        io(() -> {
            index.switchTo(PostIndex.name(generation.number()));
            return null;
        });
    }

    @Override
    public void drop(Generation generation) {
        io(() -> {
            index.delete(PostIndex.name(generation.number()));
            return null;
        });
    }

    PostWrites liveWrites() {
        return new PostWrites(client, PostIndex.ALIAS, index::ensureExists, refusals::parkedForGood);
    }

    private interface Call<T> {
        T call() throws IOException;
    }

    private static <T> T io(Call<T> call) {
        try {
            return call.call();
        } catch (IOException e) {
            throw new UncheckedIOException("Elasticsearch is unreachable", e);
        }
    }
}
