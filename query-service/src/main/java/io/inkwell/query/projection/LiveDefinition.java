package io.inkwell.query.projection;

/**
 * A read model that can tell by which definition version its live generation was built, where that lives
 * outside PostgreSQL (an index's mapping metadata). Without it, {@code query.read_model}'s record is the truth.
 */
public interface LiveDefinition {

    int liveDefinitionVersion();
}
