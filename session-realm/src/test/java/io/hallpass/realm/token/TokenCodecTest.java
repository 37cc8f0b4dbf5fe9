package io.hallpass.realm.token;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

class TokenCodecTest {

    private static final String ALPHABET = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";

    private final TokenCodec codec = new TokenCodec(null);

    @Test
    void newTokenHasThePrefixTheLengthAndThePublishedPattern() {
        for (int i = 0; i < 1000; i++) {
            String token = codec.newToken();
            assertEquals(TokenCodec.LENGTH, token.length());
            assertTrue(token.startsWith("hp1_"));
            assertTrue(TokenCodec.PATTERN.matcher(token).matches(), "pattern documented for secret scanners");
            assertTrue(codec.isWellFormed(token));
        }
    }

    @Test
    void newTokensDoNotRepeat() {
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < 10_000; i++) {
            assertTrue(seen.add(codec.newToken()));
        }
    }

    @Test
    void checksumRefusesEverySingleCharacterChange() {
        String token = codec.newToken();
        int refused = 0;
        for (int position = 0; position < token.length(); position++) {
            for (char c : (ALPHABET + "=+/. \u00e9\u0000").toCharArray()) {
                if (c == token.charAt(position)) {
                    continue;
                }
                char[] changed = token.toCharArray();
                changed[position] = c;
                int at = position;
                assertFalse(codec.isWellFormed(new String(changed)), () -> "a change at position " + at + " passed");
                refused++;
            }
        }
        assertTrue(refused > 53 * 60);
    }

    @Test
    void truncatedExtendedOrForeignStringsAreRefused() {
        String token = codec.newToken();
        assertFalse(codec.isWellFormed(null));
        assertFalse(codec.isWellFormed(""));
        assertFalse(codec.isWellFormed("hp1_"));
        assertFalse(codec.isWellFormed(token.substring(0, token.length() - 1)));
        assertFalse(codec.isWellFormed(token + "A"));
        assertFalse(codec.isWellFormed(" " + token.substring(1)));
        assertFalse(codec.isWellFormed("hp2_" + token.substring(4)));
        assertFalse(codec.isWellFormed("HP1_" + token.substring(4)));
        assertFalse(codec.isWellFormed("hp1_" + "A".repeat(49)), "all zero bits with a wrong checksum");
    }

    @Test
    void twoCharacterSwapsAreRefused() {
        String token = codec.newToken();
        for (int i = 4; i < token.length() - 1; i++) {
            char[] swapped = token.toCharArray();
            if (swapped[i] == swapped[i + 1]) {
                continue;
            }
            char tmp = swapped[i];
            swapped[i] = swapped[i + 1];
            swapped[i + 1] = tmp;
            assertFalse(codec.isWellFormed(new String(swapped)));
        }
    }

    @Test
    void hashIsThirtyTwoBytesOfSha256OrOfHmacWithThePepper() throws Exception {
        String token = codec.newToken();
        byte[] plain = codec.hash(token);
        assertEquals(TokenCodec.HASH_BYTES, plain.length);
        assertArrayEquals(java.security.MessageDigest.getInstance("SHA-256")
                .digest(token.getBytes(StandardCharsets.US_ASCII)), plain);

        byte[] pepper = new byte[32];
        Arrays.fill(pepper, (byte) 7);
        TokenCodec peppered = new TokenCodec(pepper);
        byte[] keyed = peppered.hash(token);
        assertEquals(32, keyed.length);
        assertNotEquals(Arrays.toString(plain), Arrays.toString(keyed));
        assertArrayEquals(keyed, new TokenCodec(pepper.clone()).hash(token), "same pepper, same hash");
    }

    @Test
    void toStringNeverShowsATokenOrThePepper() {
        assertEquals("TokenCodec[SHA-256]", codec.toString());
        assertEquals("TokenCodec[HMAC-SHA-256]", new TokenCodec(new byte[32]).toString());
    }

    @Test
    void publicIdsAreTwentyTwoUrlSafeCharactersAndNotTokens() {
        String id = TokenCodec.newPublicId();
        assertEquals(22, id.length());
        assertTrue(id.chars().allMatch(c -> ALPHABET.indexOf(c) >= 0));
        assertFalse(codec.isWellFormed(id));
    }
}
