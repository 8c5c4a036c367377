package io.inkwell.query.cache;

import java.util.concurrent.Callable;
import org.springframework.cache.Cache.ValueRetrievalException;

/** Calls a cache loader, passing its unchecked failures on as they are. */
final class Loads {

    private Loads() {
    }

    static <T> T call(Object key, Callable<T> loader) {
        try {
            return loader.call();
        } catch (RuntimeException e) {
            throw e;
        } catch (Exception e) {
            throw new ValueRetrievalException(key, loader, e);
        }
    }
}
