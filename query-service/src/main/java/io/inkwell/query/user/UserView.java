package io.inkwell.query.user;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** A profile as readers see it. A deleted user keeps a row without personal data, so versions stay known.
 * {@link UserProjection} writes the rows. */
@Entity
@Table(name = "users")
public class UserView {

    @Id
    private String id;
    private String name;
    private String email;
    private String issuer;
    private String subject;
    private boolean active;
    private long version;
    @Column(name = "registered_at")
    private Instant registeredAt;
    @Column(name = "updated_at")
    private Instant updatedAt;

    protected UserView() {
    }

    public String getId() {
        return id;
    }

    public String getName() {
        return name;
    }

    public String getEmail() {
        return email;
    }

    String getIssuer() {
        return issuer;
    }

    String getSubject() {
        return subject;
    }

    public boolean isActive() {
        return active;
    }

    public long getVersion() {
        return version;
    }

    public Instant getRegisteredAt() {
        return registeredAt;
    }

    public Instant getUpdatedAt() {
        return updatedAt;
    }
}
