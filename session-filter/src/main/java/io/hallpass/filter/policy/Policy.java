package io.hallpass.filter.policy;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * The access policy of one web application: rules and servlet annotations, compiled once into an immutable
 * object that answers, for each request, what it takes to pass.
 *
 * <pre>{@code
 * Policy policy = Policy.compile(new RuleSource("/WEB-INF/hallpass-rules.txt", text), servlets,
 *                                PolicySettings.defaults());          // throws PolicyException
 * policy.describe().forEach(log::info);                              // the effective-policy report, as text
 * policy.report().gaps();                                            // ... and as data
 * Permission p = policy.lookup(request.getMethod(),
 *         RequestPath.of(request.getServletPath(), request.getPathInfo()),
 *         request.getHttpServletMapping().getServletName());
 * Decision d = Decider.decide(p, lazySession, clock.instant());
 * }</pre>
 *
 * <h2>Rules</h2>
 * One rule per line; {@code #} starts a comment; blank lines are ignored.
 * <pre>
 * [METHODS] PATTERN = REQUIREMENT [, OPTION]...
 * METHODS     := METHOD(,METHOD)*      GET, HEAD, POST, PUT, PATCH, DELETE, OPTIONS; none = every method
 * PATTERN     := /exact/path | /prefix/* | *.ext | / | ""
 * REQUIREMENT := public | authenticated | deny | role:NAME ( | role:NAME )*
 * OPTION      := reauth | reauth:DURATION | idle:DURATION      (30s, 5m, 12h, 1d, PT5M)
 * </pre>
 *
 * <h2>Which rule applies</h2>
 * Exactly as servlet url-patterns select a servlet (Servlet 6.1 chapter 12): the exact pattern, else the
 * longest {@code /prefix/*} ({@code /admin/*} also matches {@code /admin}; {@code /*} is the shortest prefix),
 * else {@code *.ext} (the text after the last '.' of the last segment), else the default {@code /}.
 * {@code ""} matches the context root only. Matching is case-sensitive and declaration order never matters.
 * Among the rules of the selected pattern, the one naming the request's method applies; {@code GET} also
 * covers {@code HEAD} unless the pattern has its own HEAD rule. A method that none of the pattern's rules
 * names is refused with 405: there is no fallback to a less specific pattern. Two rules of one pattern that
 * cover the same method are a compile error, and so is a HEAD rule that asks less than the pattern's GET (the
 * container answers HEAD with what GET would answer).
 *
 * <h2>Annotations</h2>
 * {@code @Public}, {@code @Authenticated}, {@code @RequireRole} and {@code @Sensitive}, and the standard
 * {@code @PermitAll}, {@code @RolesAllowed} and {@code @DenyAll}, on the servlets of the
 * context apply to requests the container dispatched to that servlet (see {@code AnnotationReader} in this
 * package for where they are looked for). When a rule and an annotation both apply, both must pass:
 * requirements are {@linkplain Requirement#and conjoined}, and the shorter of each window is kept.
 *
 * <h2>Unmatched</h2>
 * A request no rule and no annotation applies to is denied (403) when
 * {@link PolicySettings#denyUnmatched()} is on (the default), else let through as public.
 *
 * <p>Instances are immutable and thread-safe; {@link #lookup} allocates nothing.
 */
public final class Policy {

    /** All rules of one pattern, precomputed per method. */
    private static final class Entry {
        final int id;
        final UrlPattern pattern;
        final List<Rule> rules;
        final Rule[] ruleByMethod = new Rule[Methods.COUNT];
        final Permission[] byMethod = new Permission[Methods.COUNT];
        Permission methodNotAllowed;

        Entry(int id, UrlPattern pattern, List<Rule> rules) {
            this.id = id;
            this.pattern = pattern;
            this.rules = rules;
        }
    }

    /** An annotated servlet: its own permissions, and each combined with each pattern's rules. */
    private static final class AnnotatedServlet {
        final AnnotationReader.ServletAnnotations annotations;
        final Permission[] own;
        final Permission[][] combined;

        AnnotatedServlet(AnnotationReader.ServletAnnotations annotations, int entries) {
            this.annotations = annotations;
            this.own = annotations.permissions();
            this.combined = new Permission[entries][];
        }
    }

    private static final Permission UNKNOWN_METHOD = Permission.methodNotAllowed(Methods.ALL_SET, "unmatched");

    private final PatternIndex<Entry> index;
    private final Map<UrlPattern, Entry> byPattern;
    private final Map<String, AnnotatedServlet> annotated;
    private final Permission unmatched;
    private final PolicyReport report;
    private final List<String> description;

    private Policy(Map<UrlPattern, Entry> byPattern, Map<String, AnnotatedServlet> annotated, Permission unmatched,
                   PolicyReport report, List<String> description) {
        this.index = PatternIndex.of(byPattern);
        this.byPattern = byPattern;
        this.annotated = annotated;
        this.unmatched = unmatched;
        this.report = report;
        this.description = description;
    }

    /**
     * Compiles rules and the annotations of the given servlets, not knowing the application's files (so the
     * report counts whatever reaches the container's default servlet as reachable).
     *
     * @see #compile(RuleSource, List, Collection, PolicySettings)
     */
    public static Policy compile(RuleSource rules, List<ServletInfo> servlets, PolicySettings settings)
            throws PolicyException {
        return compile(rules, servlets, null, settings);
    }

    /**
     * Compiles rules and the annotations of the given servlets, and writes the effective-policy report.
     *
     * @param rules    the rule text and its origin
     * @param servlets the servlets of the context (their annotations are read now, once)
     * @param files    the application's files that the container's default servlet would serve (paths such as
     *                 {@code /css/site.css}, nothing under {@code /WEB-INF/} or {@code /META-INF/}), for the
     *                 report's reachability of rules; null if unknown
     * @param settings unmatched handling and the default re-authentication window
     * @throws PolicyException at the first rule or annotation that is invalid or conflicts with another; the
     *                         message names the place (origin and line, or class and method)
     */
    public static Policy compile(RuleSource rules, List<ServletInfo> servlets, Collection<String> files,
                                 PolicySettings settings) throws PolicyException {
        Objects.requireNonNull(rules, "rules");
        Objects.requireNonNull(servlets, "servlets");
        Objects.requireNonNull(settings, "settings");

        List<Rule> parsed = new RuleParser(rules, settings.defaultReauthWindow()).parse();
        Map<UrlPattern, List<Rule>> byPattern = new LinkedHashMap<>();
        for (Rule rule : parsed) {
            byPattern.computeIfAbsent(rule.pattern(), p -> new ArrayList<>()).add(rule);
        }

        Map<UrlPattern, Entry> entries = new LinkedHashMap<>();
        for (Map.Entry<UrlPattern, List<Rule>> group : byPattern.entrySet()) {
            checkConflicts(rules.origin(), group.getValue());
            Entry entry = new Entry(entries.size(), group.getKey(), List.copyOf(group.getValue()));
            fill(entry);
            checkHeadIsNotLooserThanGet(rules.origin(), entry);
            entries.put(entry.pattern, entry);
        }

        AnnotationReader reader = new AnnotationReader(settings);
        Map<String, AnnotatedServlet> annotated = new HashMap<>();
        Set<String> names = new LinkedHashSet<>();
        for (ServletInfo servlet : servlets) {
            if (!names.add(servlet.name())) {
                throw new PolicyException("servlet \"" + Texts.printable(servlet.name()) + "\"", "listed twice");
            }
            if (servlet.servletClass() == null) {
                continue;
            }
            AnnotationReader.ServletAnnotations found = reader.read(servlet.servletClass());
            if (found == null) {
                continue;
            }
            AnnotatedServlet a = new AnnotatedServlet(found, entries.size());
            for (Entry entry : entries.values()) {
                Permission[] combined = new Permission[Methods.COUNT];
                for (int m = 0; m < Methods.COUNT; m++) {
                    if (entry.byMethod[m] != null && a.own[m] != null) {
                        combined[m] = entry.byMethod[m].and(a.own[m]);
                    }
                }
                a.combined[entry.id] = combined;
            }
            annotated.put(servlet.name(), a);
        }

        Map<UrlPattern, Entry> patterns = Collections.unmodifiableMap(entries);
        Map<String, AnnotatedServlet> servletsWithAnnotations = Map.copyOf(annotated);
        Permission unmatched = Permission.unmatched(settings.denyUnmatched());
        // the report asks the compiled policy what each request gets, so it is written in a second step
        Policy policy = new Policy(patterns, servletsWithAnnotations, unmatched, null, null);
        PolicyReport report = new ReportBuilder(policy, rules.origin(), parsed, servlets, files, settings).build();
        List<String> description = new ReportLog(policy, parsed, servlets, report).lines();
        return new Policy(patterns, servletsWithAnnotations, unmatched, report, description);
    }

    private static void checkConflicts(String origin, List<Rule> rules) throws PolicyException {
        for (int j = 1; j < rules.size(); j++) {
            Rule later = rules.get(j);
            for (int i = 0; i < j; i++) {
                Rule earlier = rules.get(i);
                List<String> shared = new ArrayList<>();
                for (String method : Methods.ALL) {
                    if (earlier.covers(method) && later.covers(method)) {
                        shared.add(method);
                    }
                }
                if (!shared.isEmpty()) {
                    String which = shared.size() == Methods.COUNT ? "every method" : String.join(", ", shared);
                    throw new PolicyException(origin, later.line(), later.text(), "conflicts with line "
                            + earlier.line() + " (\"" + Texts.printable(earlier.text()) + "\"): both cover " + which
                            + " on " + later.pattern() + "; give each method one rule");
                }
            }
        }
    }

    private static void fill(Entry entry) {
        Map<Rule, Permission> perRule = new HashMap<>();
        // GET implies HEAD unless the pattern has its own HEAD rule (a rule without methods has HEAD too)
        Rule[] ruleByMethod = entry.ruleByMethod;
        for (int m = 0; m < Methods.COUNT; m++) {
            for (Rule rule : entry.rules) {
                if (rule.covers(Methods.ALL.get(m))) {
                    ruleByMethod[m] = rule;
                }
            }
        }
        if (ruleByMethod[Methods.HEAD] == null) {
            ruleByMethod[Methods.HEAD] = ruleByMethod[Methods.GET];
        }
        List<String> allowed = new ArrayList<>();
        for (int m = 0; m < Methods.COUNT; m++) {
            if (ruleByMethod[m] != null) {
                allowed.add(Methods.ALL.get(m));
            }
        }
        Set<String> allowedSet = Methods.ordered(allowed);
        for (int m = 0; m < Methods.COUNT; m++) {
            Rule rule = ruleByMethod[m];
            if (rule != null) {
                entry.byMethod[m] = perRule.computeIfAbsent(rule, r -> new Permission(r.requirement(),
                        r.reauthWithin(), r.idleWithin(), allowedSet, r.source()));
            }
        }
        List<String> lines = new ArrayList<>();
        for (Rule rule : entry.rules) {
            lines.add(String.valueOf(rule.line()));
        }
        entry.methodNotAllowed = Permission.methodNotAllowed(allowedSet, "rules for " + entry.pattern
                + (lines.size() == 1 ? " (line " : " (lines ") + String.join(", ", lines) + ")");
    }

    /**
     * A HEAD rule of its own may not ask less than the pattern's GET: the container answers HEAD by running
     * {@code doGet} (unless the servlet overrides {@code doHead}, which exists to answer the same more cheaply),
     * so a looser HEAD tells anyone the status, headers and length of what GET would answer. Where no rule of the
     * pattern names GET, GET is refused (405), and HEAD may only be denied too.
     */
    private static void checkHeadIsNotLooserThanGet(String origin, Entry entry) throws PolicyException {
        Rule head = entry.ruleByMethod[Methods.HEAD];
        Rule get = entry.ruleByMethod[Methods.GET];
        if (head == null || head == get) {
            return;
        }
        Permission getPermission = get == null ? entry.methodNotAllowed : entry.byMethod[Methods.GET];
        if (Permission.atLeastAsStrict(entry.byMethod[Methods.HEAD], getPermission)) {
            return;
        }
        String getSays = get == null
                ? ", which no rule of this pattern names (405)"
                : " (line " + get.line() + ": \"" + Texts.printable(get.text()) + "\")";
        throw new PolicyException(origin, head.line(), head.text(), "HEAD would ask less than GET on "
                + entry.pattern + getSays + ": the container answers HEAD with GET's status and headers, so give HEAD"
                + " at least GET's requirement and windows" + (get == null ? ", or name GET as well" : ""));
    }

    /**
     * What it takes to make this request.
     *
     * @param method      the request method (any string; those rules cannot name get a 405 permission)
     * @param path        {@link io.hallpass.filter.path.RequestPath#of} of the dispatch being checked
     * @param servletName the name of the servlet the container dispatched to, or null if unknown
     * @return the permission; never null
     */
    public Permission lookup(String method, String path, String servletName) {
        int m = Methods.index(method);
        Entry entry = match(path);
        AnnotatedServlet servlet = servletName == null || annotated.isEmpty() ? null : annotated.get(servletName);
        if (entry != null) {
            Permission rule = m < 0 ? null : entry.byMethod[m];
            if (rule == null) {
                return entry.methodNotAllowed;
            }
            if (servlet != null) {
                Permission both = servlet.combined[entry.id][m];
                if (both != null) {
                    return both;
                }
            }
            return rule;
        }
        if (m < 0) {
            return UNKNOWN_METHOD;
        }
        if (servlet != null && servlet.own[m] != null) {
            return servlet.own[m];
        }
        return unmatched;
    }

    /** Servlet url-pattern precedence: exact, longest prefix, extension, default. */
    private Entry match(String path) {
        return index.match(path);
    }

    /** The pattern that would select the rules for {@code path}, or null; for reports. */
    UrlPattern patternFor(String path) {
        Entry entry = match(path);
        return entry == null ? null : entry.pattern;
    }

    /** Every pattern that has rules, in the order of their first rule; for reports. */
    List<UrlPattern> patterns() {
        return List.copyOf(byPattern.keySet());
    }

    /** The rules of a pattern, in line order; for reports. */
    List<Rule> rulesOf(UrlPattern pattern) {
        return byPattern.get(pattern).rules;
    }

    /** The rule of {@code pattern} that applies to the method of index {@code m}, or null (a 405); for reports. */
    Rule ruleFor(UrlPattern pattern, int m) {
        return byPattern.get(pattern).ruleByMethod[m];
    }

    /** The permissions the annotations of this servlet give each method of {@link Methods#ALL}; nulls if none. */
    Permission[] annotationsOf(String servletName) {
        AnnotatedServlet servlet = annotated.get(servletName);
        return servlet == null ? new Permission[Methods.COUNT] : servlet.own.clone();
    }

    /** What the annotations of this servlet say and where, or null if it has none; for reports. */
    AnnotationReader.ServletAnnotations annotationDetails(String servletName) {
        AnnotatedServlet servlet = annotated.get(servletName);
        return servlet == null ? null : servlet.annotations;
    }

    /**
     * The effective-policy report, one line per item: every rule with the methods it covers, every servlet
     * with its mappings and the permission its annotations give each method, and the {@linkplain PolicyReport
     * gaps}. The filter logs it at start-up.
     */
    public List<String> describe() {
        return description;
    }

    /**
     * The effective-policy report as data: every servlet mapping with what each method needs there and where
     * that comes from, and the gaps. The filter publishes it for the application
     * ({@code Hallpass.policyReport(servletContext)}).
     */
    public PolicyReport report() {
        return report;
    }
}
