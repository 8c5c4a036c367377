package io.inkwell.query.search;

import co.elastic.clients.elasticsearch.core.search.Hit;
import io.inkwell.query.graphql.Arguments;
import io.inkwell.query.graphql.Connection;
import io.inkwell.query.graphql.PageArgs;
import io.inkwell.query.post.PostView;
import io.inkwell.query.post.PostViews;
import io.inkwell.query.web.InvalidParameterException;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.stereotype.Controller;

/**
 * {@code search}: {@link PostSearch} as {@code GET /api/v1/search/posts} uses it (relevance, or newest without
 * words), with the hits' posts read from the posts read model in one query, so that a hit is a whole
 * {@code Post} whose author loads in the same batch as every other post's.
 */
@Controller
class SearchGraphQlController {

    record Highlights(List<String> title, List<String> content) {
    }

    record SearchHit(String cursor, PostView post, Highlights highlights, Double score) {
    }

    record TagFacet(String name, long count) {
    }

    record Facets(List<TagFacet> tags) {
    }

    record SearchResult(long total, List<SearchHit> hits, Connection.PageInfo pageInfo, Facets facets) {
    }

    private final PostSearch search;
    private final PostViews posts;

    SearchGraphQlController(PostSearch search, PostViews posts) {
        this.search = search;
        this.posts = posts;
    }

    @QueryMapping(name = "search")
    SearchResult search(@Argument String query, @Argument String tag, @Argument String author,
                        @Argument Integer first, @Argument String after) {
        PageArgs page = PageArgs.of(first, after);
        if (page.offset() + page.first() > PostSearch.MAX_WINDOW) {
            throw new InvalidParameterException("after", "search reads at most the first " + PostSearch.MAX_WINDOW
                    + " hits; narrow the search instead");
        }
        PostSearch.Result result = search.search(new PostSearch.Criteria(Arguments.atMost("query", query, 500),
                Arguments.tag(tag), Arguments.atMost("author", author, 36), null, null, PostSearch.Order.RELEVANCE,
                (int) page.offset(), page.first()));
        List<Hit<PostDocument>> hits = result.hits();
        Map<String, PostView> found = hits.isEmpty() ? Map.of()
                : posts.findAllById(hits.stream().map(Hit::id).toList()).stream()
                        .filter(post -> post.getStatus() == PostView.Status.PUBLISHED)
                        .collect(Collectors.toMap(PostView::getId, Function.identity()));
        // The cursors number the hits as the index found them; a hit the posts model does not show (yet) is left out.
        Connection<Hit<PostDocument>> numbered = Connection.of(hits, page.offset(), result.total());
        List<SearchHit> shown = numbered.edges().stream().filter(edge -> found.containsKey(edge.node().id()))
                .map(edge -> new SearchHit(edge.cursor(), found.get(edge.node().id()), highlights(edge.node()),
                        edge.node().score()))
                .toList();
        List<TagFacet> tags = result.tagCounts().entrySet().stream().map(e -> new TagFacet(e.getKey(), e.getValue())).toList();
        return new SearchResult(result.total(), shown, numbered.pageInfo(), new Facets(tags));
    }

    private static Highlights highlights(Hit<PostDocument> hit) {
        Map<String, List<String>> found = hit.highlight();
        return new Highlights(found.getOrDefault("title", List.of()), found.getOrDefault("content", List.of()));
    }
}
