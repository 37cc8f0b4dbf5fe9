package io.hallpass.filter.policy;

import static io.hallpass.filter.policy.PolicyFixtures.servlet;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.hallpass.filter.annotation.Public;
import io.hallpass.filter.annotation.RequireRole;
import io.hallpass.filter.annotation.Sensitive;
import io.hallpass.filter.policy.PolicyReport.Access;
import io.hallpass.filter.policy.PolicyReport.Area;
import io.hallpass.filter.policy.PolicyReport.Gap;
import io.hallpass.filter.policy.PolicyReport.Mapping;
import io.hallpass.filter.policy.PolicyReport.Origin;
import jakarta.annotation.security.RolesAllowed;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.time.Duration;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The effective-policy report as data: each mapping's effect per method with its origins, and each gap kind. */
class PolicyReportTest {

    // ---------------------------------------------------------------------------------------------
    // fixture servlets

    static class PlainServlet extends HttpServlet {
        private static final long serialVersionUID = 1L;
    }

    @RequireRole("admin")
    static class AdminServlet extends HttpServlet {
        private static final long serialVersionUID = 1L;
    }

    @Public
    static class HelpServlet extends HttpServlet {
        private static final long serialVersionUID = 1L;
    }

    @RequireRole("customer")
    static class PayoutServlet extends HttpServlet {
        private static final long serialVersionUID = 1L;

        @Sensitive(reauthWithin = "2m")
        @Override
        protected void doPost(HttpServletRequest req, HttpServletResponse resp) {
        }
    }

    static class ExportServlet extends HttpServlet {
        private static final long serialVersionUID = 1L;

        @Sensitive
        @Override
        protected void doGet(HttpServletRequest req, HttpServletResponse resp) {
        }
    }

    @RolesAllowed("auditor")
    static class AuditServlet extends HttpServlet {
        private static final long serialVersionUID = 1L;
    }

    /** Stands for the containers' own: the report recognises them by class name. */
    static class DefaultServlet extends HttpServlet {
        private static final long serialVersionUID = 1L;
    }

    // ---------------------------------------------------------------------------------------------

    private static PolicyReport report(String rules, ServletInfo... servlets) throws PolicyException {
        return report(rules, null, servlets);
    }

    private static PolicyReport report(String rules, Collection<String> files, ServletInfo... servlets)
            throws PolicyException {
        return Policy.compile(new RuleSource(PolicyFixtures.ORIGIN, rules), List.of(servlets), files,
                PolicySettings.defaults())
                .report();
    }

    private static <T extends Gap> List<T> gaps(PolicyReport report, Class<T> kind) {
        return report.gaps().stream().filter(kind::isInstance).map(kind::cast).toList();
    }

    private static Mapping mapping(PolicyReport report, String servlet, String pattern) {
        return report.mappings().stream().filter(m -> m.servlet().equals(servlet) && m.urlPattern().equals(pattern))
                .findFirst().orElseThrow(() -> new AssertionError(servlet + " " + pattern + " in " + report.mappings()));
    }

    private static Access access(Area area, String method) {
        return area.access().stream().filter(a -> a.method().equals(method)).findFirst().orElseThrow();
    }

    // ---------------------------------------------------------------------------------------------
    // what each mapping gets, and from where

    @Test
    void reportWhenRuleAndAnnotationsBothApplyThenEachPartIsTracedToItsLineOrAnnotation() throws PolicyException {
        PolicyReport report = report("/account/* = authenticated\nPOST /account/payout = role:customer, idle:5m",
                servlet("payout", PayoutServlet.class, "/account/payout"));
        Mapping payout = mapping(report, "payout", "/account/payout");
        assertEquals(PayoutServlet.class.getName(), payout.servletClass());
        assertEquals(1, payout.areas().size());
        Area area = payout.areas().get(0);
        assertEquals("/account/payout", area.rulePattern());

        Access post = access(area, "POST");
        assertEquals(new Requirement.Roles(List.of(Set.of("customer"))), post.permission().requirement());
        assertEquals(List.of(new Origin.FromRule(2, "POST /account/payout = role:customer, idle:5m"),
                new Origin.FromAnnotation("@RequireRole", PayoutServlet.class.getName(), null)), post.requirementFrom());
        assertEquals(Duration.ofMinutes(2), post.permission().reauthWithin());
        assertEquals(new Origin.FromAnnotation("@Sensitive", PayoutServlet.class.getName(), "doPost"), post.reauthFrom());
        assertEquals(Duration.ofMinutes(5), post.permission().idleWithin());
        assertEquals(new Origin.FromRule(2, "POST /account/payout = role:customer, idle:5m"), post.idleFrom());
        assertEquals("@Sensitive on PayoutServlet.doPost", post.reauthFrom().toString());

        Access get = access(area, "GET");
        assertFalse(get.permission().methodAllowed(), "no rule of /account/payout names GET: 405");
        assertEquals(Set.of("POST"), get.permission().allowedMethods());
        assertEquals("405 (allowed: POST)", get.summary());
    }

