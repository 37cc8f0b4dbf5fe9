package io.hallpass.realm.jpa;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** Which network an address is counted as: one IPv4 address, or one subscriber's IPv6 /64; never a name lookup. */
class SignInCountersTest {

    @Test
    void anIpv4AddressIsANetworkOfItsOwn() {
        assertEquals("v4:198.51.100.7", SignInCounters.Client.networkOf("198.51.100.7"));
        assertNotEquals(SignInCounters.Client.networkOf("198.51.100.7"),
                SignInCounters.Client.networkOf("198.51.100.8"));
        assertEquals("v4:198.51.100.7", SignInCounters.Client.networkOf("::ffff:198.51.100.7"), "IPv4-mapped");
    }

    @Test
    void everyAddressOfAnIpv6Slash64IsOneNetwork() {
        String one = SignInCounters.Client.networkOf("2001:db8:1:2::1");
        assertEquals("v6:20010db800010002", one);
        assertEquals(one, SignInCounters.Client.networkOf("2001:db8:1:2:ffff:ffff:ffff:fffe"), "one subscriber");
        assertEquals(one, SignInCounters.Client.networkOf("[2001:DB8:1:2::9]"), "brackets and case");
        assertEquals(one, SignInCounters.Client.networkOf("2001:db8:1:2::9%eth0"), "a zone");
        assertNotEquals(one, SignInCounters.Client.networkOf("2001:db8:1:3::1"), "the next /64");
    }

    @Test
    void anythingElseIsKeyedAsItIsWithoutANameLookup() {
        assertEquals("other:proxy.internal", SignInCounters.Client.networkOf("proxy.internal"));
        assertEquals("other:999.1.1.1x", SignInCounters.Client.networkOf("999.1.1.1x"));
        assertEquals("none", SignInCounters.Client.networkOf(null));
        assertEquals("none", SignInCounters.Client.networkOf(" "));
    }

    @Test
    void onlySessionsAndKnownDevicesAreKnownAndTheirIdsAreNeverShown() {
        assertTrue(SignInCounters.Client.session("public-id").known());
        assertTrue(SignInCounters.Client.device("device-secret").known());
        assertFalse(SignInCounters.Client.network("198.51.100.7").known());
        assertFalse(SignInCounters.Client.holder().known());
        assertFalse(SignInCounters.Client.device("device-secret").toString().contains("device-secret"));
    }
}
