package io.inkwell.query.search;

/** Elasticsearch cannot be reached; the rest of the API works on regardless. */
public class SearchUnavailableException extends RuntimeException {

    public SearchUnavailableException(Throwable cause) {
        super("Search is unavailable for the moment; lists and single posts still work", cause);
    }
}
