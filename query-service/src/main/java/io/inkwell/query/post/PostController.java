package io.inkwell.query.post;

import io.inkwell.query.security.CurrentViewer;
import io.inkwell.query.security.Viewer;
import io.inkwell.query.timetravel.PointInTime;
import io.inkwell.query.web.NotCaughtUpException;
import io.inkwell.query.web.NotFoundException;
import io.inkwell.query.web.PageResponse;
import io.inkwell.query.user.UserLookup;
import io.inkwell.query.user.UserState;
import io.inkwell.query.web.CachedAnswers;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Size;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Locale;
import java.util.Optional;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Sort;
import org.springframework.data.jpa.domain.Specification;
import org.springframework.http.ResponseEntity;
import org.springframework.util.DigestUtils;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@Tag(name = "Posts", description = "Read posts and tags")
@RequestMapping("/api/v1")
class PostController {

    /** Which posts a list shows; drafts only ever to their author or a moderator. */
    enum StatusFilter { PUBLISHED, DRAFT, ALL }

    /** The orders a list can have; newest first unless asked otherwise. */
    enum PostSort {
        NEWEST(Sort.by(Sort.Order.desc("publishedAt").nullsLast(), Sort.Order.desc("createdAt"))),
        OLDEST(Sort.by(Sort.Order.asc("publishedAt").nullsLast(), Sort.Order.asc("createdAt"))),
        UPDATED(Sort.by(Sort.Order.desc("updatedAt"))),
        TITLE(Sort.by(Sort.Order.asc("title"), Sort.Order.asc("id")));

        final Sort sort;

        PostSort(Sort sort) {
            this.sort = sort;
        }
    }

    private final PostViews posts;
    private final PostLookup lookup;
    private final UserLookup users;
    private final Authors authors;
    private final CurrentViewer viewers;
    private final PostTimeTravel timeTravel;
    private final Duration maxWait;

    PostController(PostViews posts, PostLookup lookup, UserLookup users, Authors authors, CurrentViewer viewers,
                   PostTimeTravel timeTravel, @Value("${inkwell.read-your-writes.max-wait:3s}") Duration maxWait) {
        this.posts = posts;
        this.lookup = lookup;
        this.users = users;
        this.timeTravel = timeTravel;
        this.authors = authors;
        this.viewers = viewers;
        this.maxWait = maxWait;
    }

    @GetMapping("/posts")
    PageResponse<PostResponse> list(@RequestParam(defaultValue = "1") @Min(1) @Max(100_000) int page,
                                    @RequestParam(defaultValue = "10") @Min(1) @Max(100) int limit,
                                    @RequestParam(required = false) @Size(max = 36) String author,
                                    @RequestParam(required = false) @Size(max = 50) String tag,
                                    @RequestParam(defaultValue = "published") StatusFilter status,
                                    @RequestParam(defaultValue = "newest") PostSort sort) {
        Viewer viewer = viewers.get();
        Specification<PostView> spec = PostFilters.visibleTo(viewer, status)
                .and(PostFilters.byAuthor(author))
                .and(PostFilters.taggedWith(tag == null ? null : tag.strip().toLowerCase(Locale.ROOT)));
        Page<PostView> found = posts.findAll(spec, PageRequest.of(page - 1, limit, sort.sort));
        return PageResponse.of(found, authors.responses(found.getContent()));
    }

    /**
     * The post as it is, or with {@code asOf} or {@code atVersion} as it was then (analysts, admins, its author).
     * The post as it is carries an ETag of the post's and its author's versions (the author's name is part of it).
     */
    @GetMapping("/posts/{id}")
    ResponseEntity<PostResponse> byId(@PathVariable String id, @RequestParam(required = false) @Min(1) Long minVersion,
                                      @RequestParam(required = false) @Size(max = 64) String asOf,
                                      @RequestParam(required = false) Long atVersion) {
        Optional<PointInTime> point = PointInTime.of(asOf, atVersion);
        if (point.isPresent()) {
            return ResponseEntity.ok(timeTravel.at(id, point.get(), viewers.get()));
        }
        return visible("Post " + id, minVersion == null ? lookup.byId(id) : lookup.byId(id, minVersion, maxWait),
                minVersion);
    }

    @GetMapping("/posts/by-slug/{slug}")
    ResponseEntity<PostResponse> bySlug(@PathVariable String slug,
                                        @RequestParam(required = false) @Min(1) Long minVersion) {
        return visible("Post " + slug, minVersion == null ? lookup.bySlug(slug)
                : lookup.bySlug(slug, minVersion, maxWait), minVersion);
    }

    @GetMapping("/tags")
    ResponseEntity<PageResponse<PostLookup.TagCounts.Tag>> tags(
            @RequestParam(defaultValue = "1") @Min(1) @Max(100_000) int page,
            @RequestParam(defaultValue = "10") @Min(1) @Max(100) int limit) {
        PostLookup.TagCounts counts = lookup.tagCounts(page, limit);
        // Tag counts have no version of their own: the tag is a digest of what the page shows.
        StringBuilder shown = new StringBuilder().append(page).append(' ').append(limit).append(' ').append(counts.total());
        counts.tags().forEach(tag -> shown.append('\n').append(tag.name()).append(' ').append(tag.count()));
        return CachedAnswers.ok(PageResponse.of(counts.tags(), page, limit, counts.total()), viewers.get().isAnonymous(),
                DigestUtils.md5DigestAsHex(shown.toString().getBytes(StandardCharsets.UTF_8)));
    }

    private ResponseEntity<PostResponse> visible(String what, Optional<PostState> found, Long minVersion) {
        Viewer viewer = viewers.get();
        PostState post = found.orElseThrow(() -> minVersion == null
                ? new NotFoundException(what + " does not exist") : new NotCaughtUpException(what, minVersion));
        if (!PostFilters.mayRead(viewer, post.status(), post.authorId())) {
            throw new NotFoundException(what + " does not exist");
        }
        Optional<UserState> author = users.byId(post.authorId());
        PostResponse response = PostResponse.of(post, author.map(UserState::name).orElse(null));
        return CachedAnswers.ok(response, viewer.isAnonymous(), post.version(), author.map(UserState::version).orElse(0L));
    }
}
