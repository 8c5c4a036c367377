package io.inkwell.benchmarks.generate;

import io.inkwell.api.post.PostCreatedEvent;
import io.inkwell.api.post.PostDeletedEvent;
import io.inkwell.api.post.PostEditedEvent;
import io.inkwell.api.post.PostPublishedEvent;
import io.inkwell.api.post.PostRetaggedEvent;
import io.inkwell.api.post.PostUnpublishedEvent;
import io.inkwell.api.user.UserEmailChangedEvent;
import io.inkwell.api.user.UserRegisteredEvent;
import io.inkwell.api.user.UserRenamedEvent;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.UUID;
import java.util.function.Consumer;

/**
 * A plausible history of {@code users} people writing {@code posts} posts, about ten events a post, in the
 * order command-service would have stored it: many posts in progress at once (their events interleave),
 * every author registered before their first post, each aggregate's events in sequence, one command per
 * event. The same seed gives the same history, so that figures of two runs compare.
 */
public final class SyntheticHistory {

    /** Posts being written at the same time; their events interleave in the global stream. */
    private static final int IN_PROGRESS = 1_000;

    private final int users;
    private final int posts;
    private final SplittableRandom random;
    private final Instant start;
    private final Duration step;
    private final Texts texts;
    private final List<PostInProgress> inProgress = new ArrayList<>();
    private final List<Author> authors = new ArrayList<>();
    private long emitted;
    private int postsStarted;

    public SyntheticHistory(int users, int posts, long seed, Instant end) {
        if (users < 1 || posts < 0) {
            throw new IllegalArgumentException("needs at least one user and no negative number of posts");
        }
        this.users = users;
        this.posts = posts;
        this.random = new SplittableRandom(seed);
        this.texts = new Texts(random);
        // Room for half as many events again as expected, so that the last one is never after `end`; spread
        // over up to 90 days, at least a millisecond apart (Axon stores milliseconds).
        long room = expectedEvents(users, posts) * 3 / 2 + 10;
        this.step = Duration.ofMillis(Math.max(1, Duration.ofDays(90).toMillis() / room));
        this.start = end.minus(step.multipliedBy(room));
    }

    /** About how many events {@code users} and {@code posts} make; the generator's mean, not an exact count. */
    public static long expectedEvents(int users, int posts) {
        return Math.round(users * 1.2) + posts * 10L;
    }

    /** A version-4 UUID from the seeded generator: the same seed, the same ids (and no SecureRandom per event). */
    private String uuid() {
        return uuid(random);
    }

    static String uuid(SplittableRandom random) {
        long high = (random.nextLong() & ~0xF000L) | 0x4000L;
        long low = (random.nextLong() & ~(0xC000L << 48)) | (0x8000L << 48);
        return new UUID(high, low).toString();
    }

    /** Hands every event to {@code sink} in global order; returns how many there were. */
    public long forEach(Consumer<StoredEvent> sink) {
        while (postsStarted < posts || !inProgress.isEmpty() || authors.size() < users) {
            if (authors.size() < usersNeededFor(postsStarted + 1) || postsStarted == posts && inProgress.isEmpty()) {
                register(sink);
            } else if (inProgress.size() < IN_PROGRESS && postsStarted < posts) {
                startPost(sink);
            } else if (random.nextInt(100) < 2) {
                changeProfile(sink);
            } else {
                advancePost(sink);
            }
        }
        return emitted;
    }

    /** Registrations are spread over the history: about users/posts of them before each new post. */
    private int usersNeededFor(int postNumber) {
        return posts == 0 ? users : (int) Math.min(users, Math.max(1, Math.ceil((double) postNumber * users / posts)));
    }

    private void register(Consumer<StoredEvent> sink) {
        int number = authors.size();
        Author author = new Author(uuid(), uuid(),
                texts.personName(), "writer" + number + "@bench.inkwell.test");
        authors.add(author);
        emit(sink, "User", author.userId, author.nextSequence(), author, false,
                new UserRegisteredEvent(author.userId, author.name, author.email, Texts.ISSUER, author.subject));
    }

    private void changeProfile(Consumer<StoredEvent> sink) {
        Author author = authors.get(random.nextInt(authors.size()));
        Object event;
        if (random.nextBoolean()) {
            author.name = texts.personName();
            event = new UserRenamedEvent(author.userId, author.name);
        } else {
            author.email = "writer" + authors.indexOf(author) + "." + author.sequence + "@bench.inkwell.test";
            event = new UserEmailChangedEvent(author.userId, author.email);
        }
        emit(sink, "User", author.userId, author.nextSequence(), author, true, event);
    }

    private void startPost(Consumer<StoredEvent> sink) {
        Author author = authors.get(random.nextInt(authors.size()));
        // Six to fourteen events: ten on average.
        PostInProgress post = new PostInProgress(uuid(), author, 6 + random.nextInt(9));
        String title = texts.title();
        String slug = Texts.slug(title) + "-" + postsStarted;
        postsStarted++;
        inProgress.add(post);
        emit(sink, "Post", post.postId, post.nextSequence(), author, true,
                new PostCreatedEvent(post.postId, author.userId, title, texts.content(), texts.tags(), slug));
    }

    private void advancePost(Consumer<StoredEvent> sink) {
        int index = random.nextInt(inProgress.size());
        PostInProgress post = inProgress.get(index);
        long sequence = post.nextSequence();
        boolean last = sequence == post.length - 1;
        Object event;
        if (last && random.nextInt(10) == 0) {
            event = new PostDeletedEvent(post.postId);
        } else {
            int dice = random.nextInt(100);
            if (dice < 45) {
                event = new PostEditedEvent(post.postId, texts.title(), texts.content());
            } else if (dice < 65) {
                event = new PostRetaggedEvent(post.postId, texts.tags());
            } else {
                // Publishing a published post is a no-op without an event, so the state alternates.
                event = post.published ? new PostUnpublishedEvent(post.postId) : new PostPublishedEvent(post.postId);
                post.published = !post.published;
            }
        }
        if (last) {
            inProgress.set(index, inProgress.getLast());
            inProgress.removeLast();
        }
        emit(sink, "Post", post.postId, sequence, post.author, true, event);
    }

    private void emit(Consumer<StoredEvent> sink, String aggregateType, String aggregateId, long sequence,
                      Author actor, boolean actorHasProfile, Object payload) {
        Instant time = start.plus(step.multipliedBy(++emitted));
        sink.accept(new StoredEvent(uuid(), aggregateType, aggregateId, sequence, time, payload,
                texts.metadata(actor.subject, actorHasProfile ? actor.userId : null)));
    }

    /** A registered person and what their commands carry. */
    private static final class Author {
        final String userId;
        final String subject;
        String name;
        String email;
        private long sequence;

        Author(String userId, String subject, String name, String email) {
            this.userId = userId;
            this.subject = subject;
            this.name = name;
            this.email = email;
        }

        long nextSequence() {
            return sequence++;
        }
    }

    private static final class PostInProgress {
        final String postId;
        final Author author;
        final int length;
        boolean published;
        private long sequence;

        PostInProgress(String postId, Author author, int length) {
            this.postId = postId;
            this.author = author;
            this.length = length;
        }

        long nextSequence() {
            return sequence++;
        }
    }
}
