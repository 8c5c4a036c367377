package io.inkwell.query.projection;

import java.time.Instant;
import tools.jackson.databind.json.JsonMapper;

/** One row of the dead-letter table, as operators need it. */
record DeadLetterView(String id, String processingGroup, String sequenceIdentifier, long sequenceIndex,
                      String payloadType, long sequenceNumber, Long position, String causeType,
                      String causeMessage, Instant enqueuedAt, Instant lastTouched, long attempts) {

    /** The attempt count that {@link DeadLetterPolicy} keeps in the letter's diagnostics (JSON). */
    static long attemptsIn(String diagnostics) {
        if (diagnostics == null || diagnostics.isBlank()) {
            return 0;
        }
        return JsonMapper.shared().readTree(diagnostics).path(DeadLetterPolicy.ATTEMPTS).asLong(0);
    }

    /** A letter with a cause failed itself; one without waits behind an earlier letter of its aggregate. */
    boolean failed() {
        return causeType != null;
    }
}
