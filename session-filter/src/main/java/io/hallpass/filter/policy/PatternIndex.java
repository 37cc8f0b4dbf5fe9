package io.hallpass.filter.policy;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Servlet url-pattern precedence (Servlet 6.1 section 12.1) over a fixed set of patterns, each with a value:
 * the exact pattern equal to the path, else the longest {@code /prefix/*} (matched segment by segment, so
 * {@code /admin/*} matches {@code /admin} but never {@code /administrator}), else the {@code *.ext} the path
 * ends with, else the default {@code /}. The one home of this rule: the policy selects rules with it, and the
 * effective-policy report selects servlet mappings with it, so that both agree with the container and with each
 * other. {@link #match} allocates nothing.
 *
 * @param <T> what a pattern selects
 */
final class PatternIndex<T> {

    private final Map<String, T> exact;
    private final String[] prefixes;
    private final Object[] prefixTargets;
    private final String[] extensions;
    private final Object[] extensionTargets;
    private final T fallback;

    private PatternIndex(Map<String, T> exact, String[] prefixes, Object[] prefixTargets, String[] extensions,
                         Object[] extensionTargets, T fallback) {
        this.exact = exact;
        this.prefixes = prefixes;
        this.prefixTargets = prefixTargets;
        this.extensions = extensions;
        this.extensionTargets = extensionTargets;
        this.fallback = fallback;
    }

    /** An index of the given patterns; where a pattern appears twice, the first value is kept. */
    static <T> PatternIndex<T> of(Map<UrlPattern, T> byPattern) {
        Map<String, T> exact = new HashMap<>();
        List<Map.Entry<UrlPattern, T>> prefixes = new ArrayList<>();
        List<Map.Entry<UrlPattern, T>> extensions = new ArrayList<>();
        T fallback = null;
        for (Map.Entry<UrlPattern, T> e : byPattern.entrySet()) {
            switch (e.getKey().kind()) {
                case EXACT, CONTEXT_ROOT -> exact.putIfAbsent(e.getKey().value(), e.getValue());
                case PREFIX -> prefixes.add(e);
                case EXTENSION -> extensions.add(e);
                case DEFAULT -> fallback = fallback == null ? e.getValue() : fallback;
            }
        }
        prefixes.sort(Comparator.comparingInt((Map.Entry<UrlPattern, T> e) -> e.getKey().value().length()).reversed());
        return new PatternIndex<>(Map.copyOf(exact),
                prefixes.stream().map(e -> e.getKey().value()).toArray(String[]::new),
                prefixes.stream().map(Map.Entry::getValue).toArray(),
                extensions.stream().map(e -> e.getKey().value()).toArray(String[]::new),
                extensions.stream().map(Map.Entry::getValue).toArray(),
                fallback);
    }

    /** The value of the pattern that selects {@code path}, or null if none does. */
    @SuppressWarnings("unchecked")
    T match(String path) {
        T hit = exact.get(path);
        if (hit != null) {
            return hit;
        }
        for (int i = 0; i < prefixes.length; i++) {
            String value = prefixes[i];
            if (path.startsWith(value) && (path.length() == value.length() || path.charAt(value.length()) == '/')) {
                return (T) prefixTargets[i];
            }
        }
        for (int i = 0; i < extensions.length; i++) {
            if (path.endsWith(extensions[i])) {
                return (T) extensionTargets[i];
            }
        }
        return fallback;
    }
}
