package io.inkwell.query.search;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import io.inkwell.api.post.PostCreatedEvent;
import io.inkwell.api.post.PostDeletedEvent;
import io.inkwell.api.post.PostPublishedEvent;
import io.inkwell.query.post.PostState;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class PostDocumentTest {

    // As the Elasticsearch client is configured.
    private final ObjectMapper json = new ObjectMapper().registerModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);

    private final Instant created = Instant.parse("2026-11-20T10:15:30.123456789Z");

    @Test
    void aPostComesBackFromItsDocumentAsItWent() throws Exception {
        PostState post = PostState.next(PostState.next(null, new PostCreatedEvent("p", "a", "Title", "Text",
                List.of("java"), "title"), 0, created), new PostPublishedEvent("p"), 1, created.plusSeconds(60));
        PostDocument stored = json.readValue(json.writeValueAsString(PostDocument.of(post)), PostDocument.class);
        assertThat(stored.status()).isEqualTo("published");
        assertThat(stored.state()).isEqualTo(post);
    }

    @Test
    void aDeletedPostKeepsItsWordsButSaysItIsDeleted() throws Exception {
        PostState post = PostState.next(PostState.next(null, new PostCreatedEvent("p", "a", "Title", "Text",
                List.of("java"), "title"), 0, created), new PostDeletedEvent("p"), 1, created);
        PostDocument stored = json.readValue(json.writeValueAsString(PostDocument.of(post)), PostDocument.class);
        assertThat(stored.status()).isEqualTo("deleted");
        assertThat(stored.state()).isEqualTo(post);
    }

    @Test
    void documentsOfTheFirstDefinitionHoldNoPostToFoldOnto() throws Exception {
        assertThat(json.readValue("{\"id\":\"p\",\"status\":\"hidden\"}", PostDocument.class).state()).isNull();
        assertThat(json.readValue("{\"id\":\"p\",\"status\":\"published\",\"title\":\"T\",\"content\":\"C\",\"tags\":[],"
                + "\"authorId\":\"a\",\"slug\":\"t\",\"publishedAt\":\"2026-11-20T10:15:30Z\","
                + "\"updatedAt\":\"2026-11-20T10:15:30Z\"}", PostDocument.class).state()).isNull();
    }
}
