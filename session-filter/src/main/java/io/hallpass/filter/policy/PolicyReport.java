package io.hallpass.filter.policy;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;

/**
 * The effective policy of one application, as data: every servlet mapping with what rules and annotations
 * together demand of each HTTP method there and where each part came from, and the gaps between the policy and
 * the application. It answers the question the policy was written for: do the rules cover the riskiest actions?
 *
 * <p>The filter builds it once, at start-up, from the compiled {@link Policy} (each entry is what
 * {@link Policy#lookup} answers for such a request, so the report cannot drift from what is enforced) and
 * publishes it; roles change at run time, so checking them against the accounts is a second step:
 *
 * <pre>{@code
 * PolicyReport report = Hallpass.policyReport(getServletContext());
 * Set<String> held = realm.listAccounts().stream().filter(AccountView::enabled)
 *         .flatMap(a -> a.roles().stream()).collect(Collectors.toSet());
 * for (PolicyReport.Gap gap : report.withRolesHeld(held).gaps()) {
 *     log.warning(gap.message());      // each gap is also a typed record: switch on it, or show it
 * }
 * }</pre>
 *
 * <h2>Gaps</h2>
 * <ul>
 *   <li>{@link Gap.Uncovered}: a servlet mapping (or some of its paths or methods) that no rule and no annotation
 *       covers: denied by default, or open if unmatched requests are let through.</li>
 *   <li>{@link Gap.PublicInsideProtected}: a path that lets anyone in, inside a {@code /prefix/*} whose other
 *       paths ask for a signed-in user, a role, or are denied ({@code GET /admin/help = public} under
 *       {@code /admin/* = role:admin}, or a public servlet mapped inside a protected one). The root {@code /*}
 *       does not count: "everything signed in, except the login page" is the normal shape of a policy.</li>
 *   <li>{@link Gap.SensitiveWithoutReauth}: mapping whose path, rule pattern or servlet name has one of the words
 *       {@code password}, {@code payout}, {@code payment}, {@code export}, {@code email}, {@code delete},
 *       {@code admin} as a whole word (or its plural: {@code /payouts/*}, {@code change-password},
 *       {@code deleteAccount}; never {@code /badminton}), where an unsafe method (POST, PUT, PATCH,
 *       DELETE; and GET, HEAD for an export) is open to a signed-in user without a re-authentication window.</li>
 *   <li>{@link Gap.UnreachableRule}: a rule that can never apply; see {@link Gap.UnreachableRule.Why}.</li>
 *   <li>{@link Gap.UnheldRole}: a role the rules or annotations name that no account holds, after
 *       {@link #withRolesHeld}.</li>
 * </ul>
 *
 * @param rulesOrigin   where the rules came from ({@code /WEB-INF/hallpass-rules.txt}, {@code init-param rules})
 * @param denyUnmatched whether requests no rule or annotation covers are denied (else they are public)
 * @param rules         every rule line, with the methods it really covers
 * @param mappings      every url-pattern of every servlet registration, in the order the servlets were given
 * @param rolesNamed    every role a rule or an annotation names, with where it is named
 * @param rolesHeld     the roles some account holds, as given to {@link #withRolesHeld}; null until then
 * @param gaps          what the report found, in the order of the list above
 */
