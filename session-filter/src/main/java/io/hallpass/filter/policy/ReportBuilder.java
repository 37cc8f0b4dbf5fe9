package io.hallpass.filter.policy;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Builds the {@link PolicyReport} of a compiled policy by asking it, for one representative request path of
 * every kind of path the application has, what each method gets.
 *
 * <p>Why a handful of paths is enough: which rule pattern selects a path, and which servlet mapping the container
 * dispatches it to, depend only on which exact pattern it equals, the deepest {@code /prefix/*} it lies under and
 * the extension of its last segment. So the report asks for: every exact pattern; every prefix itself; below every
 * prefix (and below the root), a segment no pattern uses, bare and with each extension any pattern names; and
 * every file of the application. Those paths meet every combination of rule pattern and servlet mapping that any
 * request can meet, and each answer is {@link Policy#lookup}'s own, so the report shows what is enforced.
 */
final class ReportBuilder {

    /** One url-pattern of one servlet: where the container sends a request. */
    private record Target(ServletInfo servlet, String mapping) {
    }

    /** The requests that reach one target and that one rule pattern (or none: null) selects. */
    private record AreaKey(Target target, UrlPattern pattern) {
    }

    /** What every request of an area gets per method, and the paths that stood for it. */
    private static final class AreaData {
        final Permission[] permissions = new Permission[Methods.COUNT];
        final List<String> paths = new ArrayList<>();
    }

    /** What the paths a rule pattern selects reach. */
    private static final class Reach {
        boolean dispatched;
        boolean content;
    }

    private final Policy policy;
    private final String origin;
    private final List<Rule> rules;
    private final List<ServletInfo> servlets;
    private final Set<String> files;
    private final PolicySettings settings;
    private final Map<UrlPattern, Target> mappingPatterns = new LinkedHashMap<>();
    private final PatternIndex<Target> mappings;

    ReportBuilder(Policy policy, String origin, List<Rule> rules, List<ServletInfo> servlets, Collection<String> files,
                  PolicySettings settings) {
        this.policy = policy;
        this.origin = origin;
        this.rules = rules;
        this.servlets = servlets;
        this.files = files == null ? null : servedFiles(files);
        this.settings = settings;
        for (ServletInfo servlet : servlets) {
            for (String mapping : servlet.mappings()) {
                UrlPattern pattern = UrlPattern.ofMapping(mapping);
                if (pattern != null) {
                    mappingPatterns.putIfAbsent(pattern, new Target(servlet, mapping));
                }
            }
        }
        this.mappings = PatternIndex.of(mappingPatterns);
    }

    private static Set<String> servedFiles(Collection<String> files) {
        Set<String> served = new HashSet<>();
        for (String file : files) {
            if (file.startsWith("/") && !file.endsWith("/") && !file.startsWith("/WEB-INF/")
                    && !file.startsWith("/META-INF/")) {
                served.add(file);
            }
        }
        return served;
    }

    PolicyReport build() {
        Set<String> prefixes = new LinkedHashSet<>();
        Set<String> exacts = new LinkedHashSet<>();
        Set<String> extensions = new LinkedHashSet<>();
        List<UrlPattern> literals = new ArrayList<>(policy.patterns());
        literals.addAll(mappingPatterns.keySet());
        for (UrlPattern p : literals) {
            switch (p.kind()) {
                case EXACT, CONTEXT_ROOT -> exacts.add(p.value());
                case PREFIX -> prefixes.add(p.value());
                case EXTENSION -> extensions.add(p.value());
                case DEFAULT -> {
                }
            }
        }
        prefixes.add("");
        String fresh = freshSegment(prefixes, exacts);

        Set<String> paths = new LinkedHashSet<>();
        paths.add("/");
        paths.addAll(exacts);
        for (String prefix : prefixes) {
            if (!prefix.isEmpty()) {
                paths.add(prefix);
            }
            paths.add(prefix + "/" + fresh);
            for (String extension : extensions) {
                paths.add(prefix + "/" + fresh + extension);
            }
        }
        if (files != null) {
            paths.addAll(files);
        }

        Map<AreaKey, AreaData> areas = new LinkedHashMap<>();
        Map<UrlPattern, Reach> reach = new LinkedHashMap<>();
        for (String path : paths) {
            Target target = mappings.match(path);
            UrlPattern pattern = policy.patternFor(path);
            boolean served = target != null && !target.servlet().servesNothing();
            if (pattern != null) {
                Reach r = reach.computeIfAbsent(pattern, p -> new Reach());
                r.dispatched |= served;
                r.content |= served
                        && (!target.servlet().isContainerDefault() || files == null || files.contains(path));
            }
            if (target == null) {
                continue;
            }
            AreaData data = areas.computeIfAbsent(new AreaKey(target, pattern), k -> {
                AreaData d = new AreaData();
                for (int m = 0; m < Methods.COUNT; m++) {
                    d.permissions[m] = policy.lookup(Methods.ALL.get(m), path, target.servlet().name());
                }
                return d;
            });
            data.paths.add(path);
        }

        List<PolicyReport.Gap> gaps = new ArrayList<>();
        List<PolicyReport.Mapping> mappingReports = new ArrayList<>();
        for (ServletInfo servlet : servlets) {
            for (String mapping : servlet.mappings()) {
                Target target = new Target(servlet, mapping);
                List<AreaKey> keys = new ArrayList<>();
                areas.keySet().stream().filter(k -> k.target().equals(target)).forEach(keys::add);
                keys.sort(Comparator.comparingInt(k -> k.pattern() == null ? Integer.MAX_VALUE
                        : policy.rulesOf(k.pattern()).get(0).line()));
                List<PolicyReport.Area> areaReports = new ArrayList<>();
                for (AreaKey key : keys) {
                    areaReports.add(area(key, areas.get(key)));
                }
                mappingReports.add(new PolicyReport.Mapping(servlet.name(), servlet.className(), mapping, areaReports));
                if (!servlet.servesNothing()) {
                    uncovered(target, keys, areas).ifPresent(gaps::add);
                }
            }
        }
        gaps.addAll(publicInsideProtected(areas, prefixes, fresh));
        gaps.addAll(sensitiveWithoutReauth(areas));
        if (!servlets.isEmpty()) {
            gaps.addAll(unreachable(reach));
        }
        return new PolicyReport(origin, settings.denyUnmatched(), ruleLines(), mappingReports, rolesNamed(), null,
                gaps);
    }

    /** A segment that no pattern or file has, nor starts with, and without a '.': it selects nothing by itself. */
    private String freshSegment(Set<String> prefixes, Set<String> exacts) {
        Set<String> segments = new HashSet<>();
        List<String> all = new ArrayList<>(prefixes);
        all.addAll(exacts);
        if (files != null) {
            all.addAll(files);
        }
        for (String literal : all) {
            segments.addAll(List.of(literal.split("/")));
        }
        String fresh = "hallpass-any";
        while (startsAny(segments, fresh)) {
            fresh += "-";
        }
        return fresh;
    }

    private static boolean startsAny(Set<String> segments, String fresh) {
        for (String segment : segments) {
            if (segment.startsWith(fresh)) {
                return true;
            }
        }
        return false;
    }

    private List<PolicyReport.RuleLine> ruleLines() {
        List<PolicyReport.RuleLine> out = new ArrayList<>();
        for (Rule rule : rules) {
            List<String> methods = new ArrayList<>();
            for (int m = 0; m < Methods.COUNT; m++) {
                if (policy.ruleFor(rule.pattern(), m) == rule) {
                    methods.add(Methods.ALL.get(m));
                }
            }
            out.add(new PolicyReport.RuleLine(rule.line(), rule.text(), rule.pattern().toString(), methods,
                    rule.requirement(), rule.reauthWithin(), rule.idleWithin()));
        }
        return out;
    }

    private PolicyReport.Area area(AreaKey key, AreaData data) {
        List<PolicyReport.Access> access = new ArrayList<>();
        AnnotationReader.ServletAnnotations annotations = policy.annotationDetails(key.target().servlet().name());
        for (int m = 0; m < Methods.COUNT; m++) {
            access.add(access(Methods.ALL.get(m), m, data.permissions[m], key.pattern(), annotations));
        }
        return new PolicyReport.Area(key.pattern() == null ? null : key.pattern().toString(), access);
    }

    /** Traces each part of a permission to the rule line or annotation it came from. */
    private PolicyReport.Access access(String method, int m, Permission permission, UrlPattern pattern,
                                       AnnotationReader.ServletAnnotations annotations) {
        if (permission.isUnmatched()) {
            return new PolicyReport.Access(method, permission, List.of(new PolicyReport.Origin.Unmatched()), null,
                    null);
        }
        if (!permission.methodAllowed()) {
            List<PolicyReport.Origin> lines = new ArrayList<>();
            if (pattern != null) {
                policy.rulesOf(pattern).forEach(r -> lines.add(origin(r)));
            }
            return new PolicyReport.Access(method, permission, lines, null, null);
        }
        Rule rule = pattern == null ? null : policy.ruleFor(pattern, m);
        boolean annotated = annotations != null && annotations.permissions()[m] != null;
        PolicyReport.Origin who = annotated ? annotations.accessFrom()[m] : null;
        PolicyReport.Origin sensitive = annotated ? annotations.sensitiveFrom()[m] : null;
        List<PolicyReport.Origin> requirementFrom = new ArrayList<>();
        if (rule != null) {
            requirementFrom.add(origin(rule));
        }
        if (who != null) {
            requirementFrom.add(who);
        } else if (sensitive != null) {
            requirementFrom.add(sensitive); // @Sensitive alone asks for a signed-in user
        }
        PolicyReport.Origin reauthFrom = permission.reauthWithin() == null ? null
                : rule != null && permission.reauthWithin().equals(rule.reauthWithin()) ? origin(rule) : sensitive;
        PolicyReport.Origin idleFrom = permission.idleWithin() == null ? null
                : rule != null && permission.idleWithin().equals(rule.idleWithin()) ? origin(rule) : sensitive;
        return new PolicyReport.Access(method, permission, requirementFrom, reauthFrom, idleFrom);
    }

    private static PolicyReport.Origin origin(Rule rule) {
        return new PolicyReport.Origin.FromRule(rule.line(), rule.text());
    }

    /** Gap (a): methods that some requests of the mapping get as unmatched. */
    private Optional<PolicyReport.Gap> uncovered(Target target, List<AreaKey> keys,
                                                         Map<AreaKey, AreaData> areas) {
        List<String> methods = new ArrayList<>();
        boolean partly = false;
        for (int m = 0; m < Methods.COUNT; m++) {
            boolean unmatched = false;
            boolean covered = false;
            for (AreaKey key : keys) {
                boolean u = areas.get(key).permissions[m].isUnmatched();
                unmatched |= u;
                covered |= !u;
            }
            if (unmatched) {
                methods.add(Methods.ALL.get(m));
                partly |= covered;
            }
        }
        return methods.isEmpty() ? Optional.empty() : Optional.of(new PolicyReport.Gap.Uncovered(
                target.servlet().name(), target.mapping(), methods, partly, settings.denyUnmatched()));
    }

    /**
     * Gap (b): for each area with public methods, the deepest {@code /prefix/*} above one of its paths whose
     * own other paths (the prefix and a fresh segment) fall in another area that asks for more. The root prefix
     * does not count.
     */
    private List<PolicyReport.Gap> publicInsideProtected(Map<AreaKey, AreaData> areas, Set<String> prefixes,
                                                         String fresh) {
        List<String> deepestFirst = new ArrayList<>(prefixes);
        deepestFirst.remove("");
        deepestFirst.sort(Comparator.comparingInt(String::length).reversed());
        Map<List<Object>, PolicyReport.Gap.PublicInsideProtected> found = new LinkedHashMap<>();
        for (Map.Entry<AreaKey, AreaData> e : areas.entrySet()) {
            AreaKey key = e.getKey();
            List<Integer> open = new ArrayList<>();
            for (int m = 0; m < Methods.COUNT; m++) {
                Permission p = e.getValue().permissions[m];
                if (p.methodAllowed() && p.requirement() instanceof Requirement.Public) {
                    open.add(m);
                }
            }
            if (open.isEmpty() || key.target().servlet().servesNothing()) {
                continue;
            }
            for (String path : e.getValue().paths) {
                for (String prefix : deepestFirst) {
                    if (!(path.equals(prefix) || path.startsWith(prefix + "/"))) {
                        continue;
                    }
                    String around = prefix + "/" + fresh;
                    Target other = mappings.match(around);
                    if (other == null || other.servlet().servesNothing()
                            || new AreaKey(other, policy.patternFor(around)).equals(key)) {
                        continue;
                    }
                    List<String> methods = new ArrayList<>();
                    Requirement requires = null;
                    for (int m : open) {
                        Permission p = policy.lookup(Methods.ALL.get(m), around, other.servlet().name());
                        if (p.methodAllowed() && !p.isUnmatched() && !(p.requirement() instanceof Requirement.Public)) {
                            methods.add(Methods.ALL.get(m));
                            requires = requires == null ? p.requirement() : requires;
                        }
                    }
                    if (!methods.isEmpty()) {
                        found.putIfAbsent(List.of(key, prefix), new PolicyReport.Gap.PublicInsideProtected(
                                key.target().servlet().name(), key.target().mapping(),
                                key.pattern() == null ? null : key.pattern().toString(), methods, prefix + "/*",
                                requires));
                        break;
                    }
                }
            }
        }
        return new ArrayList<>(found.values());
    }

    /** Gap (c): sensitive-looking areas whose unsafe methods (and reads, for an export) need no recent password. */
    private List<PolicyReport.Gap> sensitiveWithoutReauth(Map<AreaKey, AreaData> areas) {
        List<PolicyReport.Gap> out = new ArrayList<>();
        for (Map.Entry<AreaKey, AreaData> e : areas.entrySet()) {
            AreaKey key = e.getKey();
            if (key.target().servlet().servesNothing()) {
                continue;
            }
            String pattern = key.pattern() == null ? null : key.pattern().toString();
            String word = SensitiveWords.find(key.target().mapping(), pattern, key.target().servlet().name());
            if (word == null) {
                continue;
            }
            List<String> methods = new ArrayList<>();
            for (int m = 0; m < Methods.COUNT; m++) {
                String method = Methods.ALL.get(m);
                boolean unsafe = !(m == Methods.GET || m == Methods.HEAD || method.equals("OPTIONS"));
                boolean read = (m == Methods.GET || m == Methods.HEAD) && word.equals(SensitiveWords.EXPORT);
                Permission p = e.getValue().permissions[m];
                boolean signedIn = p.requirement() instanceof Requirement.Authenticated
                        || p.requirement() instanceof Requirement.Roles;
                if ((unsafe || read) && p.methodAllowed() && signedIn && p.reauthWithin() == null) {
                    methods.add(method);
                }
            }
            if (!methods.isEmpty()) {
                out.add(new PolicyReport.Gap.SensitiveWithoutReauth(key.target().servlet().name(),
                        key.target().mapping(), pattern, methods, word));
            }
        }
        return out;
    }

    /** Gap (e): rules whose paths reach nothing that serves; see {@link PolicyReport.Gap.UnreachableRule.Why}. */
    private List<PolicyReport.Gap> unreachable(Map<UrlPattern, Reach> reach) {
        List<PolicyReport.Gap> out = new ArrayList<>();
        for (UrlPattern pattern : policy.patterns()) {
            Reach r = reach.get(pattern);
            if (r != null && (r.content || (pattern.isCatchAll() && r.dispatched))) {
                continue;
            }
            PolicyReport.Gap.UnreachableRule.Why why = r == null ? PolicyReport.Gap.UnreachableRule.Why.SHADOWED
                    : !r.dispatched ? PolicyReport.Gap.UnreachableRule.Why.NO_SERVLET
                    : PolicyReport.Gap.UnreachableRule.Why.NO_FILE;
            for (Rule rule : policy.rulesOf(pattern)) {
                out.add(new PolicyReport.Gap.UnreachableRule(rule.line(), rule.text(), why));
            }
        }
        return out;
    }

    /** Every role named by a rule, or by an annotation that applies to some method, with where. */
    private Map<String, List<PolicyReport.Origin>> rolesNamed() {
        Map<String, Set<PolicyReport.Origin>> named = new LinkedHashMap<>();
        for (Rule rule : rules) {
            if (rule.requirement() instanceof Requirement.Roles roles) {
                roles.allOf().forEach(set -> set.forEach(role ->
                        named.computeIfAbsent(role, k -> new LinkedHashSet<>()).add(origin(rule))));
            }
        }
        for (ServletInfo servlet : servlets) {
            AnnotationReader.ServletAnnotations annotations = policy.annotationDetails(servlet.name());
            if (annotations == null) {
                continue;
            }
            for (int m = 0; m < Methods.COUNT; m++) {
                Permission p = annotations.permissions()[m];
                if (p != null && p.requirement() instanceof Requirement.Roles roles) {
                    PolicyReport.Origin where = annotations.accessFrom()[m];
                    roles.allOf().forEach(set -> set.forEach(role ->
                            named.computeIfAbsent(role, k -> new LinkedHashSet<>()).add(where)));
                }
            }
        }
        Map<String, List<PolicyReport.Origin>> out = new LinkedHashMap<>();
        named.forEach((role, where) -> out.put(role, List.copyOf(where)));
        return out;
    }
}
