package io.inkwell.query.web;

/** A read asked for a version that the read model did not reach within the allowed wait. */
public class NotCaughtUpException extends RuntimeException {

    public NotCaughtUpException(String what, long minVersion) {
        super(what + " has not reached version " + minVersion + " yet; retry shortly", null, false, false);
    }
}
