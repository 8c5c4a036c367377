package io.inkwell.command.post;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;

/** Tags are trimmed, lower case and unique, in the order the author gave them. */
final class Tags {

    private Tags() {
    }

    static List<String> normalize(List<String> tags) {
        if (tags == null) {
            return List.of();
        }
        LinkedHashSet<String> normalized = new LinkedHashSet<>();
        for (String tag : tags) {
            normalized.add(tag.strip().toLowerCase(Locale.ROOT));
        }
        return List.copyOf(normalized);
    }
}
