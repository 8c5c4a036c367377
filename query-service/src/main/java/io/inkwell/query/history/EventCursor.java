package io.inkwell.query.history;

import io.inkwell.query.web.InvalidParameterException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.function.LongFunction;
import java.util.stream.Collectors;
import org.axonframework.eventhandling.GapAwareTrackingToken;
import org.axonframework.eventhandling.GlobalSequenceTrackingToken;
import org.axonframework.eventhandling.TrackingToken;

/**
 * The opaque {@code after} cursor of the history API: the tracking token of the last event examined, written
 * as numbers only (never a serialized class, so a client's cursor can never make the service instantiate
 * anything). PostgreSQL's store tracks gaps (positions taken by transactions not yet committed when the
 * event was read), and a cursor keeps them, so that an event that commits late is still seen on the next
 * page; Axon Server's tokens are a position alone. {@code after} also takes a bare position, for resuming
 * an export from the last line a client kept.
 */
final class EventCursor {

    static final String PARAMETER = "after";
    static final int MAX_LENGTH = 8_000;
    private static final String VERSION = "1";
    private static final String GAP_AWARE = "g";
    private static final String GLOBAL_SEQUENCE = "s";

    private EventCursor() {
    }

    static String of(TrackingToken token) {
        String text = switch (token) {
            case GapAwareTrackingToken gapAware -> String.join(".", VERSION, GAP_AWARE, Long.toString(gapAware.getIndex()),
                    gapAware.getGaps().stream().map(String::valueOf).collect(Collectors.joining(",")));
            case GlobalSequenceTrackingToken sequence -> String.join(".", VERSION, GLOBAL_SEQUENCE,
                    Long.toString(sequence.getGlobalIndex()));
            default -> throw new IllegalStateException("The event store tracks with " + token.getClass().getName()
                    + ", which the history API cannot write as a cursor");
        };
        return Base64.getUrlEncoder().withoutPadding().encodeToString(text.getBytes(StandardCharsets.US_ASCII));
    }

    /**
     * The token to resume after: from a cursor this service gave out, or from a bare position (the token of
     * this store's kind that has seen everything up to and including it).
     */
    static TrackingToken parse(String value, LongFunction<TrackingToken> atPosition) {
        if (value.length() > MAX_LENGTH) {
            throw invalid();
        }
        if (!value.isEmpty() && value.chars().allMatch(c -> c >= '0' && c <= '9')) {
            return atPosition.apply(number(value));
        }
        String text;
        try {
            text = new String(Base64.getUrlDecoder().decode(value), StandardCharsets.US_ASCII);
        } catch (IllegalArgumentException e) {
            throw invalid();
        }
        String[] parts = text.split("\\.", -1);
        if (parts.length == 4 && VERSION.equals(parts[0]) && GAP_AWARE.equals(parts[1])) {
            long index = number(parts[2]);
            List<Long> gaps = new ArrayList<>();
            for (String gap : parts[3].isEmpty() ? new String[0] : parts[3].split(",", -1)) {
                long position = number(gap);
                if (position >= index) {
                    throw invalid();
                }
                gaps.add(position);
            }
            return GapAwareTrackingToken.newInstance(index, gaps);
        }
        if (parts.length == 3 && VERSION.equals(parts[0]) && GLOBAL_SEQUENCE.equals(parts[1])) {
            return new GlobalSequenceTrackingToken(number(parts[2]));
        }
        throw invalid();
    }

    private static long number(String digits) {
        if (digits.isEmpty() || digits.length() > 18 || !digits.chars().allMatch(c -> c >= '0' && c <= '9')) {
            throw invalid();
        }
        return Long.parseLong(digits);
    }

    static InvalidParameterException invalid() {
        return new InvalidParameterException(PARAMETER, "must be a cursor ('next') this API gave out, or an event's position");
    }
}
