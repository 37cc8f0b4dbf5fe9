package io.hallpass.realm;

import java.util.regex.Pattern;

/**
 * Role names are short ASCII identifiers, compared case-sensitively: a letter or digit, then letters, digits,
 * {@code _}, {@code .} or {@code -}, at most {@value #MAX_LENGTH} characters. This keeps them safe to write in
 * rule files ({@code role:admin | role:support}), logs and HTML without escaping surprises.
 */
public final class RoleNames {

    public static final int MAX_LENGTH = 64;

    private static final Pattern VALID = Pattern.compile("[A-Za-z0-9][A-Za-z0-9_.-]{0," + (MAX_LENGTH - 1) + "}");

    private RoleNames() {
    }

    /** Returns the role name unchanged if it is valid. */
    public static String check(String role) {
        if (role == null || role.isEmpty()) {
            throw new InvalidInputException("role name is missing");
        }
        if (!VALID.matcher(role).matches()) {
            throw new InvalidInputException("role name must be 1-" + MAX_LENGTH
                    + " characters of A-Z, a-z, 0-9, '_', '.', '-', starting with a letter or digit");
        }
        return role;
    }

    public static boolean isValid(String role) {
        return role != null && VALID.matcher(role).matches();
    }
}
