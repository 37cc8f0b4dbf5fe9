package io.hallpass.filter.it.bypass;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Trailing slashes and bare prefixes: {@code /admin/*} also covers {@code /admin} and {@code /admin/}, exactly as
 * a servlet mapping does, so neither slips past a rule written for the prefix.
 */
@ExtendWith(Targets.class)
class TrailingSlashBypassIT {

    @ParameterizedTest
    @ValueSource(strings = {"/admin", "/admin/", "/admin/panel/", "/reports", "/reports/"})
    void bareAndSlashedPrefixesAreStillProtected(String target) {
        Targets.assertRefused(Targets.Expect.PROTECTED, "GET", target);
    }

    @ParameterizedTest
    @ValueSource(strings = {"/admin//", "/admin/panel//", "/admin/.", "/admin/./"})
    void emptyAndDotSegmentsAfterAProtectedPrefixAreRefusedByTheFirewall(String target) {
        Targets.assertRefused(Targets.Expect.FIREWALL, "GET", target);
    }

    @Test
    void aPublicPrefixWithASlashStillWorks() {
        Targets.assertAllowed("GET", "/public/");
    }
}
