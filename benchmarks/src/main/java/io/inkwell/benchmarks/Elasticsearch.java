package io.inkwell.benchmarks;

import java.net.URI;
import java.net.http.HttpRequest;

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
}
