package io.inkwell.query;

import static io.inkwell.testing.Callers.identity;
import static org.awaitility.Awaitility.await;

import io.inkwell.api.post.PostCreatedEvent;
import io.inkwell.api.post.PostDeletedEvent;
import io.inkwell.api.post.PostEditedEvent;
import io.inkwell.api.post.PostPublishedEvent;
import io.inkwell.api.post.PostRetaggedEvent;
import io.inkwell.api.post.PostUnpublishedEvent;
import io.inkwell.api.user.UserDeletedEvent;
import io.inkwell.api.user.UserEmailChangedEvent;
import io.inkwell.api.user.UserRegisteredEvent;
import io.inkwell.api.user.UserRenamedEvent;
import io.inkwell.query.user.UserViews;
import io.inkwell.testing.TestKeycloak;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.messaging.MetaData;
import org.springframework.stereotype.Component;
import org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.JwtRequestPostProcessor;

/**
 * Writes history into the event store the way command-service does, one aggregate's events in sequence,
 * so that query-service's projections can be tested on real events without the write side.
 */
@Component
public class History {

    private final EventStore events;
    private final UserViews users;
    private final Map<String, Long> sequences = new ConcurrentHashMap<>();

    History(EventStore events, UserViews users) {
        this.events = events;
        this.users = users;
    }

    /** A registered user with a Keycloak identity and a token of theirs, as the tests' authors are. */
    public record Author(String id, JwtRequestPostProcessor token) {
    }

    /**
     * Registers an author and waits until the users read model shows them: users and posts are separate read
     * models, and a reader sees a post's author name once both have it.
     */
    public Author author(String name) {
        String subject = UUID.randomUUID().toString();
        String email = name.split(" ")[0].toLowerCase(Locale.ROOT) + "-" + subject + "@inkwell.test";
        String id = registerUser(name, email, TestKeycloak.get().issuer(), subject);
        await().until(() -> users.existsById(id));
        return new Author(id, identity(subject, "user"));
    }

    public static String newId() {
        return UUID.randomUUID().toString();
    }

    /** Appends one event of an aggregate and returns the aggregate's version after it. */
    public long append(String type, String aggregateId, Object payload) {
        return append(type, aggregateId, payload, Map.of());
    }

    /** Appends one event with the given metadata (a request's trace context, say), as command-service would. */
    public long append(String type, String aggregateId, Object payload, Map<String, ?> metadata) {
        long sequence = sequences.merge(aggregateId, 0L, (old, ignored) -> old + 1);
        events.publish(new GenericDomainEventMessage<>(type, aggregateId, sequence, payload, MetaData.from(metadata)));
        return sequence + 1;
    }

    public String registerUser(String name, String email, String issuer, String subject) {
        String id = newId();
        append("User", id, new UserRegisteredEvent(id, name, email, issuer, subject));
        return id;
    }

    public long renameUser(String id, String name) {
        return append("User", id, new UserRenamedEvent(id, name));
    }

    public long changeEmail(String id, String email) {
        return append("User", id, new UserEmailChangedEvent(id, email));
    }

    public long deleteUser(String id) {
        return append("User", id, new UserDeletedEvent(id));
    }

    public String createPost(String authorId, String title, String content, List<String> tags) {
        String id = newId();
        append("Post", id, new PostCreatedEvent(id, authorId, title, content, tags, "slug-" + id));
        return id;
    }

    public String publishedPost(String authorId, String title, String content, List<String> tags) {
        String id = createPost(authorId, title, content, tags);
        publish(id);
        return id;
    }

    public long edit(String id, String title, String content) {
        return append("Post", id, new PostEditedEvent(id, title, content));
    }

    public long retag(String id, List<String> tags) {
        return append("Post", id, new PostRetaggedEvent(id, tags));
    }

    public long publish(String id) {
        return append("Post", id, new PostPublishedEvent(id));
    }

    public long unpublish(String id) {
        return append("Post", id, new PostUnpublishedEvent(id));
    }

    public long deletePost(String id) {
        return append("Post", id, new PostDeletedEvent(id));
    }
}
