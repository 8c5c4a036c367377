package io.inkwell.query.cache;

import java.util.List;

/**
 * A feature's caches of one read model, declared as a bean so that this package knows no feature: their
 * names, the type of value each holds (for Redis), and the read model whose rebuild empties them.
 *
 * @param readModel the read model's processing group, as {@code RebuildSwitch} names it
 */
public record CachedReadModel(String readModel, List<Entry> caches) {

    /** One cache: its name and the type of value it holds. */
    public record Entry(String name, Class<?> valueType) {
    }
}
