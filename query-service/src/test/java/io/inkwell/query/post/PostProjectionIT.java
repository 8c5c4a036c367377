package io.inkwell.query.post;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.inkwell.query.History;
import io.inkwell.query.QueryServiceContext;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

@QueryServiceContext
class PostProjectionIT {

    @Autowired
    History history;

    @Autowired
    PostViews posts;

    @Autowired
    JdbcClient jdbc;

    @Test
    void creationAddsADraftWithItsTags() {
        String id = history.createPost("author-1", "Drafted", "Words", List.of("alpha", "beta"));
        await().untilAsserted(() -> assertThat(posts.findById(id)).hasValueSatisfying(post -> {
            assertThat(post.getStatus()).isEqualTo(PostView.Status.DRAFT);
            assertThat(post.getTitle()).isEqualTo("Drafted");
            assertThat(post.getTags()).containsExactly("alpha", "beta");
            assertThat(post.getSlug()).isEqualTo("slug-" + id);
            assertThat(post.getVersion()).isEqualTo(1);
        }));
        assertThat(jdbc.sql("SELECT count(*) FROM query.tags WHERE name IN ('alpha', 'beta')").query(Long.class).single())
                .isEqualTo(2);
    }

    @Test
    void editAndRetagReplaceTitleContentAndTags() {
        String id = history.createPost("author-1", "Before", "Old words", List.of("one", "two"));
        history.edit(id, "After", "New words");
        history.retag(id, List.of("three"));
        await().untilAsserted(() -> assertThat(posts.findById(id)).hasValueSatisfying(post -> {
            assertThat(post.getTitle()).isEqualTo("After");
            assertThat(post.getContent()).isEqualTo("New words");
            assertThat(post.getTags()).containsExactly("three");
            assertThat(post.getVersion()).isEqualTo(3);
        }));
    }

    @Test
    void publishAndUnpublishMoveTheStatusAndPublicationTime() {
        String id = history.createPost("author-1", "Toggled", "x", List.of());
        history.publish(id);
        await().untilAsserted(() -> assertThat(posts.findById(id)).hasValueSatisfying(post -> {
            assertThat(post.getStatus()).isEqualTo(PostView.Status.PUBLISHED);
            assertThat(post.getPublishedAt()).isNotNull();
        }));
        history.unpublish(id);
        await().untilAsserted(() -> assertThat(posts.findById(id)).hasValueSatisfying(post -> {
            assertThat(post.getStatus()).isEqualTo(PostView.Status.DRAFT);
            assertThat(post.getPublishedAt()).isNull();
            assertThat(post.getVersion()).isEqualTo(3);
        }));
    }

    @Test
    void deletionHidesThePostAndDropsItsTags() {
        String id = history.publishedPost("author-1", "Doomed", "x", List.of("doomed-tag"));
        history.deletePost(id);
        await().untilAsserted(() -> assertThat(posts.findById(id)).hasValueSatisfying(post -> {
            assertThat(post.getStatus()).isEqualTo(PostView.Status.DELETED);
            assertThat(post.getTags()).isEmpty();
        }));
    }
}
