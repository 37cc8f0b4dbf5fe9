package io.hallpass.filter.policy;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
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
 * policy.describe().forEach(log::info);                              // the effective-policy report
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
 * cover the same method are a compile error.
 *
 * <h2>Annotations</h2>
 * {@code @Public}, {@code @Authenticated}, {@code @RequireRole} and {@code @Sensitive} on the servlets of the
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
        final ServletInfo info;
        final Permission[] own;
        final Permission[][] combined;

        AnnotatedServlet(ServletInfo info, Permission[] own, int entries) {
            this.info = info;
            this.own = own;
            this.combined = new Permission[entries][];
        }
    }

    private static final Permission UNKNOWN_METHOD = Permission.methodNotAllowed(Methods.ALL_SET, "unmatched");

    private final Map<String, Entry> exact;
    private final Entry[] prefixes;
    private final Entry[] extensions;
    private final Entry fallback;
    private final Map<String, AnnotatedServlet> annotated;
    private final Permission unmatched;
    private final List<String> description;

    private Policy(Map<String, Entry> exact, Entry[] prefixes, Entry[] extensions, Entry fallback,
                   Map<String, AnnotatedServlet> annotated, Permission unmatched, List<String> description) {
        this.exact = exact;
        this.prefixes = prefixes;
        this.extensions = extensions;
        this.fallback = fallback;
        this.annotated = annotated;
        this.unmatched = unmatched;
        this.description = description;
    }

    /**
     * Compiles rules and the annotations of the given servlets.
     *
     * @param rules    the rule text and its origin
     * @param servlets the servlets of the context (their annotations are read now, once)
     * @param settings unmatched handling and the default re-authentication window
     * @throws PolicyException at the first rule or annotation that is invalid or conflicts with another; the
     *                         message names the place (origin and line, or class and method)
     */
    public static Policy compile(RuleSource rules, List<ServletInfo> servlets, PolicySettings settings)
            throws PolicyException {
        Objects.requireNonNull(rules, "rules");
        Objects.requireNonNull(servlets, "servlets");
        Objects.requireNonNull(settings, "settings");

        List<Rule> parsed = new RuleParser(rules, settings.defaultReauthWindow()).parse();
        Map<UrlPattern, List<Rule>> byPattern = new LinkedHashMap<>();
        for (Rule rule : parsed) {
            byPattern.computeIfAbsent(rule.pattern(), p -> new ArrayList<>()).add(rule);
        }

        List<Entry> entries = new ArrayList<>();
        for (Map.Entry<UrlPattern, List<Rule>> group : byPattern.entrySet()) {
            checkConflicts(rules.origin(), group.getValue());
            Entry entry = new Entry(entries.size(), group.getKey(), List.copyOf(group.getValue()));
            fill(entry);
            entries.add(entry);
        }

        Map<String, Entry> exact = new HashMap<>();
        List<Entry> prefixes = new ArrayList<>();
        List<Entry> extensions = new ArrayList<>();
        Entry fallback = null;
        for (Entry entry : entries) {
            switch (entry.pattern.kind()) {
                case EXACT, CONTEXT_ROOT -> exact.put(entry.pattern.value(), entry);
                case PREFIX -> prefixes.add(entry);
                case EXTENSION -> extensions.add(entry);
                case DEFAULT -> fallback = entry;
            }
        }
        prefixes.sort(Comparator.comparingInt((Entry e) -> e.pattern.value().length()).reversed());

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
            Permission[] own = reader.read(servlet.servletClass());
            if (own == null) {
                continue;
            }
            AnnotatedServlet a = new AnnotatedServlet(servlet, own, entries.size());
            for (Entry entry : entries) {
                Permission[] combined = new Permission[Methods.COUNT];
                for (int m = 0; m < Methods.COUNT; m++) {
                    if (entry.byMethod[m] != null && own[m] != null) {
                        combined[m] = entry.byMethod[m].and(own[m]);
                    }
                }
                a.combined[entry.id] = combined;
            }
            annotated.put(servlet.name(), a);
        }

        // the report asks the compiled policy which pattern covers what, so it is written in a second step
        Policy policy = new Policy(Map.copyOf(exact), prefixes.toArray(new Entry[0]),
                extensions.toArray(new Entry[0]), fallback, Map.copyOf(annotated),
                Permission.unmatched(settings.denyUnmatched()), null);
        List<String> report = new PolicyReport(rules, parsed, servlets, settings, policy).lines();
        return new Policy(policy.exact, policy.prefixes, policy.extensions, policy.fallback, policy.annotated,
                policy.unmatched, report);
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
        Rule[] ruleByMethod = new Rule[Methods.COUNT];
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
        Entry entry = exact.get(path);
        if (entry != null) {
            return entry;
        }
        for (Entry prefix : prefixes) {
            String value = prefix.pattern.value();
            if (path.startsWith(value) && (path.length() == value.length() || path.charAt(value.length()) == '/')) {
                return prefix;
            }
        }
        for (Entry extension : extensions) {
            if (path.endsWith(extension.pattern.value())) {
                return extension;
            }
        }
        return fallback;
    }

    /** The pattern that would select the rules for {@code path}, or null; for reports. */
    UrlPattern patternFor(String path) {
        Entry entry = match(path);
        return entry == null ? null : entry.pattern;
    }

    /** Every pattern that has rules; for reports. */
    List<UrlPattern> patterns() {
        List<UrlPattern> all = new ArrayList<>(exact.size() + prefixes.length + extensions.length + 1);
        exact.values().forEach(e -> all.add(e.pattern));
        Arrays.stream(prefixes).forEach(e -> all.add(e.pattern));
        Arrays.stream(extensions).forEach(e -> all.add(e.pattern));
        if (fallback != null) {
            all.add(fallback.pattern);
        }
        return all;
    }

    /** The methods of {@link Methods#ALL} that the annotations of this servlet cover; empty if none. */
    Permission[] annotationsOf(String servletName) {
        AnnotatedServlet servlet = annotated.get(servletName);
        return servlet == null ? new Permission[Methods.COUNT] : servlet.own.clone();
    }

    /**
     * The effective-policy report, one line per item: every rule with the methods it covers, every servlet
     * with its mappings and the permission its annotations give each method, and the gaps (servlet mappings
     * that no rule or annotation covers, which are denied, or public when unmatched requests are let through).
     * The filter logs it at start-up.
     */
    public List<String> describe() {
        return description;
    }
}
