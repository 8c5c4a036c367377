package io.inkwell.query.web;

/** A query parameter that Bean Validation cannot judge alone, such as a date range or a sort name. */
public class InvalidParameterException extends RuntimeException {

    private final String parameter;

    public InvalidParameterException(String parameter, String message) {
        super(message, null, false, false);
        this.parameter = parameter;
    }

    public String parameter() {
        return parameter;
    }
}
