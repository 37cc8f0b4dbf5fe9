package io.hallpass.realm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;

import org.junit.jupiter.api.Test;

/** The clipping rule for text observed from outside, and that a clean value costs no copy. */
class ClientFactsTest {

    @Test
    void cleanValueIsKeptAsItIsWithoutACopy() {
        String agent = "Mozilla/5.0 (X11; Linux x86_64; rv:128.0) Gecko/20100101 Firefox/128.0";
        assertSame(agent, new ClientFacts("192.0.2.1", agent, null).userAgent());
        String exact = "a".repeat(ClientFacts.MAX_USER_AGENT);
        assertSame(exact, ClientFacts.clip(exact, ClientFacts.MAX_USER_AGENT));
    }

    @Test
    void forgedLogLineInUserAgentIsDefused() {
        ClientFacts facts = new ClientFacts("192.0.2.1", "curl\r\n2026-01-01 INFO admin signed in\u0000", null);
        assertEquals("curl??2026-01-01 INFO admin signed in?", facts.userAgent());
    }

    @Test
    void overlongValuesAreCutAndEmptyOnesAreAbsent() {
        assertEquals(ClientFacts.MAX_USER_AGENT,
                ClientFacts.clip("b".repeat(ClientFacts.MAX_USER_AGENT + 1), ClientFacts.MAX_USER_AGENT).length());
        assertEquals("ab?", ClientFacts.clip("ab\tcd", 3));
        assertNull(ClientFacts.clip("", 10));
        assertNull(ClientFacts.clip(null, 10));
    }
}
