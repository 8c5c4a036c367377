-- One generation of the posts read model, beside the live one: the tables, keys and indexes of Flyway's
-- V1__read_models.sql and V4__posts_newest_index.sql, with every table, constraint and index name ending in
-- {suffix} (such as _g2), so that generations never collide. PostReadModel runs it; a test compares it with the live tables.

CREATE TABLE query.posts{suffix} (
    id           VARCHAR(36)  NOT NULL,
    author_id    VARCHAR(36)  NOT NULL,
    title        VARCHAR(255) NOT NULL,
    content      TEXT         NOT NULL,
    slug         VARCHAR(120) NOT NULL,
    status       VARCHAR(16)  NOT NULL,
    version      BIGINT       NOT NULL,
    created_at   TIMESTAMPTZ  NOT NULL,
    updated_at   TIMESTAMPTZ  NOT NULL,
    published_at TIMESTAMPTZ,
    CONSTRAINT posts{suffix}_pkey PRIMARY KEY (id),
    CONSTRAINT posts{suffix}_slug_key UNIQUE (slug)
);
CREATE INDEX posts_author{suffix} ON query.posts{suffix} (author_id, created_at DESC);
CREATE INDEX posts_status_newest{suffix} ON query.posts{suffix} (status, published_at DESC NULLS LAST, created_at DESC);
CREATE INDEX posts_status_id{suffix} ON query.posts{suffix} (status) INCLUDE (id);

CREATE TABLE query.tags{suffix} (
    name       VARCHAR(50) NOT NULL,
    created_at TIMESTAMPTZ NOT NULL DEFAULT now(),
    CONSTRAINT tags{suffix}_pkey PRIMARY KEY (name)
);

CREATE TABLE query.post_tags{suffix} (
    post_id  VARCHAR(36) NOT NULL,
    tag      VARCHAR(50) NOT NULL,
    position INTEGER     NOT NULL,
    CONSTRAINT post_tags{suffix}_pkey PRIMARY KEY (post_id, position),
    CONSTRAINT post_tags{suffix}_post_id_fkey FOREIGN KEY (post_id) REFERENCES query.posts{suffix} (id) ON DELETE CASCADE,
    CONSTRAINT post_tags{suffix}_tag_fkey FOREIGN KEY (tag) REFERENCES query.tags{suffix} (name)
);
CREATE INDEX post_tags_tag{suffix} ON query.post_tags{suffix} (tag, post_id);
