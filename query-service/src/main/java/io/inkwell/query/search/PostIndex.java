package io.inkwell.query.search;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch.indices.get_mapping.IndexMappingRecord;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * The posts index and its generations. Readers and the live projection reach it through the alias
 * {@code posts}, which points at one concrete index {@code posts-v<n>}; a rebuild fills the next one beside
 * it and moves the alias in one atomic request. Each index records in its {@code _meta} the version of the
 * definition (mapping and settings) it was created by; the first deployments created {@code posts-v1}
 * without one, which counts as definition version 1.
 */
@Component
class PostIndex {

    static final String ALIAS = "posts";
    static final String DEFINITION = "/search/posts-index.json";

    private static final Logger log = LoggerFactory.getLogger(PostIndex.class);

    private final ElasticsearchClient client;
    private final String definition;
    private final int definitionVersion;
    private final String refreshInterval;
    private volatile boolean ready;

    PostIndex(ElasticsearchClient client) {
        this.client = client;
        try (InputStream in = PostIndex.class.getResourceAsStream(DEFINITION)) {
            definition = new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
            JsonNode json = new ObjectMapper().readTree(definition);
            definitionVersion = json.path("mappings").path("_meta").path("definitionVersion").asInt();
            refreshInterval = json.path("settings").path("refresh_interval").asText();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static String name(int generation) {
        return "posts-v" + generation;
    }

    int definitionVersion() {
        return definitionVersion;
    }

    /**
     * Makes sure the alias leads to an index that takes this code's documents: creates {@code posts-v1} by
     * this code's definition on a first start, and otherwise adds the fields this definition has added to
     * the live index (adding fields is the one change a mapping allows), so that an index of an older
     * definition keeps taking documents and answering searches until it is rebuilt.
     */
    void ensureExists() throws IOException {
        if (ready) {
            return;
        }
        synchronized (this) {
            if (!ready) {
                if (client.indices().existsAlias(a -> a.name(ALIAS)).value()) {
                    addNewFields(ALIAS);
                } else {
                    create(name(1), false, true);
                }
                ready = true;
            }
        }
    }

    /** At start, so that neither the first search nor the first batch waits for it; both try again if this fails. */
    @EventListener(ApplicationReadyEvent.class)
    void prepareAtStart() {
        try {
            ensureExists();
        } catch (IOException | RuntimeException e) {
            log.warn("The posts index could not be prepared at start; searches and writes will try again: {}", e.toString());
        }
    }

    /** Adds to an index of definition version 1 the fields that version 2 added; a no-op on a newer index. */
    void addNewFields(String index) throws IOException {
        client.indices().putMapping(m -> m.index(index)
                .properties("createdAt", p -> p.date(d -> d.index(false)))
                .properties("version", p -> p.long_(l -> l.index(false))));
    }

    /**
     * Creates an index by this code's definition. One that is being filled from the first event refreshes
     * only when told to: it has no readers yet, and refreshing costs much of a bulk write's time.
     */
    void create(String index, boolean filling, boolean live) throws IOException {
        String body = filling ? withoutRefresh(definition) : definition;
        client.indices().create(c -> {
            c.index(index).withJson(new StringReader(body));
            if (live) {
                c.aliases(ALIAS, alias -> alias.isWriteIndex(true));
            }
            return c;
        });
    }

    private static String withoutRefresh(String definition) throws IOException {
        ObjectMapper json = new ObjectMapper();
        ObjectNode tree = (ObjectNode) json.readTree(definition);
        ((ObjectNode) tree.path("settings")).put("refresh_interval", "-1");
        return json.writeValueAsString(tree);
    }

    boolean exists(String index) throws IOException {
        return client.indices().exists(e -> e.index(index)).value();
    }

    /** The concrete index the alias leads to, or null before the first start. */
    String live() throws IOException {
        if (!client.indices().existsAlias(a -> a.name(ALIAS)).value()) {
            return null;
        }
        return client.indices().getAlias(a -> a.name(ALIAS)).aliases().keySet().iterator().next();
    }

    /** The definition version that the live index was created by: 1 for an index without one recorded. */
    int liveDefinitionVersion() throws IOException {
        Map<String, IndexMappingRecord> mappings = client.indices().getMapping(m -> m.index(ALIAS)).mappings();
        var meta = mappings.values().iterator().next().mappings().meta();
        return meta != null && meta.containsKey("definitionVersion") ? meta.get("definitionVersion").to(Integer.class) : 1;
    }

    /**
     * Makes the filled index live: gives it its refresh interval back, refreshes it so that readers find
     * every document written to it, and moves the alias onto it in one request, which Elasticsearch applies
     * atomically: every search goes to either the old or the new index, never to none.
     */
    void switchTo(String index) throws IOException {
        client.indices().putSettings(s -> s.index(index).settings(t -> t.refreshInterval(r -> r.time(refreshInterval))));
        client.indices().refresh(r -> r.index(index));
        String retired = live();
        client.indices().updateAliases(u -> {
            if (retired != null && !retired.equals(index)) {
                u.actions(a -> a.remove(r -> r.index(retired).alias(ALIAS)));
            }
            return u.actions(a -> a.add(add -> add.index(index).alias(ALIAS).isWriteIndex(true)));
        });
    }

    void delete(String index) throws IOException {
        if (index.equals(live())) {
            throw new IllegalStateException("Index " + index + " is live; switch to another before dropping it");
        }
        if (exists(index)) {
            client.indices().delete(d -> d.index(index));
        }
    }
}
