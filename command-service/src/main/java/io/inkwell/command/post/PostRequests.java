package io.inkwell.command.post;

import java.util.List;

final class PostRequests {

    static final String SLUG = "^[a-z0-9]+(-[a-z0-9]+)*$";
    static final String SLUG_MESSAGE = "must be lower-case letters and digits separated by single hyphens";

    private PostRequests() {
    }

    static String trim(String value) {
        return value == null ? null : value.strip();
    }

    /** Trims every tag, keeping nulls so that validation can name them. */
    static List<String> trim(List<String> tags) {
        return tags == null ? null : tags.stream().map(PostRequests::trim).toList();
    }
}