public record PolicyReport(String rulesOrigin, boolean denyUnmatched, List<RuleLine> rules, List<Mapping> mappings,
                           Map<String, List<Origin>> rolesNamed, Set<String> rolesHeld, List<Gap> gaps) {

    public PolicyReport {
        Objects.requireNonNull(rulesOrigin, "rulesOrigin");
        rules = List.copyOf(rules);
        mappings = List.copyOf(mappings);
        Map<String, List<Origin>> named = new LinkedHashMap<>();
        rolesNamed.forEach((role, where) -> named.put(role, List.copyOf(where)));
        rolesNamed = Collections.unmodifiableMap(named);
        rolesHeld = rolesHeld == null ? null : Collections.unmodifiableSet(new TreeSet<>(rolesHeld));
        gaps = List.copyOf(gaps);
    }

    /**
     * This report with an {@link Gap.UnheldRole} gap for every role it names that is not in {@code held} (and
     * without those of an earlier call). Roles are granted and revoked at run time, so ask when you show it.
     *
     * @param held every role that at least one account holds now; count only accounts that can sign in
     */
    public PolicyReport withRolesHeld(Set<String> held) {
        Objects.requireNonNull(held, "held");
        List<Gap> kept = new ArrayList<>();
        for (Gap gap : gaps) {
            if (!(gap instanceof Gap.UnheldRole)) {
                kept.add(gap);
            }
        }
        rolesNamed.forEach((role, where) -> {
            if (!held.contains(role)) {
                kept.add(new Gap.UnheldRole(role, where));
            }
        });
        return new PolicyReport(rulesOrigin, denyUnmatched, rules, mappings, rolesNamed, held, kept);
    }

    /**
     * One rule line.
     *
     * @param line         1-based line number in {@link #rulesOrigin}
     * @param text         the rule as written, without comment
     * @param pattern      its url-pattern as written ({@code ""} for the context root)
     * @param methods      the methods it covers, with the HEAD its GET implies
     * @param requirement  who may pass
     * @param reauthWithin its re-authentication window, or null
     * @param idleWithin   its idle limit, or null
     */
    public record RuleLine(int line, String text, String pattern, List<String> methods, Requirement requirement,
                           Duration reauthWithin, Duration idleWithin) {
        public RuleLine {
            methods = List.copyOf(methods);
        }
    }

    /**
     * One url-pattern of one servlet registration, and what its requests need.
     *
     * @param servlet      the servlet's name
     * @param servletClass the servlet's class name, or null if unknown
     * @param urlPattern   the mapping as registered ({@code ""} is the context root, {@code /} the default)
     * @param areas        the parts of the mapping's paths that different rule patterns select: one area per
     *                     rule pattern that wins for some of its paths, and one without a rule where none does;
     *                     empty when no request reaches this mapping (another servlet has the same pattern)
     */
    public record Mapping(String servlet, String servletClass, String urlPattern, List<Area> areas) {
        public Mapping {
            Objects.requireNonNull(servlet, "servlet");
            Objects.requireNonNull(urlPattern, "urlPattern");
            areas = List.copyOf(areas);
        }
    }

    /**
     * The paths of a mapping that one rule pattern selects (or that no rule selects), and what each method needs.
     *
     * @param rulePattern the rule pattern as written ({@code /admin/*}, {@code ""}), or null where no rule applies
     * @param access      one entry per method, in the order GET, HEAD, POST, PUT, PATCH, DELETE, OPTIONS
     */
    public record Area(String rulePattern, List<Access> access) {
        public Area {
            access = List.copyOf(access);
        }

        /** The methods grouped by equal effect (same permission, same origins), in method order. */
        public List<List<Access>> grouped() {
            Map<List<Object>, List<Access>> groups = new LinkedHashMap<>();
            for (Access a : access) {
                List<Object> key = List.of(a.permission(), a.requirementFrom(), String.valueOf(a.reauthFrom()),
                        String.valueOf(a.idleFrom()));
                groups.computeIfAbsent(key, k -> new ArrayList<>()).add(a);
            }
            List<List<Access>> out = new ArrayList<>();
            groups.values().forEach(g -> out.add(List.copyOf(g)));
            return List.copyOf(out);
        }
    }

    /**
     * What one method needs on one area: exactly the {@link Permission} a request would get, with its parts
     * traced to where they came from.
     *
     * @param method          the HTTP method
     * @param permission      what {@link Policy#lookup} answers; {@link Permission#methodAllowed()} false is a 405
     * @param requirementFrom every rule line and annotation that adds to the requirement ({@link Origin.Unmatched}
     *                        alone when nothing applies; for a 405, the rule lines of the pattern)
     * @param reauthFrom      where the re-authentication window comes from, or null if there is none
     * @param idleFrom        where the idle limit comes from, or null if there is none
     */
    public record Access(String method, Permission permission, List<Origin> requirementFrom, Origin reauthFrom,
                         Origin idleFrom) {
        public Access {
            Objects.requireNonNull(method, "method");
            Objects.requireNonNull(permission, "permission");
            requirementFrom = List.copyOf(requirementFrom);
        }

        /** The permission the way the start-up log writes it: {@code role:admin, reauth:2m}, {@code 405 (...)}. */
        public String summary() {
            return permission.summary();
        }
    }

    /** Where a part of a permission came from. */
    public sealed interface Origin {

        /** A rule line of {@link #rulesOrigin}. */
        record FromRule(int line, String text) implements Origin {
            @Override
            public String toString() {
                return "rule line " + line;
            }
        }

        /**
         * An annotation ({@code @RequireRole}, {@code @RolesAllowed}, {@code @Sensitive}, ...).
         *
         * @param annotation the annotation's simple name with its {@code @}
         * @param className  the class that declares it (the servlet class or a superclass)
         * @param method     the {@code doXxx} method it is on, or null for the class
         */
        record FromAnnotation(String annotation, String className, String method) implements Origin {
            @Override
            public String toString() {
                String simple = className.substring(className.lastIndexOf('.') + 1);
                simple = simple.substring(simple.lastIndexOf('$') + 1);
                return annotation + " on " + simple + (method == null ? "" : "." + method);
            }
        }

        /** No rule and no annotation: the deny-unmatched setting decides. */
        record Unmatched() implements Origin {
            @Override
            public String toString() {
                return "unmatched";
            }
        }
    }

    /** Something the policy leaves open or that cannot work as written; {@link #message()} says what, briefly. */
    public sealed interface Gap {

        /** One sentence for a log line or a page. */
        String message();

        /**
         * Paths of a servlet mapping that no rule and no annotation covers.
         *
         * @param servlet the servlet's name
         * @param mapping its url-pattern
         * @param methods the methods left uncovered somewhere in the mapping
         * @param partly  whether rules or annotations cover other paths of the mapping for those methods
         * @param denied  whether such requests are denied (else they are let through as public)
         */
        record Uncovered(String servlet, String mapping, List<String> methods, boolean partly, boolean denied)
                implements Gap {
            public Uncovered {
                methods = List.copyOf(methods);
            }

            @Override
            public String message() {
                String which = methods.size() == Methods.COUNT ? "" : " (" + String.join(", ", methods) + ")";
                String outcome = denied ? "denied" : "PUBLIC";
                return "servlet \"" + servlet + "\" mapping \"" + mapping + "\"" + which + (partly
                        ? ": only partly covered by rules; the paths they do not match are " + outcome
                        : ": no rule or annotation covers it, so it is " + outcome);
            }
        }

        /**
         * A public area inside a protected prefix.
         *
         * @param servlet         the servlet the public requests reach
         * @param mapping         its url-pattern
         * @param rulePattern     the rule pattern that makes them public, or null where annotations alone do
         * @param methods         the methods that are public there and protected around it
         * @param prefix          the protected prefix, such as {@code /admin/*}
         * @param prefixRequires  what the prefix's other paths ask for
         */
        record PublicInsideProtected(String servlet, String mapping, String rulePattern, List<String> methods,
                                     String prefix, Requirement prefixRequires) implements Gap {
            public PublicInsideProtected {
                methods = List.copyOf(methods);
            }

            @Override
            public String message() {
                return String.join(", ", methods) + " " + where(rulePattern, mapping, servlet)
                        + " is public inside \"" + prefix + "\", which otherwise "
                        + (prefixRequires instanceof Requirement.Deny ? "is denied" : "asks for " + prefixRequires);
            }
        }

        /**
         * A sensitive-looking endpoint whose unsafe methods need no recent password.
         *
         * @param servlet     the servlet's name
         * @param mapping     its url-pattern
         * @param rulePattern the rule pattern of the area, or null where no rule applies
         * @param methods     the methods that a signed-in user may call without re-authenticating
         * @param word        the sensitive word found
         */
        record SensitiveWithoutReauth(String servlet, String mapping, String rulePattern, List<String> methods,
                                      String word) implements Gap {
            public SensitiveWithoutReauth {
                methods = List.copyOf(methods);
            }

            @Override
            public String message() {
                return String.join(", ", methods) + " " + where(rulePattern, mapping, servlet) + " looks sensitive (\""
                        + word + "\") but asks for no recent password: add reauth to its rule or @Sensitive to the "
                        + "servlet";
            }
        }

        /**
         * A rule that can never apply.
         *
         * @param line the rule's line
         * @param text the rule as written
         * @param why  why no request can reach it
         */
        record UnreachableRule(int line, String text, Why why) implements Gap {

            /**
             * Why a rule is unreachable. A rule is reachable when some request path it selects is dispatched to a
             * servlet that serves something there: any servlet of the application, or the container's default
             * servlet where the application has a file (it receives every path no other mapping takes, and
             * answers 404 elsewhere). A catch-all ({@code /}, {@code /*}) is reachable whenever some path falls
             * through to a servlet: saying what happens to everything else is its job.
             */
            public enum Why {
                /** Another rule pattern wins for every path it matches ({@code *.jsp} behind {@code /*}). */
                SHADOWED,
                /** No servlet is mapped to any path it selects. */
                NO_SERVLET,
                /** Only the container's default servlet receives its paths, and the application has no file there. */
                NO_FILE
            }

            @Override
            public String message() {
                return "rule line " + line + " (\"" + text + "\") can never apply: " + switch (why) {
                    case SHADOWED -> "another rule's pattern wins for every path it matches";
                    case NO_SERVLET -> "no servlet is mapped to the paths it selects";
                    case NO_FILE -> "only the container's default servlet receives its paths, and the application "
                            + "has no file there";
                };
            }
        }

        /**
         * A role that is named but that no account holds, so that no one can pass where it is required.
         *
         * @param role    the role
         * @param namedBy the rule lines and annotations that name it
         */
        record UnheldRole(String role, List<Origin> namedBy) implements Gap {
            public UnheldRole {
                namedBy = List.copyOf(namedBy);
            }

            @Override
            public String message() {
                Set<String> where = new LinkedHashSet<>();
                namedBy.forEach(o -> where.add(o.toString()));
                return "role \"" + role + "\" is named (" + String.join(", ", where) + ") but no account holds it";
            }
        }

        private static String where(String rulePattern, String mapping, String servlet) {
            return (rulePattern == null ? "\"" + mapping + "\"" : "\"" + rulePattern + "\"") + " (servlet \"" + servlet
                    + "\")";
        }
    }
}
