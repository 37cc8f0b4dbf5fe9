package io.hallpass.sample.admin;

import io.hallpass.filter.policy.Permission;
import io.hallpass.filter.policy.PolicyReport;
import io.hallpass.filter.policy.Requirement;
import io.hallpass.sample.web.Chrome;
import io.hallpass.sample.web.Html;
import io.hallpass.sample.web.Layout;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Collectors;

/**
 * {@code /admin/policy}: the effective policy the Hallpass filter enforces on every address of the portal (what
 * each method needs, and which rule line or annotation says so), the gaps it found, and the portal's deliberate
 * choices, each with its reason, so that an exception is explained rather than hidden.
 */
public final class PolicyPage {

    private PolicyPage() {
    }

    /**
     * @param report            {@code Hallpass.policyReport(context)}, with the roles of enabled accounts checked
     * @param accountsConsulted how many enabled accounts the roles were checked against
     */
    public static Html render(Chrome chrome, PolicyReport report, int accountsConsulted) {
        List<PolicyReport.Mapping> mappings = new ArrayList<>(report.mappings());
        mappings.sort(Comparator.comparing(PolicyReport.Mapping::urlPattern)
                .thenComparing(PolicyReport.Mapping::servlet));
        Html rows = Html.each(mappings, PolicyPage::mappingRows);
        Html main = Html.format("""
                <nav class="crumbs"><a href="{}">Users</a> › Effective policy</nav>
                <section class="page-head"><h1>Effective policy</h1>
                <p class="muted">What the Hallpass filter enforces on every address of the portal: {} rules from
                <code>{}</code> and the servlets’ annotations, compiled when the portal started, where both must
                pass. Roles were checked just now against the {} enabled accounts; unmatched requests are {}.</p>
                </section>
                {}
                {}
                <section class="card">
                  <h2>Addresses</h2>
                  <p class="hint">One row per part of a servlet’s address space that one rule pattern selects. Methods
                  that need the same are grouped; 405 means no rule of that pattern names the method.</p>
                  <table class="table policy">
                    <thead><tr><th>Address</th><th>Servlet</th><th>Rule pattern</th><th>Methods and what they need</th></tr></thead>
                    <tbody>{}</tbody>
                  </table>
                </section>""",
                chrome.href("/admin/users"), report.rules().size(), report.rulesOrigin(), accountsConsulted,
                report.denyUnmatched() ? "denied" : "let through", gaps(report), choices(), rows);
        return Layout.page(chrome, "Effective policy", main);
    }

    private static Html gaps(PolicyReport report) {
        if (report.gaps().isEmpty()) {
            return Html.trusted("""
                    <section class="card">
                      <h2>Gaps <span class="badge badge-ok">No gaps</span></h2>
                      <p>Every address is covered by a rule or an annotation, nothing is public inside a protected
                      area, every sensitive-looking action asks for a recent password, every rule can apply, and
                      every role the policy names is held by an enabled account.</p>
                    </section>""");
        }
        Html items = Html.each(report.gaps(), g -> Html.format(
                "<tr><td><span class=\"badge badge-danger\">{}</span></td><td>{}</td></tr>", label(g), g.message()));
        return Html.format("""
                <section class="card">
                  <h2>Gaps <span class="badge badge-danger">{}</span></h2>
                  <table class="table"><tbody>{}</tbody></table>
                </section>""", report.gaps().size(), items);
    }

    static String label(PolicyReport.Gap gap) {
        if (gap instanceof PolicyReport.Gap.Uncovered) {
            return "Not covered";
        }
        if (gap instanceof PolicyReport.Gap.PublicInsideProtected) {
            return "Public inside protected";
        }
        if (gap instanceof PolicyReport.Gap.SensitiveWithoutReauth) {
            return "No re-authentication";
        }
        if (gap instanceof PolicyReport.Gap.UnreachableRule) {
            return "Rule never applies";
        }
        return "Role nobody holds";
    }

