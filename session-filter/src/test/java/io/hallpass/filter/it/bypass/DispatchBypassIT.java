package io.hallpass.filter.it.bypass;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Forward, include and async dispatch: a public servlet that dispatches to a path named in the request is a
 * confused deputy; the filter checks the dispatch target against the rules with the request's session.
 */
@ExtendWith(Targets.class)
class DispatchBypassIT {

    @ParameterizedTest
    @ValueSource(strings = {"/public/forward?to=/admin/panel", "/public/forward?to=/reports/q1",
            "/public/forward?to=/public/../admin/panel", "/public/forward?to=/admin/./panel"})
    void aForwardToAProtectedPathIsRefused(String target) {
        Targets.assertRefused(Targets.Expect.PROTECTED, "GET", target);
    }

    @ParameterizedTest
    @ValueSource(strings = {"/public/async?to=/admin/panel", "/public/async?wrapped=1&to=/admin/panel",
            "/public/async?to=/reports/q1", "/public/async?to=/public/../admin/panel"})
    void anAsyncDispatchToAProtectedPathIsRefused(String target) {
        Targets.assertRefused(Targets.Expect.PROTECTED, "GET", target);
    }

    @Test
    void anAsyncDispatchToAPublicPathWorks() {
        Targets.assertAllowed("GET", "/public/async?to=/public/hello");
    }

    @Test
    void anIncludeOfAProtectedPathIsLeftOutAndNoProtectedServletRuns() {
        Targets.assertIncludeOmitted("/public/include?to=/admin/panel");
        Targets.assertIncludeOmitted("/public/include?to=/reports/q1");
    }

    @Test
    void aForwardToAPublicPathWorks() {
        Targets.assertAllowed("GET", "/public/forward?to=/public/hello");
    }
}
