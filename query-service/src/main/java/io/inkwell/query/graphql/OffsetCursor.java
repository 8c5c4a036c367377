package io.inkwell.query.graphql;

import io.inkwell.query.web.InvalidParameterException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

/**
 * Cursors of connections: the position in the list, opaque to clients (base64 of {@code offset:n}) so that
 * the server may change what they hold. A position in a list sorted like REST's pages keeps GraphQL's
 * filters and orders exactly REST's.
 */
public final class OffsetCursor {

    private static final String PREFIX = "offset:";

    private OffsetCursor() {
    }

    /** The cursor of the node at {@code offset}: a page that starts after it starts at offset + 1. */
    static String after(long offset) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString((PREFIX + offset).getBytes(StandardCharsets.UTF_8));
    }

    /** Where a page that starts after {@code cursor} starts; the start of the list without one. */
    static long start(String cursor) {
        if (cursor == null) {
            return 0;
        }
        try {
            String text = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8);
            if (text.startsWith(PREFIX)) {
                long offset = Long.parseLong(text.substring(PREFIX.length()));
                if (offset >= 0 && offset < Integer.MAX_VALUE) {
                    return offset + 1;
                }
            }
        } catch (IllegalArgumentException notACursor) {
            // Said below, the same way for every malformed cursor.
        }
        throw new InvalidParameterException("after", "is not a cursor of this list");
    }
}
