package io.inkwell.query.user;

import io.inkwell.query.projection.RebuildableReadModel.Generation;
import io.inkwell.query.readmodel.GenerationTables;

/** The table one instance of the users read model writes: the live one, or a generation's beside it. */
record UserTables(String users) {

    static final UserTables LIVE = new UserTables("query.users");

    static UserTables of(Generation generation) {
        return new UserTables(LIVE.users + GenerationTables.suffix(generation));
    }
}
