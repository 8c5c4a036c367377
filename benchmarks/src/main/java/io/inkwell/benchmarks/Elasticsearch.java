package io.inkwell.benchmarks;

import java.net.URI;
import java.net.http.HttpRequest;

/** The one question the benchmarks ask Elasticsearch directly: how many documents an index or alias holds. */
final class Elasticsearch {

    private Elasticsearch() {
    }

    static long count(String uri, String index) {
        Http.Answer answer = Http.send(HttpRequest.newBuilder(URI.create(uri + "/" + index + "/_count")).GET());
        return answer.status() == 200 ? answer.json().path("count").asLong() : -1;
    }
}
