package io.inkwell.systemtest;

import java.net.URI;

/** Empties the Elasticsearch that the suites of this module share, so that none finds another's documents. */
final class SearchIndices {

    private SearchIndices() {
    }

    static void deleteAll(String elasticsearch) throws Exception {
        Http.Answer indices = Http.get(URI.create(elasticsearch + "/_cat/indices?format=json&h=index"), null);
        if (indices.status() != 200) {
            throw new IllegalStateException("Elasticsearch answered " + indices.status() + " " + indices.body());
        }
        for (var index : indices.body()) {
            String name = index.path("index").asString();
            // Elasticsearch's own indices start with a dot; deleting by name needs no wildcard permission.
            if (!name.startsWith(".")) {
                Http.delete(URI.create(elasticsearch + "/" + name), null);
            }
        }
    }
}
