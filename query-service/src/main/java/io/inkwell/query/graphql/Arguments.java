package io.inkwell.query.graphql;

import io.inkwell.query.web.InvalidParameterException;
import java.util.Locale;

/** The checks that Bean Validation makes on REST's parameters, for GraphQL's arguments. */
public final class Arguments {

    private Arguments() {
    }

    /** The value, refused when longer than REST lets the same parameter be. */
    public static String atMost(String name, String value, int max) {
        if (value != null && value.length() > max) {
            throw new InvalidParameterException(name, "size must be between 0 and " + max);
        }
        return value;
    }

    /** A tag as stored: trimmed, lower case. */
    public static String tag(String value) {
        String tag = atMost("tag", value, 50);
        return tag == null ? null : tag.strip().toLowerCase(Locale.ROOT);
    }

    public static Long minVersion(Integer value) {
        if (value != null && value < 1) {
            throw new InvalidParameterException("minVersion", "must be greater than or equal to 1");
        }
        return value == null ? null : value.longValue();
    }
}
