package io.inkwell.query.search;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch._types.SortOrder;
import co.elastic.clients.elasticsearch._types.query_dsl.BoolQuery;
import co.elastic.clients.elasticsearch._types.query_dsl.Operator;
import co.elastic.clients.elasticsearch._types.query_dsl.TextQueryType;
import co.elastic.clients.elasticsearch.core.SearchRequest;
import co.elastic.clients.elasticsearch.core.SearchResponse;
import co.elastic.clients.elasticsearch.core.search.Hit;
import co.elastic.clients.elasticsearch.core.search.HighlightField;
import co.elastic.clients.util.NamedValue;
import java.io.IOException;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Full-text search over published posts. User text goes only into structured query fields, never into a
 * query string: words match title (weighted most), tags and content with typo tolerance; "quoted phrases"
 * must appear as written. Tag facets count the matches before the tag filter, so that every tag of the
 * result can be offered; the tag filter applies to the hits only.
 */
@Component
class PostSearch {

    static final int MAX_WINDOW = 10_000;
    private static final List<String> FIELDS = List.of("title^3", "tags^2", "content");
    private static final int FACET_SIZE = 20;

    enum Order { RELEVANCE, NEWEST }

    /** What to search for, and which hits: {@code limit} of them after the first {@code offset}. */
    record Criteria(String q, String tag, String author, Instant from, Instant to, Order order, int offset, int limit) {

        /** REST's pages, counted from 1. */
        static Criteria ofPage(String q, String tag, String author, Instant from, Instant to, Order order, int page,
                               int limit) {
            return new Criteria(q, tag, author, from, to, order, (page - 1) * limit, limit);
        }
    }

    record Result(List<Hit<PostDocument>> hits, long total, Map<String, Long> tagCounts) {
    }

    private static final Logger log = LoggerFactory.getLogger(PostSearch.class);

    private final ElasticsearchClient client;
    private final PostIndex index;

    PostSearch(ElasticsearchClient client, PostIndex index) {
        this.client = client;
        this.index = index;
    }

    Result search(Criteria criteria) {
        try {
            index.ensureExists();
            SearchResponse<PostDocument> response = client.search(request(criteria), PostDocument.class);
            Map<String, Long> tagCounts = new java.util.LinkedHashMap<>();
            response.aggregations().get("tags").sterms().buckets().array()
                    .forEach(bucket -> tagCounts.put(bucket.key().stringValue(), bucket.docCount()));
            return new Result(response.hits().hits(), response.hits().total().value(), tagCounts);
        } catch (IOException e) {
            log.warn("Search failed, answered as unavailable: {}", e.toString());
            throw new SearchUnavailableException(e);
        }
    }

    /** The whole request for one page of results: built apart from sending it, so that a unit test can read it. */
    static SearchRequest request(Criteria criteria) {
        SearchText text = SearchText.parse(criteria.q());
        return SearchRequest.of(s -> {
            s.index(PostIndex.ALIAS)
                    .query(q -> q.bool(b -> matching(b, text, criteria)))
                    .from(criteria.offset())
                    .size(criteria.limit())
                    .trackTotalHits(t -> t.enabled(true))
                    .aggregations("tags", a -> a.terms(t -> t.field("tags").size(FACET_SIZE)))
                    .highlight(h -> h.preTags("<em>").postTags("</em>")
                            .fields(NamedValue.of("title", HighlightField.of(f -> f.numberOfFragments(0))),
                                    NamedValue.of("content", HighlightField.of(f -> f.fragmentSize(150).numberOfFragments(3)))));
            if (criteria.tag() != null) {
                s.postFilter(f -> f.term(t -> t.field("tags").value(criteria.tag())));
            }
            if (criteria.order() == Order.NEWEST || text.isEmpty()) {
                s.sort(o -> o.field(f -> f.field("publishedAt").order(SortOrder.Desc)))
                        .sort(o -> o.field(f -> f.field("id").order(SortOrder.Asc)));
            }
            return s;
        });
    }

    private static BoolQuery.Builder matching(BoolQuery.Builder bool, SearchText text, Criteria criteria) {
        bool.filter(f -> f.term(t -> t.field("status").value(PostDocument.PUBLISHED)));
        if (criteria.author() != null) {
            bool.filter(f -> f.term(t -> t.field("authorId").value(criteria.author())));
        }
        if (criteria.from() != null || criteria.to() != null) {
            bool.filter(f -> f.range(r -> r.date(d -> {
                d.field("publishedAt");
                if (criteria.from() != null) {
                    d.gte(criteria.from().toString());
                }
                if (criteria.to() != null) {
                    d.lte(criteria.to().toString());
                }
                return d;
            })));
        }
        if (!text.words().isEmpty()) {
            bool.must(m -> m.multiMatch(mm -> mm.query(text.words()).fields(FIELDS)
                    .fuzziness("AUTO").prefixLength(1).operator(Operator.And)));
        }
        for (String phrase : text.phrases()) {
            bool.must(m -> m.multiMatch(mm -> mm.query(phrase).fields(FIELDS).type(TextQueryType.Phrase)));
        }
        return bool;
    }
}
