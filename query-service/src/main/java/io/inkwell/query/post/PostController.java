package io.inkwell.query.post;

import io.inkwell.query.security.CurrentViewer;
import io.inkwell.query.security.Viewer;
import io.inkwell.query.timetravel.PointInTime;
import io.inkwell.query.web.NotCaughtUpException;
import io.inkwell.query.web.NotFoundException;
import io.inkwell.query.web.PageResponse;
import io.inkwell.query.projection.ReadModelUpdates;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Size;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Supplier;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Sort;
import org.springframework.data.jpa.domain.Specification;
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
    private final Authors authors;
    private final CurrentViewer viewers;
    private final ReadModelUpdates updates;
    private final PostTimeTravel timeTravel;
    private final Duration maxWait;

    PostController(PostViews posts, Authors authors, CurrentViewer viewers, ReadModelUpdates updates,
                   PostTimeTravel timeTravel, @Value("${inkwell.read-your-writes.max-wait:3s}") Duration maxWait) {
        this.posts = posts;
        this.timeTravel = timeTravel;
        this.authors = authors;
        this.viewers = viewers;
        this.updates = updates;
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

    /** The post as it is, or with {@code asOf} or {@code atVersion} as it was then (analysts, admins, its author). */
    @GetMapping("/posts/{id}")
    PostResponse byId(@PathVariable String id, @RequestParam(required = false) @Min(1) Long minVersion,
                      @RequestParam(required = false) @Size(max = 64) String asOf,
                      @RequestParam(required = false) Long atVersion) {
        Optional<PointInTime> point = PointInTime.of(asOf, atVersion);
        if (point.isPresent()) {
            return timeTravel.at(id, point.get(), viewers.get());
        }
        return visible("Post " + id, () -> posts.findById(id), minVersion);
    }

    @GetMapping("/posts/by-slug/{slug}")
    PostResponse bySlug(@PathVariable String slug, @RequestParam(required = false) @Min(1) Long minVersion) {
        return visible("Post " + slug, () -> posts.findBySlug(slug), minVersion);
    }

    @GetMapping("/tags")
    PageResponse<PostViews.TagCount> tags(@RequestParam(defaultValue = "1") @Min(1) @Max(100_000) int page,
                                         @RequestParam(defaultValue = "10") @Min(1) @Max(100) int limit) {
        return PageResponse.of(posts.countPublishedByTag(PageRequest.of(page - 1, limit)), tag -> tag);
    }

    private PostResponse visible(String what, Supplier<Optional<PostView>> find, Long minVersion) {
        Viewer viewer = viewers.get();
        Supplier<Optional<PostView>> findVisible = () -> find.get().filter(post -> PostFilters.mayRead(viewer, post));
        PostView post;
        if (minVersion == null) {
            post = findVisible.get().orElseThrow(() -> new NotFoundException(what + " does not exist"));
        } else {
            // The client has just written version minVersion: wait, briefly, for the read model to show it.
            post = updates.await(() -> find.get().filter(p -> p.getVersion() >= minVersion), maxWait)
                    .orElseThrow(() -> new NotCaughtUpException(what, minVersion));
            if (!PostFilters.mayRead(viewer, post)) {
                throw new NotFoundException(what + " does not exist");
            }
        }
        return authors.responses(List.of(post)).apply(post);
    }
}
