package io.hallpass.realm;

/**
 * An argument was refused: null, blank, too long, malformed. The message names the argument and the
 * problem, and never repeats the value (it may be a password typed into the wrong field).
 */
public class InvalidInputException extends IllegalArgumentException {

    private static final long serialVersionUID = 1L;

    public InvalidInputException(String message) {
        super(message);
    }
}
