package io.hallpass.filter.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Set;
import org.junit.jupiter.api.Test;

/** A refusal's kind is what observers read, so a record never carries a kind that is not its own. */
class RefusalTest {

    @Test
    void aRefusalWithAKindOfAnotherRecordIsRefused() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new Refusal.Forbidden(Refusal.Kind.FIREWALL, "denied by policy"));
        assertTrue(e.getMessage().startsWith("FIREWALL is not one of"), e.getMessage());
        assertThrows(IllegalArgumentException.class,
                () -> new Refusal.Rejected(Refusal.Kind.UNAUTHENTICATED, 401, "sign in first", Set.of()));
    }

    @Test
    void aRejectionOutsideTheClientErrorsIsRefused() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Refusal.badInput(500, "oops"));
        assertEquals("a rejection is a 4xx status, not 500", e.getMessage());
    }

    @Test
    void theFactoriesNameTheirKindAndStatus() {
        assertEquals(Refusal.Kind.FIREWALL, Refusal.firewall("dot segment in path").kind());
        assertEquals(403, Refusal.crossSite("cross-origin request refused").status());
        assertEquals(400, Refusal.duplicateCookie().status());
        assertEquals(Set.of("POST"), Refusal.methodNotAllowed("sign out with POST", Set.of("POST")).allow());
        assertEquals(Refusal.Kind.BUSY, new Refusal.Busy(1, false).kind());
        assertEquals(Refusal.Kind.REALM_UNAVAILABLE, Refusal.realmUnavailable(5).kind());
        assertEquals(Refusal.Kind.TOO_MANY_SESSIONS, Refusal.tooManySessions().kind());
        assertEquals(409, Refusal.tooManySessions().status());
    }
}
