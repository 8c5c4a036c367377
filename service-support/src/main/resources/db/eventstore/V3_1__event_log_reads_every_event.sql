-- event_log must show every event, whatever its text holds. JSON allows "\u0000" in a string, but jsonb
-- refuses it, and a single such event made the whole view fail. The escape is shown as U+FFFD (only where
-- it is an escape, not an escaped backslash followed by "u0000"); a document that is still not valid jsonb
-- (say, a lone surrogate escape) is shown as {"unreadable": "<base64 of the stored bytes>"} instead of
-- failing the query. The events themselves are never changed.
-- (Numbered 3.1 to stay clear of command-service's own migrations, which share this history.)
CREATE OR REPLACE FUNCTION event_log_json(data BYTEA) RETURNS JSONB
    LANGUAGE plpgsql IMMUTABLE STRICT PARALLEL SAFE AS $$
BEGIN
    RETURN regexp_replace(convert_from(data, 'UTF8'), '(?<!\\)((?:\\\\)*)\\u0000', '\1\\ufffd', 'g')::jsonb;
EXCEPTION WHEN OTHERS THEN
    RETURN jsonb_build_object('unreadable', encode(data, 'base64'));
END $$;

CREATE OR REPLACE VIEW event_log AS
SELECT global_index,
       aggregate_identifier,
       sequence_number,
       type                      AS aggregate_type,
       payload_type,
       payload_revision,
       time_stamp::timestamptz   AS occurred_at,
       event_log_json(payload)   AS payload,
       event_log_json(meta_data) AS meta_data
FROM domain_event_entry;
