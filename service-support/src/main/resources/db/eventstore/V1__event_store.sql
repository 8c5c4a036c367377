-- The event store of Axon's JDBC storage engine (see EventStoreConfig for the column mapping).
-- Payload and metadata are UTF-8 JSON in bytea: compact, never large objects, readable through event_log.
CREATE TABLE domain_event_entry (
    global_index         BIGSERIAL    PRIMARY KEY,
    event_identifier     VARCHAR(255) NOT NULL UNIQUE,
    aggregate_identifier VARCHAR(255) NOT NULL,
    sequence_number      BIGINT       NOT NULL,
    type                 VARCHAR(255),
    time_stamp           VARCHAR(255) NOT NULL,
    payload_type         VARCHAR(255) NOT NULL,
    payload_revision     VARCHAR(255),
    payload              BYTEA        NOT NULL,
    meta_data            BYTEA,
    CONSTRAINT domain_event_entry_aggregate_sequence UNIQUE (aggregate_identifier, sequence_number)
);

CREATE TABLE snapshot_event_entry (
    aggregate_identifier VARCHAR(255) NOT NULL,
    sequence_number      BIGINT       NOT NULL,
    type                 VARCHAR(255) NOT NULL,
    event_identifier     VARCHAR(255) NOT NULL UNIQUE,
    time_stamp           VARCHAR(255) NOT NULL,
    payload_type         VARCHAR(255) NOT NULL,
    payload_revision     VARCHAR(255),
    payload              BYTEA        NOT NULL,
    meta_data            BYTEA,
    PRIMARY KEY (aggregate_identifier, sequence_number, type)
);

-- Tracking tokens of event processors: each processor commits its token with its own changes.
CREATE TABLE token_entry (
    processor_name VARCHAR(255) NOT NULL,
    segment        INTEGER      NOT NULL,
    token          BYTEA,
    token_type     VARCHAR(255),
    time_stamp     VARCHAR(255),
    owner          VARCHAR(255),
    PRIMARY KEY (processor_name, segment)
);

-- The history as an analyst reads it: one row per event, payload and metadata as JSON.
CREATE VIEW event_log AS
SELECT global_index,
       aggregate_identifier,
       sequence_number,
       type                                   AS aggregate_type,
       payload_type,
       payload_revision,
       time_stamp::timestamptz                AS occurred_at,
       convert_from(payload, 'UTF8')::jsonb   AS payload,
       convert_from(meta_data, 'UTF8')::jsonb AS meta_data
FROM domain_event_entry;
