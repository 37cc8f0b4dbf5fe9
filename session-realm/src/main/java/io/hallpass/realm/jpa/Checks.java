package io.hallpass.realm.jpa;

import io.hallpass.realm.InvalidInputException;
import java.util.regex.Pattern;

/** Checks on the realm's arguments. Messages name the argument and the problem, never the value. */
final class Checks {

    private static final Pattern PUBLIC_ID = Pattern.compile("[A-Za-z0-9_-]{1," + Columns.PUBLIC_ID + "}");

    private Checks() {
    }

    /**
     * A short free text given by the application (a reason, an actor): null stays null; otherwise it must fit the
     * column and hold no control characters (it ends up in log lines and pages).
     */
    static String optionalText(String value, int max, String name) {
        if (value == null) {
            return null;
        }
        if (value.length() > max) {
            throw new InvalidInputException(name + " is longer than " + max + " characters");
        }
        for (int i = 0; i < value.length(); i++) {
            if (Character.isISOControl(value.charAt(i))) {
                throw new InvalidInputException(name + " contains a control character");
            }
        }
        return value.isBlank() ? null : value;
    }

    /** Text observed from outside (audit details): kept, but cut to the column and with control characters replaced. */
    static String clip(String value, int max) {
        return io.hallpass.realm.ClientFacts.clip(value, max);
    }

    /** Why a session is revoked: a short text given by the caller, or {@code revoked} if none. */
    static String reason(String reason) {
        String why = optionalText(reason, Columns.REASON, "reason");
        return why == null ? "revoked" : why;
    }

    static String publicId(String value, String name) {
        if (value == null) {
            throw new InvalidInputException(name + " is missing");
        }
        if (!PUBLIC_ID.matcher(value).matches()) {
            throw new InvalidInputException(name + " is not a session public id");
        }
        return value;
    }

    static int range(int value, int min, int max, String name) {
        if (value < min || value > max) {
            throw new InvalidInputException(name + " must be between " + min + " and " + max + ", was " + value);
        }
        return value;
    }
}
