package io.hallpass.filter.it.bypass;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Method tricks: methods no rule names, lowercase and non-standard methods, and override headers that some
 * frameworks honour after the security check has passed.
 */
@ExtendWith(Targets.class)
class MethodBypassIT {

    @ParameterizedTest
    @ValueSource(strings = {"HEAD", "POST", "PUT", "DELETE", "PATCH", "OPTIONS", "TRACE", "PROPFIND", "get", "Get",
            "FOO", "CONNECT"})
    void everyMethodOnAProtectedPathIsRefused(String method) {
        Targets.assertRefused(method, "/admin/panel");
    }

    @ParameterizedTest
    @ValueSource(strings = {"PUT", "DELETE", "PATCH", "TRACE", "get"})
    void methodsAPublicRuleDoesNotNameAreRefused(String method) {
        Targets.assertRefused(method, "/public/hello");
    }

    @Test
    void anOverrideHeaderDoesNotChangeTheMethodTheFilterJudges() {
        // POST is not named on /public/*: the X-HTTP-Method-Override header must not turn it into an allowed GET
        Targets.assertRefused("POST", "/public/hello", "X-HTTP-Method-Override", "GET");
        Targets.assertRefused("POST", "/admin/panel", "X-HTTP-Method-Override", "GET");
        Targets.assertAllowed("GET", "/public/hello");
        Targets.assertAllowed("HEAD", "/public/hello");
    }
}
