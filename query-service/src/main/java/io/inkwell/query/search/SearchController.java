package io.inkwell.query.search;

import io.inkwell.query.post.Authors;
import io.inkwell.query.post.PostResponse;
import io.inkwell.query.web.InvalidParameterException;
import io.inkwell.query.web.PageResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@Tag(name = "Search", description = "Full-text search over published posts")
@RequestMapping("/api/v1/search")
class SearchController {

    /** One hit: the post without its full content, with the matching passages highlighted. */
    record SearchHit(String id, String slug, String title, List<String> tags, PostResponse.Author author,
                     Instant publishedAt, Double score, Map<String, List<String>> highlights) {
    }

    record TagFacet(String name, long count) {
    }

    record SearchResults(List<SearchHit> data, PageResponse.Meta meta, Map<String, List<TagFacet>> facets) {
    }

    private final PostSearch search;
    private final Authors authors;

    SearchController(PostSearch search, Authors authors) {
        this.search = search;
        this.authors = authors;
    }

    @GetMapping("/posts")
    SearchResults posts(@RequestParam(required = false) @Size(max = 500) String q,
                        @RequestParam(required = false) @Size(max = 50) String tag,
                        @RequestParam(required = false) @Size(max = 36) String author,
                        @RequestParam(required = false) String from,
                        @RequestParam(required = false) String to,
                        @RequestParam(defaultValue = "relevance") PostSearch.Order sort,
                        @RequestParam(defaultValue = "1") @Min(1) int page,
                        @RequestParam(defaultValue = "10") @Min(1) @Max(100) int limit) {
        Instant start = instant("from", from, false);
        Instant end = instant("to", to, true);
        if (start != null && end != null && start.isAfter(end)) {
            throw new InvalidParameterException("from", "must not be after 'to'");
        }
        if ((long) page * limit > PostSearch.MAX_WINDOW) {
            throw new InvalidParameterException("page", "page × limit may be at most " + PostSearch.MAX_WINDOW
                    + "; narrow the search instead");
        }
        PostSearch.Result result = search.search(PostSearch.Criteria.ofPage(q,
                tag == null ? null : tag.strip().toLowerCase(Locale.ROOT), author, start, end, sort, page, limit));
        Map<String, String> names = authors.namesOf(result.hits().stream().map(h -> h.source().authorId()).toList());
        List<SearchHit> hits = result.hits().stream().map(hit -> new SearchHit(hit.id(), hit.source().slug(),
                hit.source().title(), hit.source().tags(), authors.author(hit.source().authorId(), names),
                hit.source().publishedAt(), hit.score(), hit.highlight())).toList();
        List<TagFacet> tags = result.tagCounts().entrySet().stream()
                .map(e -> new TagFacet(e.getKey(), e.getValue())).toList();
        return new SearchResults(hits, PageResponse.of(hits, page, limit, result.total()).meta(), Map.of("tags", tags));
    }

    /** A date ({@code 2026-11-25}, the whole day) or an instant ({@code 2026-11-25T10:00:00Z}). */
    private static Instant instant(String name, String value, boolean endOfDay) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return Instant.parse(value);
        } catch (DateTimeParseException notAnInstant) {
            try {
                LocalDate date = LocalDate.parse(value);
                return endOfDay ? date.plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant().minusMillis(1)
                        : date.atStartOfDay(ZoneOffset.UTC).toInstant();
            } catch (DateTimeParseException e) {
                throw new InvalidParameterException(name, "must be a date (2026-11-25) or an instant (2026-11-25T10:00:00Z)");
            }
        }
    }
}
