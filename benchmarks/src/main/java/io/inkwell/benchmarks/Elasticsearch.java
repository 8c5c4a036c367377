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
     * The search rebuild's baseline: Elasticsearch copying the documents of {@code alias} into a new index with the
     * same mapping and analysis settings by itself ({@code _reindex}, batches of 500 like the projection's bulk
     * requests), so no client stands in the way. Documents per second of its own reckoning ({@code took}).
     */
    static double reindexRate(String uri, String alias) {
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
        String target = "bench-reindex-baseline";
        Http.send(HttpRequest.newBuilder(URI.create(uri + "/" + target)).DELETE());
        try {
            Http.Answer created = Http.send(HttpRequest.newBuilder(URI.create(uri + "/" + target))
                    .header("Content-Type", "application/json").PUT(HttpRequest.BodyPublishers.ofString(copy.toString())));
            if (created.status() != 200) {
                throw new IllegalStateException("creating " + target + " answered " + created.status() + " " + created.body());
            }
            String body = "{\"source\": {\"index\": \"" + source + "\", \"size\": 500}, \"dest\": {\"index\": \"" + target + "\"}}";
            Http.Answer started = Http.send(HttpRequest.newBuilder(URI.create(uri + "/_reindex?wait_for_completion=false"))
                    .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body)));
            String task = started.json().path("task").asString();
            while (true) {
                Http.pause(Duration.ofSeconds(1));
                JsonNode state = Http.send(HttpRequest.newBuilder(URI.create(uri + "/_tasks/" + task)).GET()).json();
                if (state.path("completed").asBoolean(false)) {
                    JsonNode response = state.path("response");
                    return (response.path("created").asLong() + response.path("updated").asLong())
                            / (response.path("took").asLong() / 1000.0);
                }
            }
        } finally {
            Http.send(HttpRequest.newBuilder(URI.create(uri + "/" + target)).DELETE());
        }
    }
}