    @Test
    void reportWhenAMappingSpansSeveralRulePatternsThenEachIsAnAreaWithTheUncoveredRestLast() throws PolicyException {
        PolicyReport report = report("GET /api/* = authenticated\nGET /api/status = public",
                servlet("api", PlainServlet.class, "/api/*"), servlet("echo", PlainServlet.class, "/"));
        Mapping api = mapping(report, "api", "/api/*");
        assertEquals(List.of("/api/*", "/api/status"), api.areas().stream().map(Area::rulePattern).toList());
        assertEquals(Requirement.PUBLIC, access(api.areas().get(1), "GET").permission().requirement());

        Mapping echo = mapping(report, "echo", "/");
        assertEquals(1, echo.areas().size());
        Area rest = echo.areas().get(0);
        assertNull(rest.rulePattern());
        assertEquals(List.of(new Origin.Unmatched()), access(rest, "GET").requirementFrom());
        assertEquals(Requirement.DENY, access(rest, "GET").permission().requirement());
        assertEquals(1, rest.grouped().size(), "every method gets the same: one group");
        assertEquals(7, rest.grouped().get(0).size());
    }

    @Test
    void reportAnswersWhatLookupAnswers() throws PolicyException {
        Policy policy = Policy.compile(new RuleSource("r", "/admin/* = role:admin, reauth:1m\nGET /x = public"),
                List.of(servlet("admin", AdminServlet.class, "/admin/*"), servlet("x", HelpServlet.class, "/x")),
                PolicySettings.defaults());
        for (Mapping m : policy.report().mappings()) {
            String path = m.urlPattern().endsWith("/*") ? m.urlPattern().replace("*", "y") : m.urlPattern();
            for (Access a : m.areas().get(0).access()) {
                assertEquals(policy.lookup(a.method(), path, m.servlet()), a.permission(), m + " " + a.method());
            }
        }
    }

    @Test
    void reportListsEveryRuleWithTheMethodsItReallyCovers() throws PolicyException {
        PolicyReport report = report("GET,POST /a = role:x\nDELETE /a = role:admin, reauth:1m");
        assertEquals("test rules", report.rulesOrigin());
        assertEquals(List.of("GET", "HEAD", "POST"), report.rules().get(0).methods());
        assertEquals(List.of("DELETE"), report.rules().get(1).methods());
        assertEquals(Duration.ofMinutes(1), report.rules().get(1).reauthWithin());
        assertEquals("/a", report.rules().get(1).pattern());
    }

    // ---------------------------------------------------------------------------------------------
    // (a) uncovered

    @Test
    void gapWhenAMappingIsCoveredByNothingThenUncoveredEntirely() throws PolicyException {
        PolicyReport report = report("/a/* = authenticated", servlet("forgotten", PlainServlet.class, "/forgotten"),
                servlet("a", PlainServlet.class, "/a/*"));
        List<Gap.Uncovered> uncovered = gaps(report, Gap.Uncovered.class);
        assertEquals(List.of(new Gap.Uncovered("forgotten", "/forgotten", Methods.ALL, false, true)), uncovered);
        assertEquals("servlet \"forgotten\" mapping \"/forgotten\": no rule or annotation covers it, so it is denied",
                uncovered.get(0).message());
    }

