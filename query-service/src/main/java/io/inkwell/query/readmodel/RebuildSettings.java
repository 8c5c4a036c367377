package io.inkwell.query.readmodel;

import org.springframework.jdbc.core.JdbcTemplate;

/** How a batch that fills a rebuilt generation runs its transaction, set as the batch starts. */
public final class RebuildSettings {

    // synchronous_commit: if PostgreSQL crashes, a batch's rows are lost together with its token (one
    // transaction), and the rebuild redoes them; so the commit need not wait for the disk.
    // enable_seqscan: a generation's tables are new and grow faster than autovacuum analyses them, so the
    // planner would believe them empty and check every foreign key by scanning a whole table (measured: five
    // times the database's time per event). Every statement of a batch finds its rows by key.
    private static final String SETTINGS = "SET LOCAL synchronous_commit TO OFF; SET LOCAL enable_seqscan TO OFF";

    private RebuildSettings() {
    }

    /** Applies the settings to the current transaction only. */
    public static void apply(JdbcTemplate jdbc) {
        jdbc.execute(SETTINGS);
    }
}
