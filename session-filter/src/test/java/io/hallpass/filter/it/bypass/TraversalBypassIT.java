package io.hallpass.filter.it.bypass;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Traversal: a public prefix followed by {@code ..} (plain, encoded, mixed case, half-encoded) that a container
 * would normalise into a protected path after the filter matched the public one.
 */
@ExtendWith(Targets.class)
class TraversalBypassIT {

    @ParameterizedTest
    @ValueSource(strings = {"/public/../admin/panel", "/public/%2e%2e/admin/panel", "/public/%2E%2E/admin/panel",
            "/public/.%2e/admin/panel", "/public/%2e./admin/panel", "/public/./../admin/panel", "/./admin/panel",
            "/public/..%2fadmin/panel", "/public/%2e%2e%2fadmin/panel", "/public/..", "/admin/panel/..",
            "/public/..;/admin/panel", "/reports/../reports/q1", "/public/%c0%ae%c0%ae/admin/panel"})
    void dotSegmentsNeverReachAProtectedServlet(String target) {
        Targets.assertRefused(Targets.Expect.FIREWALL, "GET", target);
    }

    @Test
    void thePlainPublicPathStillWorks() {
        Targets.assertAllowed("GET", "/public/hello");
    }
}
