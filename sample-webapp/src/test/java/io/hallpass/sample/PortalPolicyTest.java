package io.hallpass.sample;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.hallpass.filter.policy.Policy;
import io.hallpass.filter.policy.PolicyReport;
import io.hallpass.sample.testing.PortalPolicy;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * The portal's own rules and annotations leave no gap, on either container, as long as the demo accounts hold
 * their roles; and the one gap the portal expects (casey's grant ends) is the one it gets. The same is checked
 * end to end, on the page, by {@code PortalContractIT}.
 */
class PortalPolicyTest {

    @Test
    void thePortalsOwnPolicyHasNoGapOnTomcatOrJetty() throws Exception {
        for (Policy policy : List.of(PortalPolicy.onTomcat(), PortalPolicy.onJetty())) {
            PolicyReport report = policy.report().withRolesHeld(PortalPolicy.DEMO_ROLES);
            assertEquals(List.of(), report.gaps().stream().map(PolicyReport.Gap::message).toList());
        }
    }

    @Test
    void whenCaseysGrantHasEndedTheOnlyGapIsTheRoleNoOneHolds() throws Exception {
        PolicyReport report = PortalPolicy.onTomcat().report().withRolesHeld(Set.of("customer", "support", "admin"));
        assertEquals(1, report.gaps().size(), report.gaps().toString());
        assertTrue(report.gaps().get(0) instanceof PolicyReport.Gap.UnheldRole unheld
                && unheld.role().equals("reporting"), report.gaps().toString());
    }

    @Test
    void everyAdminPostAsksForARecentPasswordAndAccountChangesForAFresherOne() throws Exception {
        Policy policy = PortalPolicy.onTomcat();
        assertEquals(java.time.Duration.ofMinutes(15),
                policy.lookup("POST", "/admin/users/sam/revoke-sessions", "admin").reauthWithin());
        assertEquals(java.time.Duration.ofMinutes(5),
                policy.lookup("POST", "/admin/account-changes/disable", "account-changes").reauthWithin());
    }

    @Test
    void endingOnesOwnSessionsAsksForAPasswordEnteredWithinFifteenMinutes() throws Exception {
        Policy policy = PortalPolicy.onTomcat();
        for (String path : List.of("/account/sessions/abc/revoke", "/account/sessions/revoke-others")) {
            assertEquals(java.time.Duration.ofMinutes(15), policy.lookup("POST", path, "sessions").reauthWithin(),
                    path);
        }
        assertNull(policy.lookup("GET", "/account/sessions", "sessions").reauthWithin(), "the list is not sensitive");
    }
}
