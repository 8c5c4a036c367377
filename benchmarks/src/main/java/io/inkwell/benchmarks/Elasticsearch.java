package io.inkwell.benchmarks;

import java.net.URI;
import java.net.http.HttpRequest;
import java.time.Duration;
import java.util.Iterator;
import java.util.Map;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/** What the benchmarks ask Elasticsearch directly: how many documents an index holds, how many it was sent. */
final class Elasticsearch {

    private Elasticsearch() {
    }

    static long count(String uri, String index) {
        Http.Answer answer = Http.send(HttpRequest.newBuilder(URI.create(uri + "/" + index + "/_count")).GET());
        return answer.status() == 200 ? answer.json().path("count").asLong() : -1;
    }

    /** Documents indexed into the primaries of an index (or the index an alias leads to) since it was created. */
    static long indexed(String uri, String index) {
        Http.Answer answer = Http.send(HttpRequest.newBuilder(URI.create(uri + "/" + index + "/_stats/indexing")).GET());
        return answer.status() == 200 ? answer.json().path("_all").path("primaries").path("indexing").path("index_total").asLong() : -1;
    }

    /**
     * The search rebuild's baseline: the documents of {@code alias} bulk-written by a plain client, 500 to a
     * request like the projection's, into a new index with the same mapping and analysis settings. Documents per
     * second over the time of the bulk requests alone (reading them out with a scroll is not counted). The
     * minimal distribution of Elasticsearch has no _reindex.
     */
    static double bulkRate(String uri, String alias) {
        JsonNode settings = Http.send(HttpRequest.newBuilder(URI.create(uri + "/" + alias + "/_settings")).GET()).json();
        JsonNode mappings = Http.send(HttpRequest.newBuilder(URI.create(uri + "/" + alias + "/_mapping")).GET()).json();
        Iterator<Map.Entry<String, JsonNode>> indices = settings.properties().iterator();
        String source = indices.next().getKey();
        JsonNode index = settings.path(source).path("settings").path("index");
        ObjectNode copy = JsonMapper.shared().createObjectNode();
        ObjectNode copied = copy.putObject("settings").putObject("index");
        copied.set("number_of_shards", index.path("number_of_shards"));
        copied.set("number_of_replicas", index.path("number_of_replicas"));
        if (index.has("analysis")) {
            copied.set("analysis", index.path("analysis"));
        }
        copy.set("mappings", mappings.path(source).path("mappings"));
        String target = "bench-bulk-baseline";
        Http.send(HttpRequest.newBuilder(URI.create(uri + "/" + target)).DELETE());
        try {
            Http.Answer created = Http.send(HttpRequest.newBuilder(URI.create(uri + "/" + target))
                    .header("Content-Type", "application/json").PUT(HttpRequest.BodyPublishers.ofString(copy.toString())));
            if (created.status() != 200) {
                throw new IllegalStateException("creating " + target + " answered " + created.status() + " " + created.body());
            }
            long documents = 0;
            long bulkNanos = 0;
            JsonNode page = Http.send(HttpRequest.newBuilder(URI.create(uri + "/" + source + "/_search?scroll=2m"))
                    .header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString("{\"size\": 500, \"sort\": [\"_doc\"]}"))).json();
            while (page.path("hits").path("hits").size() > 0) {
                StringBuilder bulk = new StringBuilder();
                for (JsonNode hit : page.path("hits").path("hits")) {
                    bulk.append("{\"index\":{\"_id\":").append(JsonMapper.shared().writeValueAsString(hit.path("_id").asString()))
                            .append("}}\n").append(hit.path("_source").toString()).append('\n');
                    documents++;
                }
                long started = System.nanoTime();
                Http.Answer written = Http.send(HttpRequest.newBuilder(URI.create(uri + "/" + target + "/_bulk"))
                        .header("Content-Type", "application/x-ndjson").POST(HttpRequest.BodyPublishers.ofString(bulk.toString())));
                bulkNanos += System.nanoTime() - started;
                if (written.status() != 200 || written.json().path("errors").asBoolean(false)) {
                    throw new IllegalStateException("bulk into " + target + " answered " + written.status());
                }
                String scroll = page.path("_scroll_id").asString();
                page = Http.send(HttpRequest.newBuilder(URI.create(uri + "/_search/scroll"))
                        .header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString("{\"scroll\": \"2m\", \"scroll_id\": \"" + scroll + "\"}"))).json();
            }
            return documents / (bulkNanos / 1e9);
        } finally {
            Http.send(HttpRequest.newBuilder(URI.create(uri + "/" + target)).DELETE());
        }
    }
}
