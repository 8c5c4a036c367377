package io.inkwell.command.web;

import java.net.URI;

/** Problem type URIs: one per stable error code, documented in the README. */
public final class ProblemTypes {

    private static final String BASE = "https://inkwell.example/problems/";

    private ProblemTypes() {
    }

    public static URI uri(String code) {
        return URI.create(BASE + code);
    }
}
