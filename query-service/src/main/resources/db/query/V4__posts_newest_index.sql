-- Lists are newest first: published_at DESC NULLS LAST, then created_at DESC. The index of V1 orders
-- published_at DESC NULLS FIRST, so PostgreSQL could not read a page from it and sorted every published post
-- for each page instead. After a rebuild the live index carries its generation's name, hence the lookup.
DO $$
DECLARE
    old_index TEXT;
BEGIN
    FOR old_index IN SELECT indexname FROM pg_indexes
                     WHERE schemaname = 'query' AND tablename = 'posts'
                       AND indexdef LIKE '%(status, published_at DESC)' LOOP
        EXECUTE format('DROP INDEX query.%I', old_index);
    END LOOP;
END $$;

CREATE INDEX posts_status_newest ON posts (status, published_at DESC NULLS LAST, created_at DESC);
