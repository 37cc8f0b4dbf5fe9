package io.hallpass.filter.policy;

import java.time.Duration;
import java.util.Set;

/**
 * One parsed rule line.
 *
 * @param line         1-based line number in its source
 * @param text         the rule as written, without comment
 * @param methods      the methods it names, or null when it names none (then it covers every method)
 * @param pattern      its url-pattern
 * @param requirement  who may pass
 * @param reauthWithin its re-authentication window, or null
 * @param idleWithin   its idle limit, or null
 */
record Rule(int line, String text, Set<String> methods, UrlPattern pattern, Requirement requirement,
            Duration reauthWithin, Duration idleWithin) {

    boolean covers(String method) {
        return methods == null || methods.contains(method);
    }

    String source() {
        return "rule line " + line;
    }
}
