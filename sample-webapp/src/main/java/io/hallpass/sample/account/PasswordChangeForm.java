package io.hallpass.sample.account;

import io.hallpass.sample.web.Problem;

/**
 * Checks the password form ({@code current}, {@code new}) before the realm sees it. Passwords are not trimmed:
 * a space is a character like any other. The realm may refuse a new password for its own reasons too.
 */
public final class PasswordChangeForm {

    static final int MIN_LENGTH = 8;
    static final int MAX_LENGTH = 256;

    private PasswordChangeForm() {
    }

    /**
     * @throws Problem 400 naming what is wrong (never the values)
     */
    public static void check(String current, String proposed) {
        if (current == null || current.isEmpty()) {
            throw Problem.badRequest("the field 'current' is required");
        }
        if (proposed == null || proposed.isEmpty()) {
            throw Problem.badRequest("the field 'new' is required");
        }
        int length = proposed.codePointCount(0, proposed.length());
        if (length < MIN_LENGTH) {
            throw Problem.badRequest("the new password must have at least " + MIN_LENGTH + " characters");
        }
        if (length > MAX_LENGTH) {
            throw Problem.badRequest("the new password must have at most " + MAX_LENGTH + " characters");
        }
        if (proposed.equals(current)) {
            throw Problem.badRequest("the new password must differ from the current one");
        }
    }
}
