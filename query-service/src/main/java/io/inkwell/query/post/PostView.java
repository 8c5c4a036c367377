package io.inkwell.query.post;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.OrderColumn;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.hibernate.annotations.BatchSize;

/** A post as readers see it, with its tags in the author's order; {@link PostProjection} writes the rows. */
@Entity
@Table(name = "posts")
public class PostView {

    public enum Status { DRAFT, PUBLISHED, DELETED }

    @Id
    private String id;
    @Column(name = "author_id")
    private String authorId;
    private String title;
    private String content;
    private String slug;
    @Enumerated(EnumType.STRING)
    private Status status;
    private long version;
    @Column(name = "created_at")
    private Instant createdAt;
    @Column(name = "updated_at")
    private Instant updatedAt;
    @Column(name = "published_at")
    private Instant publishedAt;
    // At most ten per post; loaded with the post, for a whole page at once.
    @ElementCollection(fetch = FetchType.EAGER)
    @BatchSize(size = 100)
    @CollectionTable(name = "post_tags", joinColumns = @JoinColumn(name = "post_id"))
    @OrderColumn(name = "position")
    @Column(name = "tag")
    private List<String> tags = new ArrayList<>();

    protected PostView() {
    }

    /** A detached view of a post as the cache holds it, for the readers that speak in views (GraphQL). */
    static PostView of(PostState state) {
        PostView view = new PostView();
        view.id = state.id();
        view.authorId = state.authorId();
        view.title = state.title();
        view.content = state.content();
        view.slug = state.slug();
        view.status = state.status();
        view.version = state.version();
        view.createdAt = state.createdAt();
        view.updatedAt = state.updatedAt();
        view.publishedAt = state.publishedAt();
        view.tags = new ArrayList<>(state.tags());
        return view;
    }

    public String getId() {
        return id;
    }

    public String getAuthorId() {
        return authorId;
    }

    public String getTitle() {
        return title;
    }

    public String getContent() {
        return content;
    }

    public String getSlug() {
        return slug;
    }

    public Status getStatus() {
        return status;
    }

    public long getVersion() {
        return version;
    }

    public Instant getCreatedAt() {
        return createdAt;
    }

    public Instant getUpdatedAt() {
        return updatedAt;
    }

    public Instant getPublishedAt() {
        return publishedAt;
    }

    public List<String> getTags() {
        return List.copyOf(tags);
    }
}
