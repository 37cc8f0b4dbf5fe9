package io.hallpass.filter.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.hallpass.filter.Hallpass;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The effective-policy report as an application reads it, through {@code Hallpass.policyReport(context)}, in every
 * container (through a subclass): a deliberately gappy application, with one of every kind of gap planted, lists
 * each of them; a clean one lists none. The report servlet checks the roles against the realm's accounts.
 */
public abstract class PolicyReportContract extends ContainerSuite {

    /** One gap of each kind, each named in a comment. */
    static final String GAPPY_RULES = """
            GET /report = public
            GET /admin/* = role:admin
            POST /admin/* = role:admin, reauth
            # public inside a protected prefix
            GET /admin/help = public
            # sensitive-looking, and no re-authentication for reading the export nor for posting to it
            GET,POST /account/export = authenticated
            # a role that no account holds
            GET /audit/* = role:auditor
            # a typo: no servlet is mapped there
            GET /reprots/* = role:admin
            """;

    static final String CLEAN_RULES = """
            GET /report = public
            GET /admin/* = role:admin
            POST /admin/* = role:admin, reauth
            GET /account/export = authenticated, reauth
            / = deny
            """;

    /** The servlets both applications share, the rules, and the suite's realm. */
    private TestApp reportApplication(String rules) {
        return new TestApp()
                .servlet("report", new ReportServlets.Report(), "/report")
                .servlet("admin", new ReportServlets.Plain(), "/admin/*")
                .servlet("export", new ReportServlets.Plain(), "/account/export")
                .param("rules", rules)
                .onStart(context -> context.setAttribute(Hallpass.REALM_ATTRIBUTE, realm));
    }

    @Override
    protected TestApp application() {
        return reportApplication(GAPPY_RULES)
                .servlet("audit", new ReportServlets.Plain(), "/audit/*")
                // no rule and no annotation: forgotten
                .servlet("forgotten", new ReportServlets.Plain(), "/forgotten");
    }

    private List<String> report(RawHttp client) {
        RawHttp.Response r = client.request("GET", "/report").send();
        assertEquals(200, r.status(), r.toString());
        return List.of(r.body().split("\n"));
    }

    @Test
    void aGappyApplicationListsOneOfEveryKindOfGap() {
        newUser("admin");
        List<String> lines = report(http);
        assertTrue(lines.contains("GAP Uncovered: servlet \"forgotten\" mapping \"/forgotten\": no rule or annotation "
                + "covers it, so it is denied"), String.join("\n", lines));
        assertTrue(lines.contains("GAP PublicInsideProtected: GET, HEAD \"/admin/help\" (servlet \"admin\") is public "
                + "inside \"/admin/*\", which otherwise asks for role:admin"), String.join("\n", lines));
        assertTrue(lines.contains("GAP SensitiveWithoutReauth: GET, HEAD, POST \"/account/export\" (servlet "
                + "\"export\") looks sensitive (\"export\") but asks for no recent password: add reauth to its rule "
                + "or @Sensitive to the servlet"), String.join("\n", lines));
        assertTrue(lines.contains("GAP UnheldRole: role \"auditor\" is named (rule line 9) but no account holds it"),
                String.join("\n", lines));
        assertTrue(lines.contains("GAP UnreachableRule: rule line 11 (\"GET /reprots/* = role:admin\") can never "
                + "apply: no servlet is mapped to the paths it selects"), String.join("\n", lines));
        assertFalse(lines.stream().anyMatch(l -> l.contains("role \"admin\" is named")), "an account holds admin");
    }

    @Test
    void theReportTracesEachAreaOfAMappingToItsRuleLines() {
        List<String> lines = report(http);
        assertTrue(lines.contains("AREA admin /admin/* /admin/help GET,HEAD: public <- [rule line 5]"),
                String.join("\n", lines));
        assertTrue(lines.contains("AREA admin /admin/* /admin/* POST: role:admin, reauth:5m <- [rule line 3]"),
                String.join("\n", lines));
        assertTrue(lines.contains("AREA forgotten /forgotten null GET,HEAD,POST,PUT,PATCH,DELETE,OPTIONS: deny "
                + "<- [unmatched]"), String.join("\n", lines));
    }

    @Test
    void aRoleGrantedAtRunTimeLeavesTheReportAtTheNextAskAndADisabledAccountHoldsNothing() {
        assertTrue(report(http).stream().anyMatch(l -> l.startsWith("GAP UnheldRole: role \"auditor\"")));
        long auditor = accountId(newUser("auditor"));
        try {
            assertFalse(report(http).stream().anyMatch(l -> l.startsWith("GAP UnheldRole: role \"auditor\"")));
        } finally {
            realm.setEnabled(auditor, false, "test"); // the other tests expect no one to hold the role
        }
        assertTrue(report(http).stream().anyMatch(l -> l.startsWith("GAP UnheldRole: role \"auditor\"")));
    }

    @Test
    void aCleanApplicationListsNoGap() throws Exception {
        newUser("admin");
        TestApp clean = reportApplication(CLEAN_RULES).servlet("everything-else", new ReportServlets.Plain(), "/");
        try (Container other = newContainer()) {
            other.start(clean);
            assertTrue(other.applicationAvailable());
            List<String> lines = report(new RawHttp(other.port()));
            assertEquals("NO GAPS", lines.get(0), String.join("\n", lines));
        }
    }
}
