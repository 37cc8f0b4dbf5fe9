package io.hallpass.sample.web;

import java.nio.charset.StandardCharsets;

/** Building and checking the app-relative paths that pages link to and redirect to. */
public final class Paths {

    private static final int MAX_RETURN_LENGTH = 512;

    private Paths() {
    }

    /**
     * Percent-encodes one path segment (a username, a session id), so that no character of it can end the
     * segment or start a query. Unreserved characters stay as they are.
     */
    public static String segment(String value) {
        StringBuilder out = new StringBuilder(value.length() + 8);
        for (byte b : value.getBytes(StandardCharsets.UTF_8)) {
            int c = b & 0xff;
            if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')
                    || c == '-' || c == '_' || c == '.' || c == '~') {
                out.append((char) c);
            } else {
                out.append('%').append(Character.toUpperCase(Character.forDigit(c >> 4, 16)))
                        .append(Character.toUpperCase(Character.forDigit(c & 0xf, 16)));
            }
        }
        return out.toString();
    }

    /** Percent-encodes a query parameter value. */
    public static String query(String value) {
        return segment(value);
    }

    /**
     * The return path to carry through the login form, or null when the value is not a plain same-origin path:
     * it must start with a single {@code /}, contain no backslash and no control character, and be short. The
     * filter checks it again; this only keeps the page from echoing nonsense.
     */
    public static String safeReturn(String value) {
        if (value == null || value.isEmpty() || value.length() > MAX_RETURN_LENGTH) {
            return null;
        }
        if (value.charAt(0) != '/' || value.startsWith("//") || value.indexOf('\\') >= 0) {
            return null;
        }
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (Character.isISOControl(c) || Character.isWhitespace(c)) {
                return null;
            }
        }
        return value;
    }
}
