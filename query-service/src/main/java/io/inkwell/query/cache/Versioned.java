package io.inkwell.query.cache;

/** A read model value that knows its version: a cache never replaces it with an older one. */
public interface Versioned {

    long version();

    /** Of what is cached and what is offered in its place, the one to keep: the newer, the cached one on a tie. */
    static Object newer(Object cached, Object offered) {
        if (cached instanceof Versioned old && offered instanceof Versioned fresh) {
            return fresh.version() > old.version() ? fresh : old;
        }
        return offered;
    }
}
