package io.inkwell.query.post;

import io.inkwell.query.graphql.Arguments;
import io.inkwell.query.graphql.Connection;
import io.inkwell.query.graphql.PageArgs;
import io.inkwell.query.post.PostController.PostSort;
import io.inkwell.query.post.PostController.StatusFilter;
import io.inkwell.query.security.CurrentViewer;
import io.inkwell.query.security.Viewer;
import io.inkwell.query.user.UserNode;
import io.inkwell.query.user.UserLookup;
import io.inkwell.query.user.UserState;
import io.inkwell.query.web.NotCaughtUpException;
import io.inkwell.query.web.NotFoundException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.function.Function;
import java.util.stream.Collectors;
import graphql.schema.DataFetchingEnvironment;
import org.dataloader.DataLoader;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.data.domain.Page;
import org.springframework.data.jpa.domain.Specification;
import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.BatchMapping;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.graphql.data.method.annotation.SchemaMapping;
import org.springframework.graphql.data.method.annotation.SubscriptionMapping;
import org.springframework.stereotype.Controller;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/**
 * Posts and tags over GraphQL, under the rules and with the filters and orders of {@link PostController}: the
 * same repositories, {@link PostFilters} for who sees which post. Authors and authors' posts load in batches,
 * one query for all the posts of a page, never one per post.
 */
@Controller
class PostGraphQlController {

    private final PostViews posts;
    private final PostLookup lookup;
    private final UserLookup profiles;
    private final CurrentViewer viewers;
    private final PostPublications publications;
    private final Duration maxWait;

    PostGraphQlController(PostViews posts, PostLookup lookup, UserLookup profiles, CurrentViewer viewers,
                          PostPublications publications,
                          @Value("${inkwell.read-your-writes.max-wait:3s}") Duration maxWait) {
        this.posts = posts;
        this.lookup = lookup;
        this.publications = publications;
        this.profiles = profiles;
        this.viewers = viewers;
        this.maxWait = maxWait;
    }

    @QueryMapping
    PostView post(@Argument String id, @Argument Integer minVersion) {
        Long wanted = Arguments.minVersion(minVersion);
        return visible("Post " + id, wanted == null ? lookup.byId(id) : lookup.byId(id, wanted, maxWait), wanted);
    }

    @QueryMapping
    PostView postBySlug(@Argument String slug, @Argument Integer minVersion) {
        Long wanted = Arguments.minVersion(minVersion);
        return visible("Post " + slug, wanted == null ? lookup.bySlug(slug) : lookup.bySlug(slug, wanted, maxWait),
                wanted);
    }

    @QueryMapping
    Connection<PostView> posts(@Argument Integer first, @Argument String after, @Argument String author,
                               @Argument String tag, @Argument StatusFilter status, @Argument PostSort sort) {
        PageArgs page = PageArgs.of(first, after);
        Specification<PostView> spec = PostFilters.visibleTo(viewers.get(), status == null ? StatusFilter.PUBLISHED : status)
                .and(PostFilters.byAuthor(Arguments.atMost("author", author, 36)))
                .and(PostFilters.taggedWith(Arguments.tag(tag)));
        Page<PostView> found = posts.findAll(spec, page.pageable((sort == null ? PostSort.NEWEST : sort).sort));
        return Connection.of(found, Function.identity());
    }

    @QueryMapping
    Connection<PostViews.TagCount> tags(@Argument Integer first, @Argument String after) {
        PageArgs page = PageArgs.of(first, after);
        return Connection.of(posts.countPublishedByTag(page.pageable(org.springframework.data.domain.Sort.unsorted())),
                Function.identity());
    }

    /** The authors of all the posts of a response: from the profile cache, those it lacks in one query. */
    @BatchMapping(typeName = "Post", field = "author")
    Map<PostView, UserNode> author(List<PostView> page) {
        Viewer viewer = viewers.get();
        Map<String, UserState> found = profiles.byIds(page.stream().map(PostView::getAuthorId).distinct().toList());
        return page.stream().distinct().collect(Collectors.toMap(Function.identity(),
                post -> UserNode.author(post.getAuthorId(), found.get(post.getAuthorId()), viewer)));
    }

    /** An author's posts: batched over all the authors of a response by {@link AuthorPosts}. */
    @SchemaMapping(typeName = "User", field = "posts")
    CompletableFuture<Connection<PostView>> authorsPosts(UserNode user, @Argument Integer first, @Argument String after,
                                                         @Argument StatusFilter status, @Argument PostSort sort,
                                                         DataFetchingEnvironment env) {
        DataLoader<AuthorPosts.Key, Connection<PostView>> loader = env.getDataLoader(AuthorPosts.LOADER);
        return loader.load(new AuthorPosts.Key(user.id(), PageArgs.of(first, after),
                status == null ? StatusFilter.PUBLISHED : status, sort == null ? PostSort.NEWEST : sort));
    }

    /** Each post as it is published; every post it shows is public, so anyone may listen. */
    @SubscriptionMapping
    Flux<PostView> postPublished() {
        return publications.ids()
                .concatMap(id -> Mono.fromCallable(() -> posts.findById(id)).subscribeOn(Schedulers.boundedElastic()))
                .flatMap(Mono::justOrEmpty)
                .filter(post -> post.getStatus() == PostView.Status.PUBLISHED);
    }

    /** As REST's single reads: through the cache, and a post the viewer may not see does not exist. */
    private PostView visible(String what, Optional<PostState> found, Long minVersion) {
        PostState post = found.orElseThrow(() -> minVersion == null
                ? new NotFoundException(what + " does not exist") : new NotCaughtUpException(what, minVersion));
        if (!PostFilters.mayRead(viewers.get(), post.status(), post.authorId())) {
            throw new NotFoundException(what + " does not exist");
        }
        return PostView.of(post);
    }
}
