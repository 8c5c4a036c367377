package io.inkwell.query.projection;

/**
 * Published once a read model's rows were replaced wholesale: a rebuilt generation was switched in, or the
 * live projection was reset for a replay. Whatever was cached from the read model before no longer holds.
 */
public record ReadModelReplaced(String readModel) {
}
