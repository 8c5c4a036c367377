package io.inkwell.command.domain;

/**
 * A command refused by a business rule. {@link #code()} is stable and becomes the problem type that API
 * clients see; {@link #kind()} decides the HTTP status.
 */
public class Rejection extends RuntimeException {

    public enum Kind { NOT_FOUND, FORBIDDEN, CONFLICT, PRECONDITION_FAILED }

    private final Kind kind;
    private final String code;

    public Rejection(Kind kind, String code, String message) {
        super(message, null, false, false);
        this.kind = kind;
        this.code = code;
    }

    public static Rejection forbidden(String code, String message) {
        return new Rejection(Kind.FORBIDDEN, code, message);
    }

    public static Rejection conflict(String code, String message) {
        return new Rejection(Kind.CONFLICT, code, message);
    }

    public Kind kind() {
        return kind;
    }

    public String code() {
        return code;
    }

    /** What travels with a failed command when it crosses a process boundary (Axon Server). */
    public Details details() {
        return new Details(kind, code, getMessage());
    }

    public record Details(Kind kind, String code, String message) {
    }
}
