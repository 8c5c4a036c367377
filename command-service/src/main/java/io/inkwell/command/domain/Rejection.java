package io.inkwell.command.domain;

/**
 * A command refused by a business rule. {@link #code()} is stable and becomes the problem type that API
 * clients see; the web layer looks its HTTP status up in service-support's catalogue of problems, so that
 * the domain names the rule without knowing anything of HTTP (a test checks every code is catalogued).
 */
public class Rejection extends RuntimeException {

    private final String code;

    public Rejection(String code, String message) {
        super(message, null, false, false);
        this.code = code;
    }

    public String code() {
        return code;
    }

    /** What travels with a failed command when it crosses a process boundary (Axon Server). */
    public Details details() {
        return new Details(code, getMessage());
    }

    public record Details(String code, String message) {
    }
}
