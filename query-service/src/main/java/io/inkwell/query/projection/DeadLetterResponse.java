package io.inkwell.query.projection;

import java.time.Instant;

/**
 * A dead letter as the admin API shows it. {@code aggregateId} is the sequence it belongs to; a letter
 * without a cause never failed itself but waits behind an earlier letter of the same aggregate.
 */
record DeadLetterResponse(String id, String processingGroup, String aggregateId, String eventType, long version,
                          Long position, Cause cause, Instant parkedAt, Instant firstFailureAt,
                          Instant lastFailureAt, long attempts) {

    record Cause(String type, String message) {
    }

    static DeadLetterResponse of(DeadLetterView letter) {
        return new DeadLetterResponse(letter.id(), letter.processingGroup(), letter.sequenceIdentifier(),
                simpleName(letter.payloadType()), letter.sequenceNumber() + 1, letter.position(),
                letter.failed() ? new Cause(letter.causeType(), letter.causeMessage()) : null,
                letter.enqueuedAt(),
                letter.failed() ? letter.enqueuedAt() : null,
                letter.failed() ? letter.lastTouched() : null,
                letter.attempts());
    }

    private static String simpleName(String type) {
        return type == null ? null : type.substring(type.lastIndexOf('.') + 1);
    }
}
