-- Responses to creating POSTs sent with an Idempotency-Key, per caller. Written in the transaction that
-- appends the command's events: a retry either finds the first response or the first request never happened.
CREATE TABLE idempotency_keys (
    owner           VARCHAR(512) NOT NULL,
    idempotency_key VARCHAR(255) NOT NULL,
    request_hash    VARCHAR(64)  NOT NULL,
    status          INTEGER      NOT NULL,
    location        VARCHAR(512),
    etag            VARCHAR(64),
    body            TEXT         NOT NULL,
    created_at      TIMESTAMPTZ  NOT NULL DEFAULT now(),
    PRIMARY KEY (owner, idempotency_key)
);
CREATE INDEX idempotency_keys_created_at ON idempotency_keys (created_at);
