package io.hallpass.filter.policy;

import static io.hallpass.filter.policy.PolicyFixtures.compile;
import static io.hallpass.filter.policy.PolicyFixtures.error;
import static io.hallpass.filter.policy.PolicyFixtures.roles;
import static io.hallpass.filter.policy.PolicyFixtures.servlet;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.hallpass.filter.annotation.Authenticated;
import io.hallpass.filter.annotation.Public;
import io.hallpass.filter.annotation.RequireRole;
import io.hallpass.filter.annotation.Sensitive;
import jakarta.servlet.GenericServlet;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class PolicyAnnotationsTest {

    // ---------------------------------------------------------------------------------------------
    // fixture servlets

    @RequireRole({"reporting", "admin"})
    static class ReportsServlet extends HttpServlet {
        private static final long serialVersionUID = 1L;
    }

    static class PayoutServlet extends HttpServlet {
        private static final long serialVersionUID = 1L;

        @Override
        protected void doGet(HttpServletRequest req, HttpServletResponse resp) {
        }

        @RequireRole("customer")
        @Sensitive(reauthWithin = "2m", idleWithin = "5m")
        @Override
        protected void doPost(HttpServletRequest req, HttpServletResponse resp) {
        }
    }

    @Authenticated
    static class AccountServlet extends HttpServlet {
        private static final long serialVersionUID = 1L;

        @Public
        @Override
        protected void doGet(HttpServletRequest req, HttpServletResponse resp) {
        }

        @Sensitive
        @Override
        protected void doDelete(HttpServletRequest req, HttpServletResponse resp) {
        }
    }

    @Authenticated
    static class OwnHeadServlet extends HttpServlet {
        private static final long serialVersionUID = 1L;

        @Sensitive(reauthWithin = "1m")
        @Override
        protected void doGet(HttpServletRequest req, HttpServletResponse resp) {
        }

        @RequireRole("monitor")
        @Override
        protected void doHead(HttpServletRequest req, HttpServletResponse resp) {
        }
    }

    @RequireRole("admin")
    static class BaseAdminServlet extends HttpServlet {
        private static final long serialVersionUID = 1L;

        @Sensitive(reauthWithin = "30s")
        @Override
        protected void doDelete(HttpServletRequest req, HttpServletResponse resp) {
        }
    }

    /** Overrides doDelete without repeating the annotation, and adds nothing at class level. */
    static class ChildAdminServlet extends BaseAdminServlet {
        private static final long serialVersionUID = 1L;

        @Override
        public void doDelete(HttpServletRequest req, HttpServletResponse resp) {
        }
    }

    /** Opens GET explicitly; keeps everything else of its parent. */
    static class ChildOpensGetServlet extends BaseAdminServlet {
        private static final long serialVersionUID = 1L;

        @Public
        @Override
        protected void doGet(HttpServletRequest req, HttpServletResponse resp) {
        }
    }

    /** A class-level annotation on the child replaces the parent's of the same kind. */
    @RequireRole("support")
    static class ChildOwnClassRoleServlet extends BaseAdminServlet {
        private static final long serialVersionUID = 1L;
    }

    @Sensitive
    static class OnlySensitiveServlet extends HttpServlet {
        private static final long serialVersionUID = 1L;
    }

    static class OnlyPostServlet extends HttpServlet {
        private static final long serialVersionUID = 1L;

        @Authenticated
        @Override
        protected void doPost(HttpServletRequest req, HttpServletResponse resp) {
        }
    }

    static class PlainServlet extends HttpServlet {
        private static final long serialVersionUID = 1L;
    }

    @RequireRole("ops")
    static class GenericOpsServlet extends GenericServlet {
        private static final long serialVersionUID = 1L;

        @Override
        public void service(ServletRequest req, ServletResponse res) {
        }
    }

    @Public
    static class PublicServlet extends HttpServlet {
        private static final long serialVersionUID = 1L;
    }

    // invalid ones

    @RequireRole({})
    static class EmptyRolesServlet extends HttpServlet {
        private static final long serialVersionUID = 1L;
    }

    static class BadRoleOnMethodServlet extends HttpServlet {
        private static final long serialVersionUID = 1L;

        @RequireRole("bad role")
        @Override
        protected void doGet(HttpServletRequest req, HttpServletResponse resp) {
        }
    }

    static class BadDurationServlet extends HttpServlet {
        private static final long serialVersionUID = 1L;

        @Sensitive(reauthWithin = "soon")
        @Override
        protected void doPost(HttpServletRequest req, HttpServletResponse resp) {
        }
    }

    static class BadIdleServlet extends HttpServlet {
        private static final long serialVersionUID = 1L;

        @Sensitive(idleWithin = "0m")
        @Override
        protected void doPost(HttpServletRequest req, HttpServletResponse resp) {
        }
    }

    @Public
    @Authenticated
    static class TwoAccessKindsServlet extends HttpServlet {
        private static final long serialVersionUID = 1L;
    }

    static class TwoAccessKindsOnMethodServlet extends HttpServlet {
        private static final long serialVersionUID = 1L;

        @Authenticated
        @RequireRole("admin")
        @Override
        protected void doPut(HttpServletRequest req, HttpServletResponse resp) {
        }
    }

    static class AnnotatedServiceServlet extends HttpServlet {
        private static final long serialVersionUID = 1L;

        @RequireRole("admin")
        @Override
        protected void service(HttpServletRequest req, HttpServletResponse resp) {
        }
    }

    static class AnnotatedTraceServlet extends HttpServlet {
        private static final long serialVersionUID = 1L;

        @Public
        @Override
        protected void doTrace(HttpServletRequest req, HttpServletResponse resp) {
        }
    }

    static class OverloadedDoGetServlet extends HttpServlet {
        private static final long serialVersionUID = 1L;

        @Authenticated
        void doGet(String notARequest) {
        }
    }

    /** An invalid class-level annotation is an error even where every method overrides it. */
    @RequireRole("no spaces allowed")
    static class ShadowedInvalidServlet extends HttpServlet {
        private static final long serialVersionUID = 1L;

        @Public
        @Override
        protected void doGet(HttpServletRequest req, HttpServletResponse resp) {
        }
    }

    // HEAD looser than GET

    @Authenticated
    static class PublicHeadServlet extends HttpServlet {
        private static final long serialVersionUID = 1L;

        @RequireRole("admin")
        @Override
        protected void doGet(HttpServletRequest req, HttpServletResponse resp) {
        }

        @Public
        @Override
        protected void doHead(HttpServletRequest req, HttpServletResponse resp) {
        }
    }

    static class LongerHeadWindowServlet extends HttpServlet {
        private static final long serialVersionUID = 1L;

        @Authenticated
        @Sensitive(reauthWithin = "1m")
        @Override
        protected void doGet(HttpServletRequest req, HttpServletResponse resp) {
        }

        @Sensitive(reauthWithin = "10m")
        @Override
        protected void doHead(HttpServletRequest req, HttpServletResponse resp) {
        }
    }

    /** Only doHead is annotated: GET is unmatched, so denied wherever no rule applies, and HEAD would not be. */
    static class OnlyHeadServlet extends HttpServlet {
        private static final long serialVersionUID = 1L;

        @Override
        protected void doGet(HttpServletRequest req, HttpServletResponse resp) {
        }

        @Authenticated
        @Override
        protected void doHead(HttpServletRequest req, HttpServletResponse resp) {
        }
    }

    // ---------------------------------------------------------------------------------------------
    // class and method level

    @ParameterizedTest(name = "[{index}] {0}")
    @ValueSource(strings = {"GET", "HEAD", "POST", "PUT", "PATCH", "DELETE", "OPTIONS"})
    void lookupWhenClassIsAnnotatedThenEveryMethodGetsIt(String method) throws PolicyException {
        Policy policy = compile("", servlet("reports", ReportsServlet.class, "/reports/*"));
        Permission p = policy.lookup(method, "/reports/q1", "reports");
        assertEquals(roles("reporting", "admin"), p.requirement());
        assertEquals("@RequireRole on ReportsServlet", p.source());
        assertTrue(p.methodAllowed());
    }

    @Test
    void lookupWhenMethodIsAnnotatedThenItReplacesTheClassAnnotationOfThatKindOnly() throws PolicyException {
        Policy policy = compile("", servlet("account", AccountServlet.class, "/account"));
        assertEquals(Requirement.PUBLIC, policy.lookup("GET", "/account", "account").requirement());
        assertEquals(Requirement.AUTHENTICATED, policy.lookup("POST", "/account", "account").requirement());
        Permission delete = policy.lookup("DELETE", "/account", "account");
        assertEquals(Requirement.AUTHENTICATED, delete.requirement());
        assertEquals(PolicySettings.DEFAULT_REAUTH_WINDOW, delete.reauthWithin());
        assertEquals("@Authenticated on AccountServlet + @Sensitive on AccountServlet.doDelete", delete.source());
    }

    @Test
    void lookupWhenMethodHasRoleAndSensitiveThenBothApplyToThatMethod() throws PolicyException {
        Policy policy = compile("", servlet("payout", PayoutServlet.class, "/account/payout"));
        Permission post = policy.lookup("POST", "/account/payout", "payout");
        assertEquals(roles("customer"), post.requirement());
        assertEquals(Duration.ofMinutes(2), post.reauthWithin());
        assertEquals(Duration.ofMinutes(5), post.idleWithin());
        assertEquals("@RequireRole on PayoutServlet.doPost + @Sensitive on PayoutServlet.doPost", post.source());
    }

    @Test
    void lookupWhenNoAnnotationAppliesToTheMethodThenItIsUnmatched() throws PolicyException {
        Policy policy = compile("", servlet("payout", PayoutServlet.class, "/account/payout"));
        Permission get = policy.lookup("GET", "/account/payout", "payout");
        assertEquals("unmatched", get.source());
        assertEquals(Requirement.DENY, get.requirement());
    }

    @Test
    void lookupWhenDoHeadHasNoAnnotationsThenItFallsBackToDoGet() throws PolicyException {
        Policy policy = compile("", servlet("account", AccountServlet.class, "/account"));
        assertEquals(Requirement.PUBLIC, policy.lookup("HEAD", "/account", "account").requirement());
        Policy payout = compile("", servlet("payout", OnlyPostServlet.class, "/p"));
        assertEquals("unmatched", payout.lookup("HEAD", "/p", "payout").source());
    }

    @Test
    void lookupWhenDoHeadHasItsOwnAccessAnnotationThenItReplacesDoGetsButKeepsDoGetsSensitive()
            throws PolicyException {
        Policy policy = compile("", servlet("own", OwnHeadServlet.class, "/own"));
        Permission head = policy.lookup("HEAD", "/own", "own");
        assertEquals(roles("monitor"), head.requirement());
        assertEquals(Duration.ofMinutes(1), head.reauthWithin());
        Permission get = policy.lookup("GET", "/own", "own");
        assertEquals(Requirement.AUTHENTICATED, get.requirement());
        assertEquals(Duration.ofMinutes(1), get.reauthWithin());
        assertEquals(Requirement.AUTHENTICATED, policy.lookup("POST", "/own", "own").requirement());
        assertNull(policy.lookup("POST", "/own", "own").reauthWithin());
    }

    @Test
    void lookupWhenOnlySensitiveIsPresentThenASignedInUserIsRequired() throws PolicyException {
        Policy policy = compile("", servlet("s", OnlySensitiveServlet.class, "/s"));
        Permission p = policy.lookup("GET", "/s", "s");
        assertEquals(Requirement.AUTHENTICATED, p.requirement());
        assertEquals(PolicySettings.DEFAULT_REAUTH_WINDOW, p.reauthWithin());
        assertNull(p.idleWithin());
    }

    @Test
    void lookupWhenServletIsAGenericServletThenClassAnnotationStillApplies() throws PolicyException {
        Policy policy = compile("", servlet("ops", GenericOpsServlet.class, "/ops/*"));
        assertEquals(roles("ops"), policy.lookup("PUT", "/ops/x", "ops").requirement());
    }

    @Test
    void lookupWhenServletHasNoAnnotationsThenUnmatched() throws PolicyException {
        Policy policy = compile("", servlet("plain", PlainServlet.class, "/plain"),
                new ServletInfo("unknown", null, List.of("/unknown")));
        assertEquals("unmatched", policy.lookup("GET", "/plain", "plain").source());
        assertEquals("unmatched", policy.lookup("GET", "/unknown", "unknown").source());
    }

    @Test
    void lookupWhenRequestWentToAnotherServletThenItsAnnotationsDoNotApply() throws PolicyException {
        Policy policy = compile("", servlet("reports", ReportsServlet.class, "/reports/*"));
        assertEquals("unmatched", policy.lookup("GET", "/reports/q1", null).source());
        assertEquals("unmatched", policy.lookup("GET", "/reports/q1", "other").source());
    }

    // ---------------------------------------------------------------------------------------------
    // inheritance

    @Test
    void lookupWhenSubclassOverridesWithoutAnnotationThenTheAncestorsMethodAnnotationIsKept()
            throws PolicyException {
        Policy policy = compile("", servlet("child", ChildAdminServlet.class, "/c"));
        Permission delete = policy.lookup("DELETE", "/c", "child");
        assertEquals(roles("admin"), delete.requirement());
        assertEquals(Duration.ofSeconds(30), delete.reauthWithin());
        assertEquals("@RequireRole on BaseAdminServlet + @Sensitive on BaseAdminServlet.doDelete", delete.source());
        assertEquals(roles("admin"), policy.lookup("GET", "/c", "child").requirement());
    }

    @Test
    void lookupWhenSubclassAnnotatesAnOverrideThenItReplacesTheInheritedOne() throws PolicyException {
        Policy policy = compile("", servlet("child", ChildOpensGetServlet.class, "/c"));
        assertEquals(Requirement.PUBLIC, policy.lookup("GET", "/c", "child").requirement());
        assertEquals(Requirement.PUBLIC, policy.lookup("HEAD", "/c", "child").requirement());
        assertEquals(roles("admin"), policy.lookup("POST", "/c", "child").requirement());
    }

    @Test
    void lookupWhenSubclassHasItsOwnClassAnnotationThenItReplacesTheParentsOfThatKind() throws PolicyException {
        Policy policy = compile("", servlet("child", ChildOwnClassRoleServlet.class, "/c"));
        assertEquals(roles("support"), policy.lookup("GET", "/c", "child").requirement());
        Permission delete = policy.lookup("DELETE", "/c", "child");
        assertEquals(roles("support"), delete.requirement());
        assertEquals(Duration.ofSeconds(30), delete.reauthWithin());
    }

    // ---------------------------------------------------------------------------------------------
    // combined with rules: both must pass

    @Test
    void lookupWhenRuleAndAnnotationBothApplyThenRequirementsAreConjoined() throws PolicyException {
        Policy policy = compile("/reports/* = role:eu", servlet("reports", ReportsServlet.class, "/reports/*"));
        Permission p = policy.lookup("GET", "/reports/q1", "reports");
        assertEquals(new Requirement.Roles(List.of(Set.of("eu"), Set.of("reporting", "admin"))), p.requirement());
        assertEquals("rule line 1 + @RequireRole on ReportsServlet", p.source());
    }

    @Test
    void lookupWhenRuleIsAuthenticatedAndAnnotationNamesRolesThenRolesRemain() throws PolicyException {
        Policy policy = compile("/reports/* = authenticated", servlet("reports", ReportsServlet.class, "/reports/*"));
        assertEquals(roles("reporting", "admin"), policy.lookup("GET", "/reports/q1", "reports").requirement());
    }

    @Test
    void lookupWhenRuleIsPublicAndAnnotationNamesRolesThenRolesRemain() throws PolicyException {
        Policy policy = compile("/reports/* = public", servlet("reports", ReportsServlet.class, "/reports/*"));
        assertEquals(roles("reporting", "admin"), policy.lookup("GET", "/reports/q1", "reports").requirement());
    }

    @Test
    void lookupWhenAnnotationIsPublicAndRuleNamesARoleThenTheRoleRemains() throws PolicyException {
        Policy policy = compile("/open = role:staff", servlet("open", PublicServlet.class, "/open"));
        assertEquals(roles("staff"), policy.lookup("GET", "/open", "open").requirement());
    }

    @Test
    void lookupWhenRuleDeniesThenAnAnnotationCannotOpenIt() throws PolicyException {
        Policy policy = compile("/open = deny", servlet("open", PublicServlet.class, "/open"));
        Permission p = policy.lookup("GET", "/open", "open");
        assertEquals(Requirement.DENY, p.requirement());
        assertEquals("rule line 1 + @Public on PublicServlet", p.source());
    }

    @Test
    void lookupWhenRuleAndAnnotationBothHaveWindowsThenTheShorterOfEachIsKept() throws PolicyException {
        Policy policy = compile("POST /account/payout = role:customer, reauth:10m, idle:1m",
                servlet("payout", PayoutServlet.class, "/account/payout"));
        Permission p = policy.lookup("POST", "/account/payout", "payout");
        assertEquals(Duration.ofMinutes(2), p.reauthWithin());
        assertEquals(Duration.ofMinutes(1), p.idleWithin());
        assertEquals(new Requirement.Roles(List.of(Set.of("customer"))), p.requirement());
        assertEquals("rule line 1 + @RequireRole on PayoutServlet.doPost + @Sensitive on PayoutServlet.doPost",
                p.source());
    }

    @Test
    void lookupWhenRuleDoesNotNameTheMethodThenMethodNotAllowedEvenIfAnnotated() throws PolicyException {
        Policy policy = compile("GET /account/payout = authenticated",
                servlet("payout", PayoutServlet.class, "/account/payout"));
        Permission post = policy.lookup("POST", "/account/payout", "payout");
        assertFalse(post.methodAllowed());
        assertEquals(Set.of("GET", "HEAD"), post.allowedMethods());
    }

    @Test
    void lookupWhenRuleAppliesButTheMethodHasNoAnnotationThenTheRuleAlone() throws PolicyException {
        Policy policy = compile("/account/payout = authenticated",
                servlet("payout", PayoutServlet.class, "/account/payout"));
        Permission get = policy.lookup("GET", "/account/payout", "payout");
        assertEquals(Requirement.AUTHENTICATED, get.requirement());
        assertEquals("rule line 1", get.source());
    }

    // ---------------------------------------------------------------------------------------------
    // invalid annotations

    @Test
    void compileWhenRequireRoleIsEmptyThenErrorNamesTheClass() {
        PolicyException e = error(EmptyRolesServlet.class);
        assertEquals("@RequireRole on " + EmptyRolesServlet.class.getName()
                + ": names no role: use @Authenticated for any signed-in user", e.getMessage());
    }

    @Test
    void compileWhenARoleNameIsInvalidThenErrorNamesClassAndMethod() {
        PolicyException e = error(BadRoleOnMethodServlet.class);
        assertTrue(e.getMessage().startsWith("@RequireRole on " + BadRoleOnMethodServlet.class.getName()
                + ".doGet: invalid role name \"bad role\""), e.getMessage());
    }

    @Test
    void compileWhenReauthWithinIsNotADurationThenErrorNamesClassMethodAndElement() {
        PolicyException e = error(BadDurationServlet.class);
        assertTrue(e.getMessage().startsWith("@Sensitive on " + BadDurationServlet.class.getName()
                + ".doPost: reauthWithin: \"soon\" is not a duration"), e.getMessage());
    }

    @Test
    void compileWhenIdleWithinIsZeroThenError() {
        PolicyException e = error(BadIdleServlet.class);
        assertTrue(e.getMessage().contains(".doPost: idleWithin: duration \"0m\" must be positive"), e.getMessage());
    }

    @Test
    void compileWhenTwoAccessAnnotationsAreOnOneClassThenError() {
        PolicyException e = error(TwoAccessKindsServlet.class);
        assertTrue(e.getMessage().startsWith(TwoAccessKindsServlet.class.getName()
                + ": @Public and @Authenticated cannot both be on one element"), e.getMessage());
    }

    @Test
    void compileWhenTwoAccessAnnotationsAreOnOneMethodThenError() {
        PolicyException e = error(TwoAccessKindsOnMethodServlet.class);
        assertTrue(e.getMessage().startsWith(TwoAccessKindsOnMethodServlet.class.getName()
                + ".doPut: @Authenticated and @RequireRole cannot both be on one element"), e.getMessage());
    }

    @Test
    void compileWhenAnAnnotationIsOnServiceThenErrorBecauseItWouldBeIgnored() {
        PolicyException e = error(AnnotatedServiceServlet.class);
        assertTrue(e.getMessage().startsWith("@RequireRole on " + AnnotatedServiceServlet.class.getName()
                + ".service: would be ignored"), e.getMessage());
    }

    @Test
    void compileWhenAnAnnotationIsOnDoTraceThenErrorBecauseItWouldBeIgnored() {
        assertTrue(error(AnnotatedTraceServlet.class).getMessage().contains(".doTrace: would be ignored"));
    }

    @Test
    void compileWhenAnAnnotationIsOnADoGetWithAnotherSignatureThenError() {
        assertTrue(error(OverloadedDoGetServlet.class).getMessage().contains(".doGet: would be ignored"));
    }

    @Test
    void compileWhenAnInvalidClassAnnotationIsOverriddenEverywhereThenStillAnError() {
        assertTrue(error(ShadowedInvalidServlet.class).getMessage().contains("invalid role name"));
    }

    @Test
    void compileWhenTwoServletsHaveTheSameNameThenError() {
        PolicyException e = assertThrows(PolicyException.class, () -> compile("",
                servlet("x", PlainServlet.class, "/a"), servlet("x", ReportsServlet.class, "/b")));
        assertEquals("servlet \"x\": listed twice", e.getMessage());
    }

    // ---------------------------------------------------------------------------------------------
    // HEAD may not ask less than GET

    @Test
    void compileWhenDoHeadIsPublicWhereDoGetNeedsARoleThenRefusedNamingBoth() {
        PolicyException e = error(PublicHeadServlet.class);
        assertEquals("@Public on " + PublicHeadServlet.class.getName() + ".doHead: HEAD would ask for public, less "
                + "than GET, which asks for role:admin (@RequireRole on PublicHeadServlet.doGet): the container "
                + "answers HEAD with GET's status and headers, so HEAD must ask at least as much as GET; annotate "
                + "doHead at least as strictly", e.getMessage());
    }

    @Test
    void compileWhenDoHeadHasALongerReauthWindowThenRefusedNamingItsSensitive() {
        PolicyException e = error(LongerHeadWindowServlet.class);
        assertTrue(e.getMessage().startsWith("@Sensitive on " + LongerHeadWindowServlet.class.getName()
                + ".doHead: HEAD would ask for authenticated, reauth:10m, less than GET, which asks for "
                + "authenticated, reauth:1m"), e.getMessage());
    }

    @Test
    void compileWhenOnlyDoHeadIsAnnotatedAndUnmatchedIsDeniedThenRefused() {
        PolicyException e = error(OnlyHeadServlet.class);
        assertTrue(e.getMessage().contains("less than GET, which no annotation covers, so it is denied wherever no "
                + "rule applies"), e.getMessage());
        assertTrue(e.getMessage().endsWith(", and doGet or the class too"), e.getMessage());
    }

    @Test
    void compileWhenOnlyDoHeadIsAnnotatedAndUnmatchedIsPublicThenHeadIsStricterAndAccepted() throws PolicyException {
        Policy policy = Policy.compile(RuleSource.none(), List.of(servlet("h", OnlyHeadServlet.class, "/h")),
                new PolicySettings(false, Duration.ofMinutes(5)));
        assertEquals(Requirement.AUTHENTICATED, policy.lookup("HEAD", "/h", "h").requirement());
        assertEquals(Requirement.PUBLIC, policy.lookup("GET", "/h", "h").requirement());
    }

    // ---------------------------------------------------------------------------------------------
    // report

    @Test
    void describeWhenServletsAreAnnotatedThenEachMethodsPermissionIsListed() throws PolicyException {
        Policy policy = compile("/account/* = authenticated",
                servlet("reports", ReportsServlet.class, "/reports/*"),
                servlet("payout", PayoutServlet.class, "/account/payout"));
        List<String> report = policy.describe();
        assertTrue(report.get(0).contains("2 annotated servlets"), report.get(0));
        assertTrue(report.contains("servlet \"reports\" (" + ReportsServlet.class.getName()
                + ") mapped to \"/reports/*\""), report.toString());
        assertTrue(report.contains("  annotations: GET, HEAD, POST, PUT, PATCH, DELETE, OPTIONS: "
                + "role:reporting | role:admin (@RequireRole on ReportsServlet)"), report.toString());
        assertTrue(report.contains("  annotations: POST: role:customer, reauth:2m, idle:5m "
                + "(@RequireRole on PayoutServlet.doPost + @Sensitive on PayoutServlet.doPost)"), report.toString());
        assertTrue(report.contains("  annotations: GET, HEAD, PUT, PATCH, DELETE, OPTIONS: none"), report.toString());
        // the rule /account/* lets a signed-in user PUT, PATCH and DELETE to the payout servlet without a password
        assertTrue(report.contains("gap: PUT, PATCH, DELETE \"/account/*\" (servlet \"payout\") looks sensitive "
                + "(\"payout\") but asks for no recent password: add reauth to its rule or @Sensitive to the servlet"),
                report.toString());
    }

    @Test
    void describeWhenAMappingIsCoveredByNothingThenItIsReportedAsADeniedGap() throws PolicyException {
        Policy policy = compile("/admin/* = role:admin\n/static/app.js = public",
                servlet("plain", PlainServlet.class, "/plain/*", "/admin/tools", "*.jsp", "/"),
                servlet("payout", PayoutServlet.class, "/payout"));
        List<String> report = policy.describe();
        assertTrue(report.contains("gap: servlet \"plain\" mapping \"/plain/*\": no rule or annotation covers it, "
                + "so it is denied"), report.toString());
        assertFalse(report.stream().anyMatch(l -> l.contains("\"/admin/tools\"") && l.startsWith("gap")),
                report.toString());
        assertTrue(report.contains("gap: servlet \"plain\" mapping \"*.jsp\": only partly covered by rules; "
                + "the paths they do not match are denied"), report.toString());
        assertTrue(report.contains("gap: servlet \"plain\" mapping \"/\": only partly covered by rules; "
                + "the paths they do not match are denied"), report.toString());
        assertTrue(report.contains("gap: servlet \"payout\" mapping \"/payout\" (GET, HEAD, PUT, PATCH, DELETE, "
                + "OPTIONS): no rule or annotation covers it, so it is denied"), report.toString());
    }

    @Test
    void describeWhenUnmatchedIsPublicThenGapsSayPublic() throws PolicyException {
        Policy policy = Policy.compile(new RuleSource("r", ""), List.of(servlet("plain", PlainServlet.class, "/p")),
                new PolicySettings(false, Duration.ofMinutes(5)));
        assertTrue(policy.describe().contains("gap: servlet \"plain\" mapping \"/p\": no rule or annotation covers "
                + "it, so it is PUBLIC"), policy.describe().toString());
    }

    @Test
    void describeWhenADefaultRuleExistsThenNothingIsAGap() throws PolicyException {
        Policy policy = compile("/ = deny", servlet("plain", PlainServlet.class, "/plain/*", "*.jsp", "", "/"));
        assertTrue(policy.describe().get(policy.describe().size() - 1).startsWith("no gaps: "),
                policy.describe().toString());
        assertEquals(List.of(), policy.report().gaps());
    }
}
