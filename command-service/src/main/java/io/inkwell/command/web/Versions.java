package io.inkwell.command.web;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The version clients see is the number of events an aggregate has: 1 after its creation. Axon counts
 * sequence numbers from 0, so this is the one place that adds and subtracts the one.
 */
public final class Versions {

    /** Every aggregate is created by exactly one event. */
    public static final long CREATED = 1;

    private static final Pattern STRONG_ETAG = Pattern.compile("\"(\\d{1,18})\"");

    private Versions() {
    }

    /** The client version after a command handler returned Axon's sequence number. */
    public static long fromSequence(Object sequenceNumber) {
        return ((Number) sequenceNumber).longValue() + 1;
    }

    public static String etag(long version) {
        return "\"" + version + "\"";
    }

    /**
     * The sequence number a command must find, from an {@code If-Match} header; {@code null} when there is
     * no precondition. A weak or unparseable tag can never match a strong version, so it fails the precondition.
     */
    public static Long expectedSequence(String ifMatch) {
        if (ifMatch == null || ifMatch.isBlank() || ifMatch.strip().equals("*")) {
            return null;
        }
        Matcher matcher = STRONG_ETAG.matcher(ifMatch.strip());
        if (!matcher.matches() || Long.parseLong(matcher.group(1)) < 1) {
            throw new PreconditionFailedException("If-Match must be one strong ETag such as \"3\", as returned by the last write");
        }
        return Long.parseLong(matcher.group(1)) - 1;
    }

    /**
     * The sequence number a command must find, from GraphQL's {@code expectedVersion}; {@code null} when there
     * is none. No aggregate has a version below 1, so such an expectation fails, as a malformed If-Match does.
     */
    public static Long expectedSequence(Integer expectedVersion) {
        if (expectedVersion == null) {
            return null;
        }
        if (expectedVersion < 1) {
            throw new PreconditionFailedException("expectedVersion must be a version that a write answered (1 or more)");
        }
        return expectedVersion - 1L;
    }

    public static final class PreconditionFailedException extends RuntimeException {
        PreconditionFailedException(String message) {
            super(message, null, false, false);
        }
    }
}
