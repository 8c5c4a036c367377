package io.inkwell.query.projection;

/**
 * Text as PostgreSQL can store it. JSON, and so an event, may hold the NUL character, which a PostgreSQL
 * {@code text} refuses (SQLSTATE 22021): one such event would fail its projection for ever. Read models
 * store it as U+FFFD, the replacement character, keeping the rest of the text as it was; the event itself
 * keeps the original.
 */
public final class PostgresText {

    static final char REPLACEMENT = '\uFFFD';

    private PostgresText() {
    }

    public static String of(String text) {
        return text == null || text.indexOf('\u0000') < 0 ? text : text.replace('\u0000', REPLACEMENT);
    }
}
