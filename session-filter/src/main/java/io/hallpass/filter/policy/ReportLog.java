package io.hallpass.filter.policy;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Writes the effective-policy report of {@link Policy#describe()}, the lines the filter logs at start-up: what
 * the rules say, the methods they refuse, what each servlet's annotations say, and the gaps of the
 * {@link PolicyReport}, one line each.
 */
final class ReportLog {

    private final Policy policy;
    private final List<Rule> rules;
    private final List<ServletInfo> servlets;
    private final PolicyReport report;

    ReportLog(Policy policy, List<Rule> rules, List<ServletInfo> servlets, PolicyReport report) {
        this.policy = policy;
        this.rules = rules;
        this.servlets = servlets;
        this.report = report;
    }

    List<String> lines() {
        List<String> out = new ArrayList<>();
        long annotatedCount = servlets.stream().filter(s -> isAnnotated(s.name())).count();
        out.add("Hallpass policy: " + rules.size() + (rules.size() == 1 ? " rule" : " rules") + " from "
                + report.rulesOrigin() + ", " + annotatedCount + " annotated "
                + (annotatedCount == 1 ? "servlet" : "servlets") + "; unmatched requests are "
                + (report.denyUnmatched() ? "denied (403)" : "PUBLIC (deny-unmatched is off)"));
        for (PolicyReport.RuleLine rule : report.rules()) {
            Permission p = new Permission(rule.requirement(), rule.reauthWithin(), rule.idleWithin(),
                    Methods.ALL_SET, "rule line " + rule.line());
            out.add("rule line " + rule.line() + ": " + rule.pattern() + " " + String.join(", ", rule.methods())
                    + " -> " + p.summary());
        }
        // the 405s: easy to overlook, since a narrow rule is not completed by a broader pattern's rules
        for (UrlPattern pattern : policy.patterns()) {
            List<String> refused = new ArrayList<>();
            for (int m = 0; m < Methods.COUNT; m++) {
                if (policy.ruleFor(pattern, m) == null) {
                    refused.add(Methods.ALL.get(m));
                }
            }
            if (!refused.isEmpty()) {
                out.add("405 on " + pattern + " for " + String.join(", ", refused)
                        + ": no rule of this pattern names them");
            }
        }
        for (ServletInfo servlet : servlets) {
            describeServlet(servlet, out);
        }
        if (report.gaps().isEmpty()) {
            out.add("no gaps: every servlet mapping is covered, nothing public inside a protected prefix, every "
                    + "sensitive-looking endpoint asks for a recent password, every rule can apply");
        } else {
            report.gaps().forEach(gap -> out.add("gap: " + gap.message()));
        }
        return Collections.unmodifiableList(out);
    }

    private boolean isAnnotated(String servletName) {
        for (Permission p : policy.annotationsOf(servletName)) {
            if (p != null) {
                return true;
            }
        }
        return false;
    }

    private void describeServlet(ServletInfo servlet, List<String> out) {
        String className = servlet.className() == null ? "class unknown" : servlet.className();
        List<String> quoted = new ArrayList<>();
        servlet.mappings().forEach(m -> quoted.add("\"" + m + "\""));
        out.add("servlet \"" + servlet.name() + "\" (" + className + ") mapped to "
                + (quoted.isEmpty() ? "nothing" : String.join(", ", quoted)));
        Permission[] own = policy.annotationsOf(servlet.name());
        Map<String, List<String>> byPermission = new LinkedHashMap<>();
        Set<String> unannotated = new LinkedHashSet<>();
        for (int m = 0; m < Methods.COUNT; m++) {
            if (own[m] == null) {
                unannotated.add(Methods.ALL.get(m));
            } else {
                byPermission.computeIfAbsent(own[m].summary() + " (" + own[m].source() + ")", k -> new ArrayList<>())
                        .add(Methods.ALL.get(m));
            }
        }
        for (Map.Entry<String, List<String>> e : byPermission.entrySet()) {
            out.add("  annotations: " + String.join(", ", e.getValue()) + ": " + e.getKey());
        }
        if (unannotated.size() == Methods.COUNT) {
            out.add("  annotations: none");
        } else if (!unannotated.isEmpty()) {
            out.add("  annotations: " + String.join(", ", unannotated) + ": none");
        }
    }
}
