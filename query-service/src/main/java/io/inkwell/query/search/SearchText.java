package io.inkwell.query.search;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** What a search box holds: "quoted phrases" that must appear as they are, and loose words. */
record SearchText(List<String> phrases, String words) {

    private static final Pattern PHRASE = Pattern.compile("\"([^\"]*)\"");

    static SearchText parse(String q) {
        if (q == null) {
            return new SearchText(List.of(), "");
        }
        List<String> phrases = new ArrayList<>();
        Matcher matcher = PHRASE.matcher(q);
        StringBuilder rest = new StringBuilder();
        while (matcher.find()) {
            if (!matcher.group(1).isBlank()) {
                phrases.add(matcher.group(1).strip());
            }
            matcher.appendReplacement(rest, " ");
        }
        matcher.appendTail(rest);
        // An unmatched quote is a typing slip, not syntax.
        return new SearchText(List.copyOf(phrases), rest.toString().replace('"', ' ').strip().replaceAll("\\s+", " "));
    }

    boolean isEmpty() {
        return phrases.isEmpty() && words.isEmpty();
    }
}
