package io.inkwell.query.search;

import static org.assertj.core.api.Assertions.assertThat;

import co.elastic.clients.elasticsearch._types.SortOrder;
import co.elastic.clients.elasticsearch._types.query_dsl.BoolQuery;
import co.elastic.clients.elasticsearch._types.query_dsl.MultiMatchQuery;
import co.elastic.clients.elasticsearch._types.query_dsl.Operator;
import co.elastic.clients.elasticsearch._types.query_dsl.Query;
import co.elastic.clients.elasticsearch._types.query_dsl.TextQueryType;
import co.elastic.clients.elasticsearch.core.SearchRequest;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** What one search asks Elasticsearch for: user text only ever in structured query fields. */
class PostSearchRequestTest {

    private static final Instant FROM = Instant.parse("2026-01-01T00:00:00Z");
    private static final Instant TO = Instant.parse("2026-02-01T12:30:00Z");

    @Test
    void findsOnlyPublishedPostsAndPagesThroughThem() {
        SearchRequest request = PostSearch.request(criteria("axon", null, null, null, null, PostSearch.Order.RELEVANCE, 3, 20));

        assertThat(request.index()).containsExactly(PostIndex.ALIAS);
        assertThat(request.from()).isEqualTo(40);
        assertThat(request.size()).isEqualTo(20);
        assertThat(request.trackTotalHits().enabled()).isTrue();
        assertThat(filters(request)).hasSize(1);
        assertThat(filters(request).getFirst().term().field()).isEqualTo("status");
        assertThat(filters(request).getFirst().term().value().stringValue()).isEqualTo(PostDocument.PUBLISHED);
    }

    @Test
    void matchesLooseWordsWithTypoToleranceAcrossWeightedFieldsAndEveryWordRequired() {
        MultiMatchQuery words = bool(PostSearch.request(criteria("event sorcing", null, null, null, null,
                PostSearch.Order.RELEVANCE, 1, 10))).must().getFirst().multiMatch();

        assertThat(words.query()).isEqualTo("event sorcing");
        assertThat(words.fields()).containsExactly("title^3", "tags^2", "content");
        assertThat(words.fuzziness()).isEqualTo("AUTO");
        assertThat(words.prefixLength()).isEqualTo(1);
        assertThat(words.operator()).isEqualTo(Operator.And);
        assertThat(words.type()).isNull();
    }

    @Test
    void requiresEveryQuotedPhraseAsWrittenAndNoLooseWordsWhenThereAreNone() {
        List<Query> must = bool(PostSearch.request(criteria("\"read model\" \"event store\"", null, null, null, null,
                PostSearch.Order.RELEVANCE, 1, 10))).must();

        assertThat(must).hasSize(2);
        assertThat(must).extracting(q -> q.multiMatch().query()).containsExactly("read model", "event store");
        assertThat(must).extracting(q -> q.multiMatch().type()).containsOnly(TextQueryType.Phrase);
        assertThat(must.getFirst().multiMatch().fields()).containsExactly("title^3", "tags^2", "content");
        assertThat(must.getFirst().multiMatch().fuzziness()).isNull();
    }

    @Test
    void filtersByAuthorAndByPublicationTimeBetweenInstantsIncludingBothEnds() {
        List<Query> filters = filters(PostSearch.request(criteria(null, null, "author-1", FROM, TO,
                PostSearch.Order.RELEVANCE, 1, 10)));

        assertThat(filters).hasSize(3);
        assertThat(filters.get(1).term().field()).isEqualTo("authorId");
        assertThat(filters.get(1).term().value().stringValue()).isEqualTo("author-1");
        var range = filters.get(2).range().date();
        assertThat(range.field()).isEqualTo("publishedAt");
        assertThat(range.gte()).isEqualTo("2026-01-01T00:00:00Z");
        assertThat(range.lte()).isEqualTo("2026-02-01T12:30:00Z");
    }

    @Test
    void leavesAnOpenEndOfTheTimeRangeOpen() {
        var onlyFrom = filters(PostSearch.request(criteria(null, null, null, FROM, null, PostSearch.Order.RELEVANCE, 1, 10)))
                .get(1).range().date();
        var onlyTo = filters(PostSearch.request(criteria(null, null, null, null, TO, PostSearch.Order.RELEVANCE, 1, 10)))
                .get(1).range().date();

        assertThat(onlyFrom.gte()).isEqualTo("2026-01-01T00:00:00Z");
        assertThat(onlyFrom.lte()).isNull();
        assertThat(onlyTo.gte()).isNull();
        assertThat(onlyTo.lte()).isEqualTo("2026-02-01T12:30:00Z");
    }

    @Test
    void filtersTheHitsByTagButCountsTagsOverAllMatches() {
        SearchRequest request = PostSearch.request(criteria("axon", "java", null, null, null, PostSearch.Order.RELEVANCE, 1, 10));

        assertThat(request.postFilter().term().field()).isEqualTo("tags");
        assertThat(request.postFilter().term().value().stringValue()).isEqualTo("java");
        assertThat(filters(request)).hasSize(1);
        assertThat(request.aggregations().get("tags").terms().field()).isEqualTo("tags");
        assertThat(request.aggregations().get("tags").terms().size()).isEqualTo(20);
        assertThat(PostSearch.request(criteria("axon", null, null, null, null, PostSearch.Order.RELEVANCE, 1, 10)).postFilter())
                .isNull();
    }

    @Test
    void sortsByRelevanceUnlessAskedForTheNewestOrGivenNoText() {
        assertThat(PostSearch.request(criteria("axon", null, null, null, null, PostSearch.Order.RELEVANCE, 1, 10)).sort())
                .isEmpty();

        for (SearchRequest newestFirst : List.of(
                PostSearch.request(criteria("axon", null, null, null, null, PostSearch.Order.NEWEST, 1, 10)),
                PostSearch.request(criteria("  ", null, null, null, null, PostSearch.Order.RELEVANCE, 1, 10)))) {
            assertThat(newestFirst.sort()).hasSize(2);
            assertThat(newestFirst.sort().get(0).field().field()).isEqualTo("publishedAt");
            assertThat(newestFirst.sort().get(0).field().order()).isEqualTo(SortOrder.Desc);
            assertThat(newestFirst.sort().get(1).field().field()).isEqualTo("id");
            assertThat(newestFirst.sort().get(1).field().order()).isEqualTo(SortOrder.Asc);
        }
    }

    @Test
    void highlightsTheWholeTitleAndUpToThreeFragmentsOfContent() {
        var highlight = PostSearch.request(criteria("axon", null, null, null, null, PostSearch.Order.RELEVANCE, 1, 10)).highlight();

        assertThat(highlight.preTags()).containsExactly("<em>");
        assertThat(highlight.postTags()).containsExactly("</em>");
        assertThat(highlight.fields()).extracting(field -> field.name()).containsExactly("title", "content");
        assertThat(highlight.fields().get(0).value().numberOfFragments()).isZero();
        assertThat(highlight.fields().get(1).value().numberOfFragments()).isEqualTo(3);
        assertThat(highlight.fields().get(1).value().fragmentSize()).isEqualTo(150);
    }

    private static PostSearch.Criteria criteria(String q, String tag, String author, Instant from, Instant to,
                                                PostSearch.Order order, int page, int limit) {
        return PostSearch.Criteria.ofPage(q, tag, author, from, to, order, page, limit);
    }

    private static BoolQuery bool(SearchRequest request) {
        return request.query().bool();
    }

    private static List<Query> filters(SearchRequest request) {
        return bool(request).filter();
    }
}
