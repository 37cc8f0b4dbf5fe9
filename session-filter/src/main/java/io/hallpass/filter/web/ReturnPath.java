package io.hallpass.filter.web;

import java.util.Set;
import java.util.regex.Pattern;

/**
 * Where to send a browser after it signs in or re-authenticates: a same-origin, application-relative path
 * (such as {@code /orders?page=2}) and nothing else. Anything that could leave the origin or confuse a later
 * reader ({@code //evil}, {@code /\evil}, a scheme, encoded separators or dots, control characters, our own
 * endpoints) is replaced by {@code /}. The context path is added when redirecting, never accepted here.
 */
public final class ReturnPath {

    static final int MAX_LENGTH = 2048;

    private static final Pattern PATH = Pattern.compile("/[A-Za-z0-9._~!$&'()*+,=:@/%-]*");
    private static final Pattern QUERY = Pattern.compile("[A-Za-z0-9._~!$&'()*+,;=:@/?%-]*");
    private static final Pattern PERCENT = Pattern.compile("%(?![0-9A-Fa-f]{2})");
    // encoded '/', '\', '.', '%' and controls could turn into something else after one more decoding
    private static final Pattern DANGEROUS_ESCAPE = Pattern.compile("%(2[fFeE5]|5[cC]|[01][0-9A-Fa-f]|7[fF])");

    private final Set<String> refused;

    /** @param refusedPaths application paths never returned to (the login, logout and re-authentication endpoints) */
    public ReturnPath(Set<String> refusedPaths) {
        this.refused = Set.copyOf(refusedPaths);
    }

    /** The candidate if it is a safe application-relative path, else {@code "/"}. */
    public String sanitise(String candidate) {
        return isSafe(candidate) ? candidate : "/";
    }

    public boolean isSafe(String candidate) {
        if (candidate == null || candidate.isEmpty() || candidate.length() > MAX_LENGTH) {
            return false;
        }
        if (candidate.startsWith("//") || candidate.startsWith("/\\")) {
            return false;
        }
        int q = candidate.indexOf('?');
        String path = q < 0 ? candidate : candidate.substring(0, q);
        String query = q < 0 ? "" : candidate.substring(q + 1);
        if (!PATH.matcher(path).matches() || !QUERY.matcher(query).matches()) {
            return false;
        }
        if (PERCENT.matcher(candidate).find() || DANGEROUS_ESCAPE.matcher(candidate).find()) {
            return false;
        }
        if (path.contains("//")) {
            return false;
        }
        for (String segment : path.split("/", -1)) {
            if (segment.equals(".") || segment.equals("..")) {
                return false;
            }
        }
        return !refused.contains(path);
    }
}
