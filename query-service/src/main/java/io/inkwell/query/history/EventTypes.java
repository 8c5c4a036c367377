package io.inkwell.query.history;

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
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.axonframework.serialization.Revision;

/**
 * The names the history API gives events and aggregates: an event's type is its class's simple name in the
 * contract ({@code PostEditedEvent}), its revision the class's {@code @Revision}. A test keeps this list
 * equal to the contract's events.
 */
final class EventTypes {

    static final Set<String> AGGREGATE_TYPES = Set.of("Post", "User");

    static final Map<String, Class<?>> BY_NAME = Stream.of(
                    UserRegisteredEvent.class, UserRenamedEvent.class, UserEmailChangedEvent.class, UserDeletedEvent.class,
                    PostCreatedEvent.class, PostEditedEvent.class, PostRetaggedEvent.class, PostPublishedEvent.class,
                    PostUnpublishedEvent.class, PostDeletedEvent.class)
            .collect(Collectors.toUnmodifiableMap(Class::getSimpleName, Function.identity()));

    private EventTypes() {
    }

    static String name(Class<?> payloadType) {
        return payloadType.getSimpleName();
    }

    static String revision(Class<?> payloadType) {
        Revision revision = payloadType.getAnnotation(Revision.class);
        return revision == null ? null : revision.value();
    }

    /** {@code PostEditedEvent} revision 1 → {@code io.inkwell.post-edited.v1}, the CloudEvents type. */
    static String cloudEventType(String name, String revision) {
        String base = name.endsWith("Event") ? name.substring(0, name.length() - "Event".length()) : name;
        String kebab = base.replaceAll("([a-z0-9])([A-Z])", "$1-$2").toLowerCase(Locale.ROOT);
        return "io.inkwell." + kebab + (revision == null ? "" : ".v" + revision);
    }
}
