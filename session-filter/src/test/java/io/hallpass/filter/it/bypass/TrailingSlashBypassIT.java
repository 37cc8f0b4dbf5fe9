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
    @ValueSource(strings = {"/admin", "/admin/", "/admin/panel/", "/admin//", "/admin/panel//", "/reports", "/reports/",
            "/admin/.", "/admin/./"})
    void bareAndSlashedPrefixesAreStillProtected(String target) {
        Targets.assertRefused("GET", target);
    }

    @Test
    void aPublicPrefixWithASlashStillWorks() {
        Targets.assertAllowed("GET", "/public/");
    }
}
