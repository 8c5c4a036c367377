-- Every running query-service instance says it is alive here once a second, so that each one knows how many
-- share the processors' segments and claims no more than its fair part (see SegmentShares).
CREATE TABLE processor_instances (
    instance_id text PRIMARY KEY,
    last_seen timestamptz NOT NULL
);