    /** The portal's exceptions to "cover everything, strictly", each with why. */
    private static Html choices() {
        return Html.trusted("""
                <section class="card">
                  <h2>Deliberate choices</h2>
                  <ul class="list">
                    <li><strong>Everything else is refused by a rule.</strong> <code>/ = deny</code> covers every
                    address no other rule names, including what the container’s own default servlet (and Jetty’s
                    JSP servlet) would answer: the portal serves no files that way. Unmatched requests would be
                    refused anyway; the rule says it was meant.</li>
                    <li><strong>Two windows in the admin area.</strong> Every post under <code>/admin/</code> asks for
                    a password entered within the last 15 minutes. Disabling, enabling and role changes are
                    forwarded to <code>/admin/account-changes/*</code>, which asks for one within the portal’s
                    <code>reauth-within</code> (5 minutes by default). “Sign out everywhere” is what an
                    administrator presses when an account is compromised, so it has only the longer window.</li>
                    <li><strong><code>/admin/account-changes/*</code> answers 404 when asked directly.</strong> It is
                    only reached by the forward from <code>/admin/users/…</code>; its rule is what makes those
                    forwards ask for the password.</li>
                    <li><strong><code>/error = deny</code>.</strong> The error page is shown through the container’s
                    error dispatch, which the filter does not check; no one may request it directly.</li>
                    <li><strong>casey’s role ends.</strong> The <code>reporting</code> grant of the demo contractor
                    expires seven days after the accounts were seeded. From then on no enabled account holds
                    <code>reporting</code>, and the gaps above say so until someone is granted it: that is the
                    report doing its job, kept as the demo of a temporary grant. Disabled accounts’ roles never
                    count.</li>
                    <li><strong><code>demo-accounts</code> has no address.</strong> It is a start-up task that seeds
                    the demo accounts, not a page.</li>
                  </ul>
                </section>""");
    }

    private static Html mappingRows(PolicyReport.Mapping mapping) {
        String pattern = mapping.urlPattern().isEmpty() ? "\"\" (the home page)" : mapping.urlPattern();
        Html servlet = Html.format("{}<div class=\"muted small\">{}</div>", mapping.servlet(),
                mapping.servletClass() == null ? "class unknown" : mapping.servletClass());
        if (mapping.areas().isEmpty()) {
            return Html.format("<tr><td><code>{}</code></td><td>{}</td><td colspan=\"2\" class=\"empty\">no request "
                    + "reaches it</td></tr>", pattern, servlet);
        }
        return Html.each(mapping.areas(), area -> Html.format(
                "<tr><td><code>{}</code></td><td>{}</td><td>{}</td><td>{}</td></tr>", pattern, servlet,
                area.rulePattern() == null ? Html.trusted("<span class=\"muted\">no rule</span>")
                        : Html.format("<code>{}</code>", area.rulePattern()),
                Html.each(area.grouped(), PolicyPage::group)));
    }

    private static Html group(List<PolicyReport.Access> group) {
        PolicyReport.Access first = group.get(0);
        String methods = group.stream().map(PolicyReport.Access::method).collect(Collectors.joining(", "));
        List<String> from = new ArrayList<>();
        first.requirementFrom().forEach(o -> from.add(o.toString()));
        if (first.reauthFrom() != null) {
            from.add("re-authentication: " + first.reauthFrom());
        }
        if (first.idleFrom() != null) {
            from.add("idle: " + first.idleFrom());
        }
        return Html.format("<div class=\"group\"><strong>{}</strong> <span class=\"badge {}\">{}</span>"
                + "<div class=\"muted small\">{}</div></div>", methods, tone(first.permission()), first.summary(),
                String.join(" · ", from));
    }

    private static String tone(Permission permission) {
        if (!permission.methodAllowed()) {
            return "badge-muted";
        }
        Requirement r = permission.requirement();
        if (r instanceof Requirement.Deny) {
            return "badge-danger";
        }
        if (r instanceof Requirement.Public) {
            return "badge-info";
        }
        return permission.reauthWithin() != null ? "badge-warn" : "badge-ok";
    }
}
