-- Which generation of each rebuildable read model is live, by which definition version it was built, and the
-- rebuild running beside it (if any). A rebuild is claimed by setting rebuilding_generation under this row's
-- lock, so that with several instances only one starts it; cancel_requested reaches the instance running it.
CREATE TABLE read_model (
    name                          VARCHAR(255) PRIMARY KEY,
    generation                    INTEGER      NOT NULL,
    definition_version            INTEGER      NOT NULL,
    rebuilding_generation         INTEGER,
    rebuilding_definition_version INTEGER,
    rebuild_started_at            TIMESTAMPTZ,
    cancel_requested              BOOLEAN      NOT NULL DEFAULT FALSE,
    last_failure                  TEXT,
    last_failure_at               TIMESTAMPTZ,
    switched_at                   TIMESTAMPTZ,
    CONSTRAINT read_model_rebuild_is_next CHECK (rebuilding_generation IS NULL OR rebuilding_generation > generation)
);

INSERT INTO read_model (name, generation, definition_version) VALUES
    ('users', 1, 1),
    ('posts', 1, 1),
    ('post-search', 1, 1);
