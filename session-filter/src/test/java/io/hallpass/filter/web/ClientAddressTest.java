package io.hallpass.filter.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.hallpass.filter.config.Cidr;
import java.util.List;
import org.junit.jupiter.api.Test;

class ClientAddressTest {

    private final ClientAddress noProxies = new ClientAddress(List.of());
    private final ClientAddress behindProxy = new ClientAddress(List.of(Cidr.parse("10.0.0.0/8"), Cidr.parse("::1")));

    @Test
    void withoutTrustedProxiesForwardedHeadersChangeNothing() {
        var request = RequestStub.get().from("203.0.113.9")
                .header("X-Forwarded-For", "198.51.100.1")
                .header("X-Forwarded-Host", "evil.example")
                .header("X-Forwarded-Proto", "https")
                .header("Host", "shop.example").build();
        assertEquals("203.0.113.9", noProxies.clientIp(request));
        assertEquals("shop.example", noProxies.host(request));
        assertEquals("http", noProxies.scheme(request));
        assertFalse(noProxies.fromTrustedProxy(request));
    }

    @Test
    void aSpoofedForwardedForFromAnUntrustedPeerIsIgnoredEvenWhenProxiesAreConfigured() {
        var request = RequestStub.get().from("203.0.113.9").header("X-Forwarded-For", "10.1.2.3").build();
        assertEquals("203.0.113.9", behindProxy.clientIp(request));
    }

    @Test
    void behindATrustedProxyTheRightmostUntrustedHopIsTheClient() {
        // the client prepended a fake entry; the proxy appended the real peer it saw
        var request = RequestStub.get().from("10.0.0.5")
                .header("X-Forwarded-For", "1.1.1.1, 198.51.100.7, 10.0.0.4").build();
        assertEquals("198.51.100.7", behindProxy.clientIp(request));
        assertTrue(behindProxy.fromTrustedProxy(request));
    }

    @Test
    void forwardedForHeadersSplitAcrossLinesAreReadInOrder() {
        var request = RequestStub.get().from("10.0.0.5")
                .header("X-Forwarded-For", "198.51.100.7").header("X-Forwarded-For", "10.0.0.4").build();
        assertEquals("198.51.100.7", behindProxy.clientIp(request));
    }

    @Test
    void aGarbledHopStopsTheWalkAtTheLastTrustedAddress() {
        var request = RequestStub.get().from("10.0.0.5")
                .header("X-Forwarded-For", "198.51.100.7, not-an-ip, 10.0.0.4").build();
        assertEquals("10.0.0.4", behindProxy.clientIp(request));
    }

    @Test
    void behindATrustedProxyForwardedHostAndProtoCount() {
        var request = RequestStub.get().from("::1").header("Host", "internal:8080")
                .header("X-Forwarded-Host", "shop.example").header("X-Forwarded-Proto", "https").build();
        assertEquals("shop.example", behindProxy.host(request));
        assertEquals("https", behindProxy.scheme(request));
    }

    @Test
    void cidrBlocksMatchOnlyTheirPrefix() {
        Cidr block = Cidr.parse("192.168.4.0/22");
        assertTrue(block.contains(Cidr.literal("192.168.7.255")));
        assertFalse(block.contains(Cidr.literal("192.168.8.0")));
        assertFalse(block.contains(Cidr.literal("::ffff:1.2.3.4")), "an IPv4 block never matches other addresses");
        assertTrue(Cidr.parse("2001:db8::/32").contains(Cidr.literal("2001:db8:ffff::1")));
    }

    @Test
    void literalNeverLooksUpNames() {
        assertEquals(null, Cidr.literal("localhost"));
        assertEquals(null, Cidr.literal("a.b.c.d"));
        assertEquals(null, Cidr.literal("300.1.1.1"));
        assertEquals(null, Cidr.literal("1.2.3"));
        for (String bad : new String[] {"1.2.3.4.5", "1..2.3", "1.2.3.", ".1.2.3", "256.1.1.1", "1.2.3.4a", "1.2.3.1000",
                "", "::g", "1:2"}) {
            assertEquals(null, Cidr.literal(bad), bad);
        }
        assertEquals(4, Cidr.literal("1.2.3.4").length);
        assertEquals(-1, Cidr.literal("255.255.255.255")[3]);
        assertEquals(16, Cidr.literal("2001:db8::1").length);
    }
}