    @Test
    void gapWhenRulesCoverOnlySomePathsOrAnnotationsOnlySomeMethodsThenUncoveredPartlyOrForThoseMethods()
            throws PolicyException {
        PolicyReport report = report("/legacy/new/* = authenticated",
                servlet("legacy", PlainServlet.class, "/legacy/*"), servlet("payout", PayoutServlet.class, "/payout"));
        assertTrue(gaps(report, Gap.Uncovered.class).contains(
                new Gap.Uncovered("legacy", "/legacy/*", Methods.ALL, true, true)), report.gaps().toString());
        // the payout servlet's class annotation covers every method: no gap
        assertFalse(report.gaps().stream().anyMatch(g -> g instanceof Gap.Uncovered u && u.servlet().equals("payout")));
    }

    // ---------------------------------------------------------------------------------------------
    // (b) public inside a protected prefix

    @Test
    void gapWhenARuleOpensAPathInsideAProtectedPrefixThenPublicInsideProtected() throws PolicyException {
        PolicyReport report = report("/admin/* = role:admin\nGET /admin/help = public",
                servlet("admin", PlainServlet.class, "/admin/*"));
        List<Gap.PublicInsideProtected> found = gaps(report, Gap.PublicInsideProtected.class);
        assertEquals(List.of(new Gap.PublicInsideProtected("admin", "/admin/*", "/admin/help", List.of("GET", "HEAD"),
                "/admin/*", new Requirement.Roles(List.of(Set.of("admin"))))), found);
        assertEquals("GET, HEAD \"/admin/help\" (servlet \"admin\") is public inside \"/admin/*\", which otherwise "
                + "asks for role:admin", found.get(0).message());
    }

    @Test
    void gapWhenAPublicServletIsMappedInsideAProtectedOnesPrefixThenPublicInsideProtected() throws PolicyException {
        PolicyReport report = report("", servlet("admin", AdminServlet.class, "/admin/*"),
                servlet("help", HelpServlet.class, "/admin/help"));
        List<Gap.PublicInsideProtected> found = gaps(report, Gap.PublicInsideProtected.class);
        assertEquals(1, found.size(), report.gaps().toString());
        assertEquals("help", found.get(0).servlet());
        assertNull(found.get(0).rulePattern());
        assertEquals(Methods.ALL, found.get(0).methods());
    }

    @Test
    void gapWhenAPublicPathIsInsideADeniedPrefixThenItIsNamedToo() throws PolicyException {
        PolicyReport report = report("/internal/* = deny\nGET /internal/health = public",
                servlet("internal", PlainServlet.class, "/internal/*"));
        assertTrue(gaps(report, Gap.PublicInsideProtected.class).get(0).message().endsWith("which otherwise is denied"));
    }

    @Test
    void noGapWhenTheOnlyProtectedPrefixIsTheRootOrThePublicPathIsItsOwnPrefix() throws PolicyException {
        PolicyReport signedInSite = report("/* = authenticated\nGET /login = public\nGET /static/* = public",
                servlet("app", PlainServlet.class, "/"));
        assertEquals(List.of(), gaps(signedInSite, Gap.PublicInsideProtected.class));
    }

    // ---------------------------------------------------------------------------------------------
    // (c) sensitive-looking without re-authentication

    @Test
    void gapWhenAPasswordChangeNeedsNoRecentPasswordThenSensitiveWithoutReauth() throws PolicyException {
        PolicyReport report = report("POST /account/password = authenticated",
                servlet("password", PlainServlet.class, "/account/password"));
        assertEquals(List.of(new Gap.SensitiveWithoutReauth("password", "/account/password", "/account/password",
                List.of("POST"), "password")), gaps(report, Gap.SensitiveWithoutReauth.class));
        PolicyReport fixed = report("POST /account/password = authenticated, reauth",
                servlet("password", PlainServlet.class, "/account/password"));
        assertEquals(List.of(), gaps(fixed, Gap.SensitiveWithoutReauth.class));
    }

