-- query-service's read models, in a schema of their own. Every row carries the version (event count) of
-- the aggregate it shows, so that reads can wait for a client's own write and projections skip stale events.

CREATE TABLE users (
    id            VARCHAR(36)  PRIMARY KEY,
    name          VARCHAR(100),
    email         VARCHAR(320),
    issuer        VARCHAR(255),
    subject       VARCHAR(255),
    active        BOOLEAN      NOT NULL,
    version       BIGINT       NOT NULL,
    registered_at TIMESTAMPTZ  NOT NULL,
    updated_at    TIMESTAMPTZ  NOT NULL
);
CREATE INDEX users_identity ON users (issuer, subject);
CREATE INDEX users_name ON users (lower(name));
CREATE INDEX users_email ON users (lower(email));

CREATE TABLE posts (
    id           VARCHAR(36)  PRIMARY KEY,
    author_id    VARCHAR(36)  NOT NULL,
    title        VARCHAR(255) NOT NULL,
    content      TEXT         NOT NULL,
    slug         VARCHAR(120) NOT NULL UNIQUE,
    status       VARCHAR(16)  NOT NULL,
    version      BIGINT       NOT NULL,
    created_at   TIMESTAMPTZ  NOT NULL,
    updated_at   TIMESTAMPTZ  NOT NULL,
    published_at TIMESTAMPTZ
);
CREATE INDEX posts_author ON posts (author_id, created_at DESC);
CREATE INDEX posts_status_published ON posts (status, published_at DESC);

CREATE TABLE tags (
    name       VARCHAR(50) PRIMARY KEY,
    created_at TIMESTAMPTZ NOT NULL DEFAULT now()
);

CREATE TABLE post_tags (
    post_id  VARCHAR(36) NOT NULL REFERENCES posts (id) ON DELETE CASCADE,
    tag      VARCHAR(50) NOT NULL REFERENCES tags (name),
    position INTEGER     NOT NULL,
    PRIMARY KEY (post_id, position)
);
CREATE INDEX post_tags_tag ON post_tags (tag, post_id);

-- Tracking tokens of query-service's event processors, committed with the changes they made.
CREATE TABLE token_entry (
    processor_name VARCHAR(255) NOT NULL,
    segment        INTEGER      NOT NULL,
    token          BYTEA,
    token_type     VARCHAR(255),
    time_stamp     VARCHAR(255),
    owner          VARCHAR(255),
    PRIMARY KEY (processor_name, segment)
);
