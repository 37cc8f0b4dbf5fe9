package io.hallpass.realm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class UsernamesTest {

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', value = {
            "alice|alice",
            "Alice|alice",
            "ALICE|alice",
            "'  alice  '|alice",
            "\uff21\uff2c\uff29\uff23\uff25|alice",          // full-width
            "stra\u00dfe|strasse",                             // sharp s folds to ss
            "STRASSE|strasse",
            "\u1e9e|ss",                                       // capital sharp s
            "STRA\u1e9eE|strasse",
            "\ufb01le|file",                                   // ligature
            "cafe\u0301|caf\u00e9",                            // combining accent composes
            "CAF\u00c9|caf\u00e9",
            "\u0130stanbul|i\u0307stanbul",                    // dotted capital I, folded in the root locale
            "r\u00e9sum\u00e9|r\u00e9sum\u00e9",
            "bob.smith@example.com|bob.smith@example.com",
            "\u2460|1",                                        // circled digit
    })
    void normalisesToOneSpelling(String input, String expected) {
        assertEquals(expected, Usernames.normalise(input));
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "",
            "   ",
            "\t",
            "ali\u0000ce",
            "ali\nce",
            "ali\u202ece",     // right-to-left override
            "ali\u200dce",     // zero-width joiner
            "ali\u200bce",     // zero-width space
            "ali\u2028ce",     // line separator
            "ali\ud800ce",     // lone surrogate
            "ali\ue000ce",     // private use
    })
    void refusesBlankControlFormatAndInvisibleCharacters(String input) {
        InvalidInputException e = assertThrows(InvalidInputException.class, () -> Usernames.normalise(input));
        assertFalse(!input.isBlank() && e.getMessage().contains(input), "the message must not repeat the value");
    }

    @org.junit.jupiter.api.Test
    void refusesNull() {
        assertThrows(InvalidInputException.class, () -> Usernames.normalise(null));
    }

    @org.junit.jupiter.api.Test
    void aHugeUsernameIsRefusedOnItsRawLengthBeforeAnyNormalisation() {
        // U+FDFA is one character that NFKC turns into eighteen: a megabyte of it would be costly to normalise
        String huge = "\ufdfa".repeat(1 << 20);
        InvalidInputException e = assertThrows(InvalidInputException.class, () -> Usernames.normalise(huge));
        assertEquals("username has more than " + Usernames.MAX_RAW_LENGTH + " characters before normalisation",
                e.getMessage(), "refused on the raw length, before normalising or even scanning it");
        assertThrows(InvalidInputException.class, () -> Usernames.normalise("a".repeat(Usernames.MAX_RAW_LENGTH + 1)));
    }

    @org.junit.jupiter.api.Test
    void theRawLimitIsGenerousForNamesThatNormaliseShort() {
        // 256 letters, each written as a base letter and a combining accent, padded with spaces: within the raw
        // limit, and 256 characters once normalised
        String spelled = "  " + "e\u0301".repeat(256) + "  ";
        assertTrue(spelled.length() <= Usernames.MAX_RAW_LENGTH);
        assertEquals("\u00e9".repeat(256), Usernames.normalise(spelled));
        InvalidInputException e = assertThrows(InvalidInputException.class,
                () -> Usernames.normalise("\ufdfa".repeat(20)));
        assertEquals("username is longer than 256 characters", e.getMessage(), "short raw, long once normalised");
    }

    @org.junit.jupiter.api.Test
    void acceptsAtMost256CodePoints() {
        assertEquals(256, Usernames.normalise("a".repeat(256)).length());
        assertThrows(InvalidInputException.class, () -> Usernames.normalise("a".repeat(257)));
        // supplementary characters count once each
        String emoji = "\ud83d\ude00";
        assertEquals(512, Usernames.normalise(emoji.repeat(256)).length());
        assertThrows(InvalidInputException.class, () -> Usernames.normalise(emoji.repeat(257)));
    }
}