    @Test
    void gapWhenAnExportIsReadWithoutReauthThenGetAndHeadAreNamed() throws PolicyException {
        PolicyReport report = report("GET /account/export = authenticated",
                servlet("download", PlainServlet.class, "/account/export"));
        assertEquals(List.of("GET", "HEAD"), gaps(report, Gap.SensitiveWithoutReauth.class).get(0).methods());
        PolicyReport annotated = report("GET /account/export = authenticated",
                servlet("download", ExportServlet.class, "/account/export"));
        assertEquals(List.of(), gaps(annotated, Gap.SensitiveWithoutReauth.class), "@Sensitive on doGet fixes it");
    }

    @Test
    void gapWhenOnlyTheServletNameIsSensitiveThenItCountsAndPublicOrRefusedMethodsDoNot() throws PolicyException {
        PolicyReport report = report("GET,POST /tools/* = authenticated\nGET /open/* = public",
                servlet("admin-tools", PlainServlet.class, "/tools/*"), servlet("delete", PlainServlet.class,
                        "/open/*"));
        List<Gap.SensitiveWithoutReauth> found = gaps(report, Gap.SensitiveWithoutReauth.class);
        assertEquals(1, found.size(), found.toString());
        assertEquals(List.of("POST"), found.get(0).methods(), "GET is safe; PUT... are 405");
        assertEquals("admin", found.get(0).word());
    }

    @ParameterizedTest(name = "[{index}] {0} -> {1}")
    @CsvSource(nullValues = "none", value = {
            "/account/change-password, password", "/payouts/*, payout", "deleteAccount, delete",
            "/export.csv, export", "/site-admin, admin", "/emails, email", "/Admin/*, admin",
            "/badminton, none", "/administrator, none", "/emailing-list, none", "/passwords-faq, password",
            "/exporter, none", "/, none"})
    void sensitiveWordsAreWholeWordsNeverSubstrings(String text, String word) {
        assertEquals(word, SensitiveWords.find(text));
    }

    // ---------------------------------------------------------------------------------------------
    // (d) roles no account holds

    @Test
    void gapWhenARoleIsNamedButNoAccountHoldsItThenUnheldRoleOnceRolesAreKnown() throws PolicyException {
        PolicyReport report = report("/reports/* = role:reporting | role:admin",
                servlet("audit", AuditServlet.class, "/audit/*"), servlet("reports", PlainServlet.class, "/reports/*"));
        assertEquals(List.of(), gaps(report, Gap.UnheldRole.class), "roles are not known at start-up");
        assertNull(report.rolesHeld());
        assertEquals(List.of("reporting", "admin", "auditor"), List.copyOf(report.rolesNamed().keySet()));

        PolicyReport checked = report.withRolesHeld(Set.of("admin", "customer"));
        List<Gap.UnheldRole> unheld = gaps(checked, Gap.UnheldRole.class);
        assertEquals(List.of("reporting", "auditor"), unheld.stream().map(Gap.UnheldRole::role).toList());
        assertEquals(List.of(new Origin.FromAnnotation("@RolesAllowed", AuditServlet.class.getName(), null)),
                unheld.get(1).namedBy());
        assertEquals("role \"reporting\" is named (rule line 1) but no account holds it", unheld.get(0).message());
        assertEquals(Set.of("admin", "customer"), checked.rolesHeld());

        PolicyReport later = checked.withRolesHeld(Set.of("admin", "reporting", "auditor"));
        assertEquals(List.of(), gaps(later, Gap.UnheldRole.class), "a later call replaces the earlier answer");
        assertEquals(report.gaps(), later.gaps());
    }

    // ---------------------------------------------------------------------------------------------
    // (e) unreachable rules

    @Test
    void gapWhenNoServletIsMappedToARulesPathsThenUnreachableNoServlet() throws PolicyException {
        PolicyReport report = report("/reports/* = role:reporting\n/reprots/* = role:reporting",
                servlet("reports", PlainServlet.class, "/reports/*"));
        assertEquals(List.of(new Gap.UnreachableRule(2, "/reprots/* = role:reporting",
                Gap.UnreachableRule.Why.NO_SERVLET)), gaps(report, Gap.UnreachableRule.class));
    }

