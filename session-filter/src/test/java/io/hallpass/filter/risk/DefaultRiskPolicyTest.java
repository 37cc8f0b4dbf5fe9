package io.hallpass.filter.risk;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.hallpass.filter.risk.DefaultRiskPolicy.Reaction;
import io.hallpass.realm.ClientFacts;
import io.hallpass.realm.SessionView;
import java.time.Duration;
import java.time.Instant;
import java.util.Set;
import org.junit.jupiter.api.Test;

class DefaultRiskPolicyTest {

    private static final Instant NOW = Instant.parse("2026-03-02T09:00:00Z");
    private static final String FIREFOX = "Mozilla/5.0 (X11; Linux x86_64; rv:140.0) Gecko/20100101 Firefox/140.0";
    private final DefaultRiskPolicy defaults = DefaultRiskPolicy.withDefaults();

    private static SessionView session(String ip, String agent, boolean newDevice, int failures) {
        return new SessionView("pub", 1, "alice", Set.of("customer"), NOW, NOW, NOW, NOW.plusSeconds(1800),
                NOW.plusSeconds(43200), new ClientFacts(ip, agent, "dev"), newDevice, failures, false,
                java.time.Duration.ZERO);
    }

    @Test
    void aSessionUsedFromWhereItSignedInIsCalm() {
        assertSame(RiskAssessment.CALM,
                defaults.assess(session("198.51.100.7", FIREFOX, false, 0), new ClientFacts("198.51.100.99", FIREFOX, "dev"), NOW));
    }

    @Test
    void aNewDeviceCapsSensitiveWindowsToTwoMinutes() {
        RiskAssessment a = defaults.assess(session("198.51.100.7", FIREFOX, true, 0),
                new ClientFacts("198.51.100.7", FIREFOX, "dev"), NOW);
        assertTrue(a.has(RiskSignal.NEW_DEVICE));
        assertEquals(Duration.ofMinutes(2), a.capWindow(Duration.ofMinutes(5)));
        assertEquals(Duration.ofSeconds(30), a.capWindow(Duration.ofSeconds(30)));
        assertFalse(a.stepUp(), "the sign-in's own password is fresh proof: no immediate re-ask");
        assertFalse(a.revoke());
    }

    @Test
    void aBurstOfFailuresBeforeTheSignInCapsWindowsLikeANewDevice() {
        assertNull(defaults.assess(session("198.51.100.7", FIREFOX, false, 2),
                new ClientFacts("198.51.100.7", FIREFOX, "dev"), NOW).reauthCap());
        RiskAssessment a = defaults.assess(session("198.51.100.7", FIREFOX, false, 3),
                new ClientFacts("198.51.100.7", FIREFOX, "dev"), NOW);
        assertTrue(a.has(RiskSignal.FAILED_LOGINS_BEFORE_SUCCESS));
        assertEquals(Duration.ofMinutes(2), a.reauthCap());
    }

    @Test
    void aNetworkChangeDemandsStepUpForSensitiveActions() {
        RiskAssessment a = defaults.assess(session("198.51.100.7", FIREFOX, false, 0),
                new ClientFacts("203.0.113.5", FIREFOX, "dev"), NOW);
        assertTrue(a.has(RiskSignal.NETWORK_CHANGED));
        assertTrue(a.stepUp());
        assertFalse(a.revoke());
    }

    @Test
    void networksAreComparedBySlash24AndSlash48() {
        assertFalse(DefaultRiskPolicy.networkChanged("198.51.100.7", "198.51.100.250"));
        assertTrue(DefaultRiskPolicy.networkChanged("198.51.100.7", "198.51.101.7"));
        assertFalse(DefaultRiskPolicy.networkChanged("2001:db8:1::1", "2001:db8:1:ffff::2"));
        assertTrue(DefaultRiskPolicy.networkChanged("2001:db8:1::1", "2001:db8:2::1"));
        assertTrue(DefaultRiskPolicy.networkChanged("198.51.100.7", "2001:db8:1::1"));
        assertFalse(DefaultRiskPolicy.networkChanged(null, "198.51.100.7"), "unknown never signals");
        assertFalse(DefaultRiskPolicy.networkChanged("198.51.100.7", "garbage"));
    }

    @Test
    void aUserAgentChangeEndsTheSessionByDefault() {
        RiskAssessment a = defaults.assess(session("198.51.100.7", FIREFOX, false, 0),
                new ClientFacts("198.51.100.7", "curl/8.5.0", "dev"), NOW);
        assertTrue(a.has(RiskSignal.USER_AGENT_CHANGED));
        assertTrue(a.revoke());
        assertTrue(a.reason().contains("user agent changed"), a.reason());
    }

    @Test
    void reactionsAreConfigurable() {
        DefaultRiskPolicy lenient = new DefaultRiskPolicy(Duration.ofMinutes(1), Reaction.IGNORE, Reaction.STEP_UP, 5);
        RiskAssessment a = lenient.assess(session("198.51.100.7", FIREFOX, false, 0),
                new ClientFacts("203.0.113.5", "curl/8.5.0", "dev"), NOW);
        assertTrue(a.has(RiskSignal.NETWORK_CHANGED) && a.has(RiskSignal.USER_AGENT_CHANGED));
        assertTrue(a.stepUp());
        assertFalse(a.revoke());
    }
}
