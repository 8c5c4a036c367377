package io.inkwell.query.web;

/** Nothing the reader may see has this id or slug. */
public class NotFoundException extends RuntimeException {

    public NotFoundException(String message) {
        super(message, null, false, false);
    }
}
