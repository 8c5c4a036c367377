package io.inkwell.systemtest;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.JsonNode;

/**
 * The event store read straight from PostgreSQL and folded, independently of the services' own code, into
 * what every read model must show: each post and user at each of its versions.
 */
final class EventStoreFold {

    /** A post as its events say it is at {@code version}. */
    record PostState(String id, long version, String authorId, String title, String content, List<String> tags,
                     String status) {
    }

    record UserState(String id, long version, boolean active) {
    }

    private final Map<String, List<PostState>> posts = new LinkedHashMap<>();
    private final Map<String, UserState> users = new LinkedHashMap<>();
    private final List<String> createdPosts = new ArrayList<>();

    static EventStoreFold read(Connection connection) throws SQLException {
        EventStoreFold fold = new EventStoreFold();
        try (Statement s = connection.createStatement(); ResultSet rs = s.executeQuery("""
                SELECT aggregate_identifier, sequence_number, payload_type, payload
                FROM domain_event_entry ORDER BY global_index""")) {
            while (rs.next()) {
                fold.apply(rs.getString(1), rs.getLong(2), rs.getString(3),
                        Http.JSON.readTree(new String(rs.getBytes(4), StandardCharsets.UTF_8)));
            }
        }
        return fold;
    }

    private void apply(String id, long sequence, String payloadType, JsonNode event) {
        long version = sequence + 1;
        String type = payloadType.substring(payloadType.lastIndexOf('.') + 1);
        switch (type) {
            case "PostCreatedEvent" -> {
                createdPosts.add(id);
                posts.computeIfAbsent(id, k -> new ArrayList<>()).add(new PostState(id, version,
                        event.path("authorId").asString(), event.path("title").asString(),
                        event.path("content").asString(), strings(event.path("tags")), "DRAFT"));
            }
            case "PostEditedEvent" -> next(id, version, p -> new PostState(id, version, p.authorId(),
                    textOr(event, "title", p.title()), textOr(event, "content", p.content()), p.tags(), p.status()));
            case "PostRetaggedEvent" -> next(id, version, p -> new PostState(id, version, p.authorId(), p.title(),
                    p.content(), strings(event.path("tags")), p.status()));
            case "PostPublishedEvent" -> next(id, version, p -> withStatus(p, version, "PUBLISHED", p.tags()));
            case "PostUnpublishedEvent" -> next(id, version, p -> withStatus(p, version, "DRAFT", p.tags()));
            // A deleted post keeps no tags in the read model: tag counts must not include it.
            case "PostDeletedEvent" -> next(id, version, p -> withStatus(p, version, "DELETED", List.of()));
            case "UserRegisteredEvent" -> users.put(id, new UserState(id, version, true));
            case "UserDeletedEvent" -> users.put(id, new UserState(id, version, false));
            default -> users.computeIfPresent(id, (k, u) -> new UserState(id, version, u.active()));
        }
    }

    private void next(String id, long version, java.util.function.UnaryOperator<PostState> change) {
        List<PostState> history = posts.get(id);
        if (history == null || history.getLast().version() != version - 1) {
            throw new IllegalStateException("event " + version + " of post " + id + " does not follow its history");
        }
        history.add(change.apply(history.getLast()));
    }

    private static PostState withStatus(PostState p, long version, String status, List<String> tags) {
        return new PostState(p.id(), version, p.authorId(), p.title(), p.content(), tags, status);
    }

    private static String textOr(JsonNode event, String field, String otherwise) {
        JsonNode value = event.path(field);
        return value.isMissingNode() || value.isNull() ? otherwise : value.asString();
    }

    private static List<String> strings(JsonNode array) {
        List<String> values = new ArrayList<>();
        array.forEach(node -> values.add(node.asString()));
        return values;
    }

    /** Every post as it is now. */
    Map<String, PostState> posts() {
        Map<String, PostState> now = new LinkedHashMap<>();
        posts.forEach((id, history) -> now.put(id, history.getLast()));
        return now;
    }

    /** Post {@code id} at {@code version}, if it ever had that version. */
    PostState post(String id, long version) {
        return posts.getOrDefault(id, List.of()).stream().filter(p -> p.version() == version).findFirst().orElse(null);
    }

    Map<String, UserState> users() {
        return users;
    }

    List<String> createdPosts() {
        return createdPosts;
    }
}
