package io.hallpass.realm.password;

import io.hallpass.realm.InvalidInputException;
import java.nio.charset.StandardCharsets;
import java.text.Normalizer;

/**
 * What a password must be, and the bytes that are hashed for it. Following NIST SP 800-63B: every character is
 * allowed, including spaces, the password is normalised with Unicode NFKC so that the same password typed on
 * different keyboards matches, and new passwords need at least {@value #MIN_NEW_CODE_POINTS} characters. A
 * password over {@value #MAX_BYTES} UTF-8 bytes is refused before any hashing, so that a megabyte "password"
 * costs nothing. Messages never repeat the password.
 */
public final class PasswordRules {

    public static final int MAX_BYTES = 1024;
    public static final int MIN_NEW_CODE_POINTS = 8;

    private PasswordRules() {
    }

    /** The bytes to hash for a password presented at login, re-authentication or as the current password. */
    public static byte[] presented(String password, String name) {
        if (password == null || password.isEmpty()) {
            throw new InvalidInputException(name + " is missing");
        }
        // Cheap upper bound first: a UTF-16 char never needs more than 3 UTF-8 bytes.
        if (password.length() > MAX_BYTES) {
            throw tooLong(name);
        }
        for (int i = 0; i < password.length(); i++) {
            char c = password.charAt(i);
            if (Character.isHighSurrogate(c) && i + 1 < password.length()
                    && Character.isLowSurrogate(password.charAt(i + 1))) {
                i++;
            } else if (Character.isSurrogate(c)) {
                // a lone surrogate has no UTF-8 form; two different ones would hash alike
                throw new InvalidInputException(name + " contains an invalid character");
            }
        }
        if (password.getBytes(StandardCharsets.UTF_8).length > MAX_BYTES) {
            throw tooLong(name);
        }
        byte[] normalised = Normalizer.normalize(password, Normalizer.Form.NFKC).getBytes(StandardCharsets.UTF_8);
        if (normalised.length > MAX_BYTES) {
            throw tooLong(name);
        }
        return normalised;
    }

    /** The bytes to hash for a new password; it must also be at least {@value #MIN_NEW_CODE_POINTS} characters. */
    public static byte[] newPassword(String password) {
        byte[] bytes = presented(password, "new password");
        String normalised = new String(bytes, StandardCharsets.UTF_8);
        if (normalised.codePointCount(0, normalised.length()) < MIN_NEW_CODE_POINTS) {
            throw new InvalidInputException("new password must be at least " + MIN_NEW_CODE_POINTS + " characters");
        }
        return bytes;
    }

    private static InvalidInputException tooLong(String name) {
        return new InvalidInputException(name + " is longer than " + MAX_BYTES + " bytes");
    }
}
