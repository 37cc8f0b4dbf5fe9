package io.hallpass.filter.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.servlet.http.HttpServletRequest;
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

    static final String NAME = "__Host-hallpass";

    private static Cookies.Read read(String... headers) {
        RequestStub stub = RequestStub.get();
        for (String header : headers) {
            stub.header("Cookie", header);
        }
        HttpServletRequest request = stub.build();
        return Cookies.read(request, NAME);
    }

    @Test
    void theCookieIsFoundAmongOthersWhateverTheSpacing() {
        assertEquals("hp1_abc", read("__Host-hallpass=hp1_abc").value());
        assertEquals("hp1_abc", read("a=1; __Host-hallpass=hp1_abc; b=2").value());
        assertEquals("hp1_abc", read("a=1;__Host-hallpass=hp1_abc").value());
        assertEquals("hp1_abc", read("a=1;  __Host-hallpass = hp1_abc  ;b=2").value());
        assertEquals("hp1_abc", read("a=1", "__Host-hallpass=hp1_abc").value(), "in a second Cookie header");
    }

    @Test
    void aCookieWhoseNameOnlyStartsWithOursIsAnotherCookie() {
        Cookies.Read r = read("__Host-hallpass-device=dev; x__Host-hallpass=evil; __Host-hallpassX=evil");
        assertFalse(r.present(), r.toString());
        assertFalse(r.duplicated());
        assertEquals("hp1_abc", read("__Host-hallpass-device=dev; __Host-hallpass=hp1_abc").value());
    }

    @Test
    void twoCookiesOfOurNameAreDuplicatedEvenInSeparateHeadersAndEvenIfOneIsEmpty() {
        assertTrue(read("__Host-hallpass=a; __Host-hallpass=b").duplicated());
        assertTrue(read("__Host-hallpass=a", "__Host-hallpass=b").duplicated());
        assertTrue(read("__Host-hallpass=; __Host-hallpass=b").duplicated());
        assertNull(read("__Host-hallpass=a; __Host-hallpass=b").value(), "neither is picked");
    }

    @Test
    void emptyOverLongAndValuelessCookiesAreAbsent() {
        assertFalse(read().present(), "no Cookie header");
        assertFalse(read("").present());
        assertFalse(read("__Host-hallpass=").present());
        assertFalse(read("__Host-hallpass").present(), "a name without '=' is no cookie of ours");
        assertFalse(read("__Host-hallpass=" + "a".repeat(Cookies.MAX_VALUE + 1)).present());
        assertTrue(read("__Host-hallpass=" + "a".repeat(Cookies.MAX_VALUE)).present());
    }

    @Test
    void aQuotedOrOddValueIsTakenAsSentForTheTokenCheckToRefuse() {
        assertEquals("\"hp1_abc\"", read("__Host-hallpass=\"hp1_abc\"").value());
        assertEquals("a=b", read("__Host-hallpass=a=b").value());
    }

    @Test
    void twoNamesAreReadInOnePassEachAsIfReadAlone() {
        String device = NAME + "-device";
        RequestStub stub = RequestStub.get().header("Cookie", "a=1; " + device + "=dev1; " + NAME + "=hp1_abc")
                .header("Cookie", "b=2");
        Cookies.Pair both = Cookies.read(stub.build(), NAME, device);
        assertEquals("hp1_abc", both.first().value());
        assertEquals("dev1", both.second().value());

        Cookies.Pair twoDevices = Cookies.read(RequestStub.get().header("Cookie", device + "=x; " + NAME + "=t")
                .header("Cookie", device + "=y").build(), NAME, device);
        assertEquals("t", twoDevices.first().value(), "a second device cookie does not hide the session cookie");
        assertTrue(twoDevices.second().duplicated());

        Cookies.Pair onlyFirst = Cookies.read(RequestStub.get().header("Cookie", device + "=x; " + NAME + "=t")
                .build(), NAME, null);
        assertEquals("t", onlyFirst.first().value());
        assertFalse(onlyFirst.second().present(), "no second name, no second cookie");
        assertFalse(Cookies.read(RequestStub.get().build(), NAME, device).second().present());
    }
}
