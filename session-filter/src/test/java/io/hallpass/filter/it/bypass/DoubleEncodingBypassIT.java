package io.hallpass.filter.it.bypass;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Double encoding and bad encoding: {@code %25} that a second decoder turns into a separator or a dot,
 * overlong and invalid UTF-8, and encoded control characters.
 */
@ExtendWith(Targets.class)
class DoubleEncodingBypassIT {

    @ParameterizedTest
    @ValueSource(strings = {"/public/%252e%252e/admin/panel", "/public/%252E%252E/admin/panel", "/public%252fadmin",
            "/%2561dmin/panel", "/public/%25%32%65%25%32%65/admin/panel", "/admin/%C0%AFpanel", "/admin/%FFpanel",
            "/admin/panel%00", "/admin/panel%0a", "/admin/panel%0d%0aX:%20y", "/admin/panel%", "/admin/panel%G1",
            "/admin/panel%2", "/admin/%e2%80%a8panel", "/admin/%c2%85panel"})
    void doubleOrInvalidEncodingIsRefused(String target) {
        Targets.assertRefused(Targets.Expect.FIREWALL, "GET", target);
    }

    @Test
    void anEncodedOrdinaryCharacterIsDecodedOnceAndJudgedAsTheRealPath() {
        // %61 is 'a': the container maps /admin/panel, and so does the filter: still refused for non-admins
        Targets.assertRefused(Targets.Expect.PROTECTED, "GET", "/%61dmin/panel");
        Targets.assertAllowed("GET", "/public/caf%C3%A9");
    }
}
