package io.inkwell.query.user;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import io.inkwell.query.projection.PostgresText;
import java.time.Instant;

/** A profile as readers see it. A deleted user keeps a row without personal data, so versions stay known. */
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

    UserView(String id, String name, String email, String issuer, String subject, long version, Instant at) {
        this.id = id;
        this.name = PostgresText.of(name);
        this.email = PostgresText.of(email);
        this.issuer = PostgresText.of(issuer);
        this.subject = PostgresText.of(subject);
        this.active = true;
        this.version = version;
        this.registeredAt = at;
        this.updatedAt = at;
    }

    void rename(String name, long version, Instant at) {
        this.name = PostgresText.of(name);
        touch(version, at);
    }

    void changeEmail(String email, long version, Instant at) {
        this.email = PostgresText.of(email);
        touch(version, at);
    }

    /** Erases the personal data; the identity link goes too, so the person may register anew. */
    void deactivate(long version, Instant at) {
        this.name = null;
        this.email = null;
        this.issuer = null;
        this.subject = null;
        this.active = false;
        touch(version, at);
    }

    private void touch(long version, Instant at) {
        this.version = version;
        this.updatedAt = at;
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
