package io.inkwell.query.projection;

import java.util.List;

/**
 * A read model that can be rebuilt beside the live one: a new generation (new tables, a new index) is filled
 * from the first event by handlers of its own while readers keep using the live generation, and is switched in
 * atomically once it has caught up. A change of a table or of the index mapping rolls out the same way: the
 * live generation was built by an older {@link #definitionVersion()}.
 * <p>
 * Each read model implements this beside its projection; the projection admin API drives the rebuild.
 */
public interface RebuildableReadModel {

    /** The processing group that keeps the read model up to date, also the name operators use. */
    String name();

    /** The version of this code's definition of the read model (its tables, its index mapping). */
    int definitionVersion();

    /** Creates an empty generation beside the live one, by this code's definition. */
    void prepare(Generation generation);

    /**
     * Event handler instances (with {@code @EventHandler} methods) that fill the given generation. They are
     * run by a processor of their own, from the first event, and should write in batches.
     */
    List<Object> handlers(Generation generation);

    /**
     * Makes the generation the live one, atomically for readers. Called inside the PostgreSQL transaction
     * that also moves the rebuild's tokens to the live processor, while both processors are stopped; a
     * switch outside PostgreSQL (an alias) happens here too, just before that transaction commits.
     *
     * @param retired the generation that was live until now
     */
    void switchTo(Generation generation, Generation retired);

    /** Removes a generation that is not, or no longer, live: a cancelled rebuild, or the retired one. */
    void drop(Generation generation);

    /**
     * One generation of a read model.
     *
     * @param readModel         the read model's name
     * @param number            1 for the generation Flyway (or the first start) created, then counting up
     * @param definitionVersion the definition version it was built by
     */
    record Generation(String readModel, int number, int definitionVersion) {
    }
}
