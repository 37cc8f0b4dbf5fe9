package io.hallpass.filter.policy;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Writes the effective-policy report of {@link Policy#describe()}: what the rules say, what each servlet's
 * annotations say, and where neither says anything (the gaps, which unmatched handling then decides).
 */
final class PolicyReport {

    private enum Coverage { FULL, PARTIAL, NONE }

    private final RuleSource source;
    private final List<Rule> rules;
    private final List<ServletInfo> servlets;
    private final PolicySettings settings;
    private final Policy policy;

    PolicyReport(RuleSource source, List<Rule> rules, List<ServletInfo> servlets, PolicySettings settings,
                 Policy policy) {
        this.source = source;
        this.rules = rules;
        this.servlets = servlets;
        this.settings = settings;
        this.policy = policy;
    }

    List<String> lines() {
        List<String> out = new ArrayList<>();
        long annotatedCount = servlets.stream().filter(s -> isAnnotated(s.name())).count();
        out.add("Hallpass policy: " + rules.size() + (rules.size() == 1 ? " rule" : " rules") + " from "
                + source.origin() + ", " + annotatedCount + " annotated "
                + (annotatedCount == 1 ? "servlet" : "servlets") + "; unmatched requests are "
                + (settings.denyUnmatched() ? "denied (403)" : "PUBLIC (deny-unmatched is off)"));
        for (Rule rule : rules) {
            Permission p = new Permission(rule.requirement(), rule.reauthWithin(), rule.idleWithin(),
                    Methods.ALL_SET, rule.source());
            out.add("rule line " + rule.line() + ": " + rule.pattern() + " " + String.join(", ", effectiveMethods(rule))
                    + " -> " + p.summary());
        }
        // the 405s: easy to overlook, since a narrow rule is not completed by a broader pattern's rules
        Set<UrlPattern> seen = new LinkedHashSet<>();
        for (Rule rule : rules) {
            if (!seen.add(rule.pattern())) {
                continue;
            }
            Set<String> covered = new LinkedHashSet<>();
            for (Rule r : rules) {
                if (r.pattern().equals(rule.pattern())) {
                    covered.addAll(effectiveMethods(r));
                }
            }
            List<String> refused = new ArrayList<>();
            for (String method : Methods.ALL) {
                if (!covered.contains(method)) {
                    refused.add(method);
                }
            }
            if (!refused.isEmpty()) {
                out.add("405 on " + rule.pattern() + " for " + String.join(", ", refused)
                        + ": no rule of this pattern names them");
            }
        }
        List<String> gaps = new ArrayList<>();
        for (ServletInfo servlet : servlets) {
            describeServlet(servlet, out, gaps);
        }
        if (gaps.isEmpty()) {
            out.add("no gaps: every servlet mapping is covered by a rule or an annotation");
        } else {
            out.addAll(gaps);
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

    /** The rule's methods with the HEAD its GET implies. */
    private List<String> effectiveMethods(Rule rule) {
        List<String> methods = new ArrayList<>();
        for (String method : Methods.ALL) {
            if (rule.covers(method)) {
                methods.add(method);
            } else if (method.equals("HEAD") && rule.covers("GET") && !headHasOwnRule(rule.pattern())) {
                methods.add(method);
            }
        }
        return methods;
    }

    private boolean headHasOwnRule(UrlPattern pattern) {
        for (Rule r : rules) {
            if (r.pattern().equals(pattern) && r.covers("HEAD")) {
                return true;
            }
        }
        return false;
    }

    private void describeServlet(ServletInfo servlet, List<String> out, List<String> gaps) {
        String className = servlet.servletClass() == null ? "class unknown" : servlet.servletClass().getName();
        out.add("servlet \"" + servlet.name() + "\" (" + className + ") mapped to "
                + (servlet.mappings().isEmpty() ? "nothing" : String.join(", ", quoted(servlet.mappings()))));
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
        if (unannotated.isEmpty()) {
            return;
        }
        String methods = unannotated.size() == Methods.COUNT ? "" : " (" + String.join(", ", unannotated) + ")";
        String outcome = settings.denyUnmatched() ? "denied" : "PUBLIC";
        for (String mapping : servlet.mappings()) {
            switch (coverage(mapping)) {
                case NONE -> gaps.add("gap: servlet \"" + servlet.name() + "\" mapping \"" + mapping + "\"" + methods
                        + ": no rule or annotation covers it, so it is " + outcome);
                case PARTIAL -> gaps.add("gap: servlet \"" + servlet.name() + "\" mapping \"" + mapping + "\""
                        + methods + ": only partly covered by rules; the paths they do not match are " + outcome);
                case FULL -> {
                }
            }
        }
    }

    private static List<String> quoted(Collection<String> mappings) {
        List<String> out = new ArrayList<>();
        for (String m : mappings) {
            out.add("\"" + m + "\"");
        }
        return out;
    }

    /** How far the rules reach into the paths a servlet url-pattern maps (servlet syntax, not rule syntax). */
    private Coverage coverage(String mapping) {
        List<UrlPattern> patterns = policy.patterns();
        for (UrlPattern p : patterns) {
            if (p.kind() == UrlPattern.Kind.DEFAULT
                    || (p.kind() == UrlPattern.Kind.PREFIX && p.value().isEmpty())) {
                return Coverage.FULL;
            }
        }
        if (mapping.isEmpty()) {
            return policy.patternFor("/") != null ? Coverage.FULL : Coverage.NONE;
        }
        if (mapping.equals("/")) {
            return patterns.isEmpty() ? Coverage.NONE : Coverage.PARTIAL;
        }
        if (mapping.startsWith("*.")) {
            String suffix = mapping.substring(1);
            boolean partial = false;
            for (UrlPattern p : patterns) {
                if (p.kind() == UrlPattern.Kind.EXTENSION && p.value().equals(suffix)) {
                    return Coverage.FULL;
                }
                partial |= p.kind() == UrlPattern.Kind.PREFIX
                        || (p.kind() == UrlPattern.Kind.EXACT && p.value().endsWith(suffix));
            }
            return partial ? Coverage.PARTIAL : Coverage.NONE;
        }
        if (mapping.startsWith("/") && mapping.endsWith("/*")) {
            String prefix = mapping.substring(0, mapping.length() - 2);
            boolean partial = false;
            for (UrlPattern p : patterns) {
                if (p.kind() == UrlPattern.Kind.PREFIX
                        && (prefix.equals(p.value()) || prefix.startsWith(p.value() + "/"))) {
                    return Coverage.FULL;
                }
                partial |= p.kind() == UrlPattern.Kind.EXTENSION
                        || ((p.kind() == UrlPattern.Kind.EXACT || p.kind() == UrlPattern.Kind.PREFIX)
                        && (p.value().equals(prefix) || p.value().startsWith(prefix + "/")));
            }
            return partial ? Coverage.PARTIAL : Coverage.NONE;
        }
        return policy.patternFor(mapping) != null ? Coverage.FULL : Coverage.NONE;
    }
}
