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
    @ValueSource(strings = {"HEAD", "POST"})
    void theMethodsAProtectedRuleNamesStillNeedTheRole(String method) {
        Targets.assertRefused(Targets.Expect.PROTECTED, method, "/admin/panel");
    }

    @ParameterizedTest
    @ValueSource(strings = {"PUT", "DELETE", "PATCH", "OPTIONS"})
    void standardMethodsAProtectedRuleDoesNotNameAre405(String method) {
        Targets.assertRefused(Targets.Expect.METHOD, method, "/admin/panel");
    }

    @ParameterizedTest
    @ValueSource(strings = {"PROPFIND", "get", "Get", "FOO"})
    void unknownAndLowercaseMethodsAreRefusedByTheFirewall(String method) {
        Targets.assertRefused(Targets.Expect.FIREWALL, method, "/admin/panel");
        Targets.assertRefused(Targets.Expect.FIREWALL, method, "/public/hello");
    }

    /** Tomcat refuses TRACE itself (405) before any filter runs; on Jetty the firewall refuses it (400). */
    @ParameterizedTest
    @ValueSource(strings = {"/admin/panel", "/public/hello"})
    void traceIsRefusedByTheContainerOrTheFirewall(String target) {
        Targets.assertRefused(Targets.Expect.byContainer(405, 400), "TRACE", target);
    }

    /** CONNECT never reaches a filter: Tomcat answers 501, Jetty 400. */
    @Test
    void connectIsRefusedByTheContainer() {
        Targets.assertRefused(Targets.Expect.byContainer(501, 400), "CONNECT", "/admin/panel");
    }

    @ParameterizedTest
    @ValueSource(strings = {"PUT", "DELETE", "PATCH"})
    void methodsAPublicRuleDoesNotNameAre405(String method) {
        Targets.assertRefused(Targets.Expect.METHOD, method, "/public/hello");
    }

    @Test
    void anOverrideHeaderDoesNotChangeTheMethodTheFilterJudges() {
        // POST is not named on /public/*: the X-HTTP-Method-Override header must not turn it into an allowed GET
        Targets.assertRefused(Targets.Expect.METHOD, "POST", "/public/hello", "X-HTTP-Method-Override", "GET");
        Targets.assertRefused(Targets.Expect.PROTECTED, "POST", "/admin/panel", "X-HTTP-Method-Override", "GET");
        Targets.assertAllowed("GET", "/public/hello");
        Targets.assertAllowed("HEAD", "/public/hello");
    }
}
