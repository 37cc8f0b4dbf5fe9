package io.hallpass.realm.password;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.hallpass.realm.InvalidInputException;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class PasswordRulesTest {

    private static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    private static void refused(String password, String expectedMessagePart) {
        InvalidInputException e = assertThrows(InvalidInputException.class,
                () -> PasswordRules.presented(password, "password"));
        assertFalse(password != null && !password.isEmpty() && e.getMessage().contains(password),
                "the message must not repeat the password");
        assertEquals(true, e.getMessage().contains(expectedMessagePart), e.getMessage());
    }

    @Test
    void nullAndEmptyAreRefused() {
        refused(null, "missing");
        refused("", "missing");
    }

    @Test
    void moreThan1024Utf8BytesAreRefusedBeforeHashing() {
        assertEquals(1024, PasswordRules.presented("a".repeat(1024), "password").length);
        refused("a".repeat(1025), "1024 bytes");
        // 342 euro signs are 342 characters but 1026 bytes
        refused("\u20ac".repeat(342), "1024 bytes");
        refused("x".repeat(1_000_000), "1024 bytes");
    }

    @Test
    void passwordsAreNormalisedWithNfkc() {
        assertArrayEquals(utf8("password"), PasswordRules.presented("\uff50\uff41\uff53\uff53\uff57\uff4f\uff52\uff44",
                "password"), "full-width letters");
        assertArrayEquals(utf8("caf\u00e9"), PasswordRules.presented("cafe\u0301", "password"), "combining accent");
        assertArrayEquals(utf8("  spaces kept  "), PasswordRules.presented("  spaces kept  ", "password"));
    }

    @Test
    void loneSurrogatesAreRefused() {
        refused("abc\ud800def", "invalid character");
        refused("abc\udc00", "invalid character");
        assertEquals(4, PasswordRules.presented("\ud83d\ude00", "password").length, "a real pair is fine");
    }

    @Test
    void newPasswordsNeedEightCodePoints() {
        assertThrows(InvalidInputException.class, () -> PasswordRules.newPassword("1234567"));
        assertEquals(8, PasswordRules.newPassword("12345678").length);
        // eight emoji are eight characters, though sixteen UTF-16 units
        PasswordRules.newPassword("\ud83d\ude00".repeat(8));
        assertThrows(InvalidInputException.class, () -> PasswordRules.newPassword("\ud83d\ude00".repeat(7)));
    }
}
