package io.inkwell.command.user;

final class UserRequests {

    /** A dot in the domain as well: Bean Validation's own check accepts "someone@localhost". */
    static final String EMAIL = "^[^@\\s]+@[^@\\s]+\\.[^@\\s]+$";

    private UserRequests() {
    }

    static String trim(String value) {
        return value == null ? null : value.strip();
    }
}
