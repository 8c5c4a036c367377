package io.inkwell.command.post;

import java.text.Normalizer;
import java.util.Locale;

/** Derives a URL slug from a title: "Hello, Wörld!" becomes "hello-world". */
final class Slugs {

    static final int MAX_LENGTH = 100;

    private Slugs() {
    }

    static String fromTitle(String title) {
        String ascii = Normalizer.normalize(title, Normalizer.Form.NFD).replaceAll("\\p{M}+", "");
        String slug = ascii.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-").replaceAll("^-+|-+$", "");
        if (slug.length() > MAX_LENGTH) {
            slug = slug.substring(0, MAX_LENGTH).replaceAll("-+$", "");
        }
        return slug.isEmpty() ? "post" : slug;
    }
}
