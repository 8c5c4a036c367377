package io.inkwell.query.post;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.inkwell.query.History;
import io.inkwell.query.QueryServiceContext;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Read models end up exactly as the events say, whatever happens in between: a database failure in the
 * middle of a batch, a processor stopped mid-stream, a full replay.
 */
@QueryServiceContext
class ConvergenceIT {

    private static final int POSTS = 40;

    @Autowired
    History history;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    EventProcessingConfiguration processing;

    @Test
    void aFailureInTheMiddleOfABatchLosesAndDuplicatesNothing() {
        String author = UUID.randomUUID().toString();
        // The database refuses one post's row for a while, as a crash in the middle of a batch would. Each
        // refusal draws from a sequence, which no rollback undoes, so the test can tell that it happened.
        jdbc.sql("CREATE SEQUENCE IF NOT EXISTS query.poison_refusals").update();
        jdbc.sql("""
                CREATE OR REPLACE FUNCTION query.refuse_poison() RETURNS trigger AS $$
                BEGIN
                    IF NEW.title = 'poison' THEN
                        PERFORM nextval('query.poison_refusals');
                        RAISE EXCEPTION 'simulated failure';
                    END IF;
                    RETURN NEW;
                END $$ LANGUAGE plpgsql""").update();
        jdbc.sql("CREATE TRIGGER refuse_poison BEFORE INSERT ON query.posts FOR EACH ROW EXECUTE FUNCTION query.refuse_poison()")
                .update();
        Map<String, String> expected = new TreeMap<>();
        try {
            expected.putAll(writePosts(author, POSTS / 2));
            String poison = history.createPost(author, "poison", "x", List.of("convergence"));
            expected.put(poison, "poison");
            expected.putAll(writePosts(author, POSTS / 2));
            await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> assertThat(poisonRefusals()).isPositive());
            assertThat(countOf(poison)).isZero();
        } finally {
            jdbc.sql("DROP TRIGGER refuse_poison ON query.posts").update();
            jdbc.sql("DROP SEQUENCE query.poison_refusals").update();
        }
        await().atMost(Duration.ofSeconds(90)).untilAsserted(() -> assertThat(titlesBy(author)).isEqualTo(expected));
        assertThat(tagRowsBy(author)).isEqualTo(expected.size());
        // A failure that does not blame the event's data is retried with its batch while it lasts, not dead-lettered.
        assertThat(jdbc.sql("SELECT count(*) FROM query.dead_letter_entry WHERE sequence_identifier IN (:ids)")
                .param("ids", expected.keySet()).query(Long.class).single()).isZero();
    }

    @Test
    void aProcessorStoppedMidStreamCatchesUpExactly() {
        String author = UUID.randomUUID().toString();
        StreamingEventProcessor posts = processor();
        Map<String, String> expected = new TreeMap<>(writePosts(author, POSTS / 2));
        posts.shutDown();
        expected.putAll(writePosts(author, POSTS / 2));
        posts.start();
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> assertThat(titlesBy(author)).isEqualTo(expected));
        assertThat(tagRowsBy(author)).isEqualTo(expected.size());
    }

    @Test
    void aReplayRebuildsTheSameReadModel() {
        String author = UUID.randomUUID().toString();
        Map<String, String> expected = writePosts(author, POSTS / 4);
        await().untilAsserted(() -> assertThat(titlesBy(author)).isEqualTo(expected));
        List<Map<String, Object>> before = rowsBy(author);

        StreamingEventProcessor posts = processor();
        posts.shutDown();
        posts.resetTokens();
        posts.start();

        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> assertThat(rowsBy(author)).isEqualTo(before));
        assertThat(tagRowsBy(author)).isEqualTo(expected.size());
    }

    /** Writes posts with a few edits each; returns the title each ends with. */
    private Map<String, String> writePosts(String author, int count) {
        Map<String, String> titles = new TreeMap<>();
        for (int i = 0; i < count; i++) {
            String id = history.createPost(author, "draft " + i, "content " + i, List.of("convergence"));
            history.edit(id, "final " + i, "content " + i + " edited");
            if (i % 2 == 0) {
                history.publish(id);
            }
            titles.put(id, "final " + i);
        }
        return titles;
    }

    private Map<String, String> titlesBy(String author) {
        Map<String, String> titles = new TreeMap<>();
        jdbc.sql("SELECT id, title FROM query.posts WHERE author_id = ?").param(author)
                .query((rs, n) -> titles.put(rs.getString(1), rs.getString(2))).list();
        return titles;
    }

    private List<Map<String, Object>> rowsBy(String author) {
        return new ArrayList<>(jdbc.sql("""
                        SELECT id, title, content, status, version, slug, created_at, updated_at, published_at
                        FROM query.posts WHERE author_id = ? ORDER BY id""")
                .param(author).query().listOfRows());
    }

    private long tagRowsBy(String author) {
        return jdbc.sql("SELECT count(*) FROM query.post_tags t JOIN query.posts p ON p.id = t.post_id WHERE p.author_id = ?")
                .param(author).query(Long.class).single();
    }

    private long poisonRefusals() {
        return jdbc.sql("SELECT CASE WHEN is_called THEN last_value ELSE 0 END FROM query.poison_refusals")
                .query(Long.class).single();
    }

    private long countOf(String id) {
        return jdbc.sql("SELECT count(*) FROM query.posts WHERE id = ?").param(id).query(Long.class).single();
    }

    private StreamingEventProcessor processor() {
        return processing.eventProcessor(PostProjection.NAME, StreamingEventProcessor.class).orElseThrow();
    }
}
