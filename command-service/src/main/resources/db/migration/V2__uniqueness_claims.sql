-- Set-based rules that aggregates cannot check alone. Rows are written in the same transaction as the
-- events that need them, so a failed command leaves no claim behind and racing commands have one winner.

-- One profile per identity (token issuer + subject).
CREATE TABLE user_identities (
    issuer  VARCHAR(255) NOT NULL,
    subject VARCHAR(255) NOT NULL,
    user_id VARCHAR(36)  NOT NULL,
    PRIMARY KEY (issuer, subject)
);
CREATE INDEX user_identities_user_id ON user_identities (user_id);

-- One profile per email, compared case-insensitively (email_key is the trimmed, lower-cased email).
-- Personal data: the row goes when its user is deleted.
CREATE TABLE user_emails (
    email_key VARCHAR(320) PRIMARY KEY,
    user_id   VARCHAR(36)  NOT NULL
);

-- One post per slug, for good: slugs of deleted posts stay taken so that old links never point elsewhere.
CREATE TABLE post_slugs (
    slug    VARCHAR(120) PRIMARY KEY,
    post_id VARCHAR(36)  NOT NULL
);
CREATE INDEX post_slugs_post_id ON post_slugs (post_id);
