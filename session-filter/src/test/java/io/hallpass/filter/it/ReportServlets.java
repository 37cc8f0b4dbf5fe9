package io.hallpass.filter.it;

import io.hallpass.filter.Hallpass;
import io.hallpass.filter.policy.PolicyReport;
import io.hallpass.realm.AccountView;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/** The servlets of the policy-report suite's applications. */
public final class ReportServlets {

    private ReportServlets() {
    }

    /**
     * Reads the report through {@link Hallpass#policyReport}, checks its roles against the realm's accounts, and
     * writes one line per gap ({@code GAP Kind: message}) and per group of methods of each mapping area
     * ({@code AREA servlet mapping rulePattern METHODS: summary <- origins}), or {@code NO GAPS}.
     */
    public static class Report extends HttpServlet {
        @Override
        protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
            Set<String> held = new TreeSet<>();
            for (AccountView account : Hallpass.realm(getServletContext()).listAccounts()) {
                if (account.enabled()) {
                    held.addAll(account.roles());
                }
            }
            PolicyReport report = Hallpass.policyReport(getServletContext()).withRolesHeld(held);
            StringBuilder out = new StringBuilder();
            for (PolicyReport.Gap gap : report.gaps()) {
                out.append("GAP ").append(gap.getClass().getSimpleName()).append(": ").append(gap.message())
                        .append('\n');
            }
            if (report.gaps().isEmpty()) {
                out.append("NO GAPS\n");
            }
            for (PolicyReport.Mapping mapping : report.mappings()) {
                for (PolicyReport.Area area : mapping.areas()) {
                    for (List<PolicyReport.Access> group : area.grouped()) {
                        out.append("AREA ").append(mapping.servlet()).append(' ').append(mapping.urlPattern())
                                .append(' ').append(area.rulePattern()).append(' ')
                                .append(String.join(",", group.stream().map(PolicyReport.Access::method).toList()))
                                .append(": ").append(group.get(0).summary()).append(" <- ")
                                .append(group.get(0).requirementFrom()).append('\n');
                    }
                }
            }
            TestServlets.write(response, out.toString());
        }
    }

    /** Any servlet: the report is about where it is mapped and what protects it. */
    public static class Plain extends HttpServlet {
        @Override
        protected void service(HttpServletRequest request, HttpServletResponse response) throws IOException {
            TestServlets.write(response, "plain " + request.getServletPath());
        }
    }
}
