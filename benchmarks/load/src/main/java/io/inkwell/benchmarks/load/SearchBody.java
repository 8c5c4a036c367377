package io.inkwell.benchmarks.load;

/**
 * The request body query-service's PostSearch sends to Elasticsearch for {@code GET /api/v1/search/posts?q=...}
 * (first page of 10, relevance order): published posts whose title, tags and content match every word with typo
 * tolerance, the total, tag facets and highlights. Kept in step with PostSearch by hand; the search scenario's
 * baseline is only fair while both ask the same.
 */
final class SearchBody {

    private SearchBody() {
    }

    static String of(String words) {
        String quoted = "\"" + words.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
        return """
                {"from": 0, "size": 10, "track_total_hits": true,
                 "query": {"bool": {
                   "filter": [{"term": {"status": "published"}}],
                   "must": [{"multi_match": {"query": %s, "fields": ["title^3", "tags^2", "content"],
                             "fuzziness": "AUTO", "prefix_length": 1, "operator": "and"}}]}},
                 "aggregations": {"tags": {"terms": {"field": "tags", "size": 20}}},
                 "highlight": {"pre_tags": ["<em>"], "post_tags": ["</em>"],
                   "fields": {"title": {"number_of_fragments": 0},
                              "content": {"fragment_size": 150, "number_of_fragments": 3}}}}""".formatted(quoted);
    }
}
