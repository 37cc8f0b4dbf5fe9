package io.hallpass.filter.it.bypass;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Path parameters: {@code ;} segments that containers strip before mapping but naive filters keep (or the
 * other way round), so that the filter and the container disagree about the path.
 */
@ExtendWith(Targets.class)
class PathParameterBypassIT {

    @ParameterizedTest
    @ValueSource(strings = {"/admin;x=y/panel", "/admin;/panel", "/public;/../admin/panel", "/public/x;/../../admin/panel",
            "/admin/panel;jsessionid=ABC", "/admin%3Bx/panel", "/admin%3bx/panel", "/public/hello;.css",
            "/reports;/q1"})
    void semicolonsAreRefusedNotStripped(String target) {
        Targets.assertRefused(Targets.Expect.FIREWALL, "GET", target);
    }

    @Test
    void theSamePathWithoutParametersIsJudgedOnItsOwnMerit() {
        Targets.assertAllowed("GET", "/public/hello");
    }
}
