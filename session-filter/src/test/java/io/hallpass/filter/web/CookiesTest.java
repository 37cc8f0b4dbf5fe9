package io.hallpass.filter.web;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class CookiesTest {

    @Test
    void theSessionCookieHasNoDomainNoExpiryAndEverySecurityAttribute() {
        assertEquals("__Host-hallpass=hp1_abc; Path=/; Secure; HttpOnly; SameSite=Lax",
                new Cookies(true, "Lax").header("__Host-hallpass", "hp1_abc", null));
    }

    @Test
    void clearingACookieRepeatsItsAttributesWithMaxAgeZero() {
        assertEquals("__Host-hallpass=; Path=/; Max-Age=0; Secure; HttpOnly; SameSite=Strict",
                new Cookies(true, "Strict").header("__Host-hallpass", "", 0L));
    }
}
