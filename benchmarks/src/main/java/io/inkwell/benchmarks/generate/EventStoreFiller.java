package io.inkwell.benchmarks.generate;

import io.inkwell.api.post.PostCreatedEvent;
import io.inkwell.api.user.UserEmailChangedEvent;
import io.inkwell.api.user.UserRegisteredEvent;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.axonframework.common.DateTimeUtils;
import org.axonframework.messaging.MetaData;
import org.axonframework.serialization.SerializedObject;
import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.json.JacksonSerializer;

/**
 * Writes a {@link SyntheticHistory} into an empty event store exactly as Axon's JDBC engine with the Jackson
 * serializer would have (same serializer, same timestamp format, same columns), together with the
 * uniqueness claims command-service keeps beside the events, so that both services take the store for
 * their own.
 */
public final class EventStoreFiller {

    private static final String EVENT_COLUMNS = "event_identifier, aggregate_identifier, sequence_number, type, "
            + "time_stamp, payload_type, payload_revision, payload, meta_data";

    private final Serializer serializer = JacksonSerializer.defaultSerializer();

    public record Filled(long events, int users, int posts, Duration took) {
        public double eventsPerSecond() {
            return events / Math.max(0.001, took.toNanos() / 1e9);
        }
    }

    /** Empties the event store, the claims and query-service's read models, then fills the store. */
    public Filled fill(Connection connection, SyntheticHistory history) throws SQLException {
        try (Statement statement = connection.createStatement()) {
            statement.execute("TRUNCATE domain_event_entry, snapshot_event_entry, token_entry, user_identities, "
                    + "user_emails, post_slugs, idempotency_keys RESTART IDENTITY");
            // query-service migrates its schema afresh at its next start: empty read models, no tokens.
            statement.execute("DROP SCHEMA IF EXISTS query CASCADE");
        }
        long started = System.nanoTime();
        Map<String, String[]> identities = new LinkedHashMap<>();
        Map<String, String> emails = new LinkedHashMap<>();
        List<String[]> slugs = new ArrayList<>();
        long events;
        boolean autoCommit = connection.getAutoCommit();
        connection.setAutoCommit(false);
        try {
            try (BinaryCopy copy = new BinaryCopy(connection, "domain_event_entry", EVENT_COLUMNS)) {
                history.forEach(event -> {
                    remember(event, identities, emails, slugs);
                    write(copy, event);
                });
                events = copy.rows();
            }
            try (BinaryCopy copy = new BinaryCopy(connection, "user_identities", "issuer, subject, user_id")) {
                for (String[] identity : identities.values()) {
                    copy.row((Object[]) identity);
                }
            }
            try (BinaryCopy copy = new BinaryCopy(connection, "user_emails", "email_key, user_id")) {
                for (Map.Entry<String, String> email : emails.entrySet()) {
                    copy.row(email.getValue().toLowerCase(Locale.ROOT), email.getKey());
                }
            }
            try (BinaryCopy copy = new BinaryCopy(connection, "post_slugs", "slug, post_id")) {
                for (String[] slug : slugs) {
                    copy.row((Object[]) slug);
                }
            }
            connection.commit();
        } catch (IOException e) {
            connection.rollback();
            throw new UncheckedIOException(e);
        } finally {
            connection.setAutoCommit(autoCommit);
        }
        Duration took = Duration.ofNanos(System.nanoTime() - started);
        try (Statement statement = connection.createStatement()) {
            statement.execute("ANALYZE domain_event_entry");
        }
        return new Filled(events, identities.size(), slugs.size(), took);
    }

    private void write(BinaryCopy copy, StoredEvent event) {
        SerializedObject<byte[]> payload = serializer.serialize(event.payload(), byte[].class);
        SerializedObject<byte[]> metadata = serializer.serialize(MetaData.from(event.metadata()), byte[].class);
        try {
            copy.row(event.eventId(), event.aggregateId(), event.sequence(), event.aggregateType(),
                    DateTimeUtils.formatInstant(event.time()), payload.getType().getName(),
                    payload.getType().getRevision(), payload.getData(), metadata.getData());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void remember(StoredEvent event, Map<String, String[]> identities, Map<String, String> emails,
                                 List<String[]> slugs) {
        switch (event.payload()) {
            case UserRegisteredEvent registered -> {
                identities.put(registered.userId(),
                        new String[] {registered.issuer(), registered.subject(), registered.userId()});
                emails.put(registered.userId(), registered.email());
            }
            case UserEmailChangedEvent changed -> emails.put(changed.userId(), changed.email());
            case PostCreatedEvent created -> slugs.add(new String[] {created.slug(), created.postId()});
            default -> {
            }
        }
    }
}
