package io.hallpass.realm;

import java.text.Normalizer;
import java.util.Locale;

/**
 * The one way usernames are compared, stored and counted by the sign-in throttle.
 *
 * <p>A username is normalised by: Unicode NFKC (so that compatibility forms such as full-width letters
 * collapse to one spelling), trimming white space at both ends, case folding (upper then lower case in
 * {@link Locale#ROOT}, repeated until it settles, so that {@code "STRASSE"}, {@code "straße"} and {@code "STRAẞE"}
 * meet), and NFKC again. It is refused, before any of that work, if it arrives with more than
 * {@value #MAX_RAW_LENGTH} characters; and after it if it is blank, longer than {@value #MAX_LENGTH} code points,
 * or contains a control, format (invisible or bidirectional override), line or paragraph separator character, or a
 * lone surrogate.
 */
public final class Usernames {

    public static final int MAX_LENGTH = 256;

    /**
     * The most UTF-16 characters a username may have as it arrives, checked before any other work on it: eight
     * times {@link #MAX_LENGTH}, generous for names that normalising shortens (letters spelled with combining
     * marks, surrounding white space), and a bound on what NFKC and case folding are ever asked to do (a megabyte
     * of U+FDFA would be eighteen megabytes once normalised).
     */
    public static final int MAX_RAW_LENGTH = 8 * MAX_LENGTH;

    private Usernames() {
    }

    /**
     * Normalises a username.
     *
     * @throws InvalidInputException if it is null, blank, too long or contains a forbidden character; the
     *                               message never repeats the value
     */
    public static String normalise(String username) {
        if (username == null) {
            throw new InvalidInputException("username is missing");
        }
        if (username.length() > MAX_RAW_LENGTH) {
            throw new InvalidInputException("username has more than " + MAX_RAW_LENGTH
                    + " characters before normalisation");
        }
        // Refuse before normalising: NFKC must not turn a forbidden character into an accepted one unseen.
        checkCharacters(username);
        String folded = Normalizer.normalize(username, Normalizer.Form.NFKC).strip();
        // Upper then lower case, repeated until it settles: one round takes "straße" to "strasse" but leaves the
        // capital sharp s as "ß", which only a second round folds to "ss" (Java has no full case folding).
        for (int round = 0; round < 3; round++) {
            String next = folded.toUpperCase(Locale.ROOT).toLowerCase(Locale.ROOT);
            if (next.equals(folded)) {
                break;
            }
            folded = next;
        }
        folded = Normalizer.normalize(folded, Normalizer.Form.NFKC);
        checkCharacters(folded);
        if (folded.isEmpty()) {
            throw new InvalidInputException("username is blank");
        }
        if (folded.codePointCount(0, folded.length()) > MAX_LENGTH) {
            throw new InvalidInputException("username is longer than " + MAX_LENGTH + " characters");
        }
        return folded;
    }

    private static void checkCharacters(String value) {
        int index = 0;
        for (int i = 0; i < value.length(); ) {
            int cp = value.codePointAt(i);
            switch (Character.getType(cp)) {
                case Character.CONTROL, Character.FORMAT, Character.LINE_SEPARATOR, Character.PARAGRAPH_SEPARATOR,
                        Character.SURROGATE, Character.UNASSIGNED, Character.PRIVATE_USE ->
                        throw new InvalidInputException(
                                "username contains a control or invisible character at position " + index);
                default -> {
                }
            }
            i += Character.charCount(cp);
            index++;
        }
    }
}