    @Test
    void gapWhenAnotherPatternAlwaysWinsThenUnreachableShadowed() throws PolicyException {
        PolicyReport report = report("/* = authenticated\n*.jsp = deny", servlet("app", PlainServlet.class, "/"));
        assertEquals(List.of(new Gap.UnreachableRule(2, "*.jsp = deny", Gap.UnreachableRule.Why.SHADOWED)),
                gaps(report, Gap.UnreachableRule.class));
        assertTrue(gaps(report, Gap.UnreachableRule.class).get(0).message()
                .endsWith("another rule's pattern wins for every path it matches"));
    }

    @Test
    void reachableWhenTheDefaultServletHasAFileThereAndNotOtherwise() throws PolicyException {
        ServletInfo container = new ServletInfo("default", "org.apache.catalina.servlets.DefaultServlet", null,
                List.of("/"));
        String rules = "GET /robots.txt = public\nGET /css/* = public\n/ = deny";
        PolicyReport withFiles = report(rules, List.of("/robots.txt", "/css/site.css", "/WEB-INF/web.xml"), container);
        assertEquals(List.of(), gaps(withFiles, Gap.UnreachableRule.class));

        PolicyReport withoutFiles = report(rules, List.of("/index.html"), container);
        assertEquals(List.of(1, 2), gaps(withoutFiles, Gap.UnreachableRule.class).stream()
                .map(Gap.UnreachableRule::line).toList(), "the catch-all / stays reachable: it decides everything else");
        assertEquals(Gap.UnreachableRule.Why.NO_FILE, gaps(withoutFiles, Gap.UnreachableRule.class).get(0).why());

        PolicyReport filesUnknown = report(rules, (Collection<String>) null, container);
        assertEquals(List.of(), gaps(filesUnknown, Gap.UnreachableRule.class), "without a list, assume there are");
    }

    @Test
    void reachableOnlyThroughAServletThatAnswers404IsUnreachable() throws PolicyException {
        ServletInfo jetty404 = new ServletInfo("org.eclipse.jetty.ee11.servlet.ServletHandler$Default404Servlet-1",
                "org.eclipse.jetty.ee11.servlet.ServletHandler$Default404Servlet", null, List.of("/"));
        PolicyReport report = report("/ = deny\n/a = authenticated", jetty404);
        assertEquals(2, gaps(report, Gap.UnreachableRule.class).size(), report.gaps().toString());
        assertEquals(List.of(), gaps(report, Gap.Uncovered.class), "a 404 stand-in serves nothing to cover");
    }

    @Test
    void theContainersDefaultServletIsRecognisedByItsClassName() {
        assertTrue(new ServletInfo("default", "org.eclipse.jetty.ee11.servlet.DefaultServlet", null, List.of("/"))
                .isContainerDefault());
        assertTrue(new ServletInfo("default", DefaultServlet.class, List.of("/")).isContainerDefault());
        assertFalse(new ServletInfo("default", DefaultServlet.class, List.of("/files/*")).isContainerDefault());
        assertFalse(new ServletInfo("app", PlainServlet.class, List.of("/")).isContainerDefault());
    }

    // ---------------------------------------------------------------------------------------------
    // clean

    @Test
    void aPolicyThatCoversEverythingHasNoGapEvenWithRolesChecked() throws PolicyException {
        PolicyReport report = report(String.join("\n",
                        "GET \"\" = public",
                        "GET /admin/* = role:admin",
                        "POST /admin/* = role:admin, reauth:15m",
                        "POST /account/payout = role:customer",
                        "/ = deny"),
                servlet("home", HelpServlet.class, ""), servlet("admin", AdminServlet.class, "/admin/*"),
                servlet("payout", PayoutServlet.class, "/account/payout"),
                new ServletInfo("default", "org.apache.catalina.servlets.DefaultServlet", null, List.of("/")));
        assertEquals(List.of(), report.withRolesHeld(Set.of("admin", "customer")).gaps());
    }

    @Test
    void theReportCannotBeChanged() throws PolicyException {
        PolicyReport report = report("/a = role:x", servlet("a", PlainServlet.class, "/a"));
        assertThrows(UnsupportedOperationException.class, () -> report.gaps().clear());
        assertThrows(UnsupportedOperationException.class, () -> report.mappings().clear());
        assertThrows(UnsupportedOperationException.class, () -> report.rolesNamed().clear());
        assertThrows(UnsupportedOperationException.class, () -> report.mappings().get(0).areas().clear());
    }
}
