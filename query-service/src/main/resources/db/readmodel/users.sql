-- One generation of the users read model, beside the live one: the table, key and indexes of Flyway's
-- V1__read_models.sql, with every name ending in {suffix} (such as _g2), so that generations never collide.
-- UserReadModel runs it; a test compares it with the live table.

CREATE TABLE query.users{suffix} (
    id            VARCHAR(36)  NOT NULL,
    name          VARCHAR(100),
    email         VARCHAR(320),
    issuer        VARCHAR(255),
    subject       VARCHAR(255),
    active        BOOLEAN      NOT NULL,
    version       BIGINT       NOT NULL,
    registered_at TIMESTAMPTZ  NOT NULL,
    updated_at    TIMESTAMPTZ  NOT NULL,
    CONSTRAINT users{suffix}_pkey PRIMARY KEY (id)
);
CREATE INDEX users_identity{suffix} ON query.users{suffix} (issuer, subject);
CREATE INDEX users_name{suffix} ON query.users{suffix} (lower(name));
CREATE INDEX users_email{suffix} ON query.users{suffix} (lower(email));
