package io.hallpass.filter.policy;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Whether a path, a rule pattern or a servlet name looks like it leads to a sensitive action, for the report's
 * {@link PolicyReport.Gap.SensitiveWithoutReauth}. The text is cut into words at every character that is not a
 * letter or digit and where a lower-case letter meets an upper-case one; a word matches if it is one of
 * {@link #WORDS} or its plural. So {@code /account/change-password}, {@code /payouts/*}, {@code deleteAccount},
 * {@code export.csv} and {@code /site-admin} match, and {@code /badminton}, {@code /administrator} and
 * {@code /emailing-list} do not: whole words, never substrings.
 */
final class SensitiveWords {

    /** The words; {@code export} also makes reading (GET, HEAD) sensitive, since the answer is the data. */
    static final List<String> WORDS = List.of("password", "payout", "payment", "export", "email", "delete", "admin");

    static final String EXPORT = "export";

    private SensitiveWords() {
    }

    /** The first sensitive word found in the texts (nulls are skipped), or null. */
    static String find(String... texts) {
        for (String text : texts) {
            if (text == null) {
                continue;
            }
            for (String word : words(text)) {
                for (String sensitive : WORDS) {
                    if (word.equals(sensitive) || word.equals(sensitive + "s")) {
                        return sensitive;
                    }
                }
            }
        }
        return null;
    }

    static List<String> words(String text) {
        List<String> words = new ArrayList<>();
        StringBuilder word = new StringBuilder();
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            boolean camelBreak = i > 0 && Character.isUpperCase(c) && Character.isLowerCase(text.charAt(i - 1));
            if (!Character.isLetterOrDigit(c) || camelBreak) {
                if (word.length() > 0) {
                    words.add(word.toString().toLowerCase(Locale.ROOT));
                    word.setLength(0);
                }
            }
            if (Character.isLetterOrDigit(c)) {
                word.append(c);
            }
        }
        if (word.length() > 0) {
            words.add(word.toString().toLowerCase(Locale.ROOT));
        }
        return words;
    }
}
