package io.hallpass.filter.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * Reads and writes Hallpass's cookies. Set-Cookie headers are written by hand so that every container sends
 * exactly the same attributes: {@code Path=/}, no {@code Domain} (required by the {@code __Host-} prefix and
 * keeping the cookie on this host only), {@code HttpOnly}, {@code Secure} and {@code SameSite} as configured,
 * and no {@code Max-Age}/{@code Expires} for the session cookie, so the browser forgets it when it closes while
 * the server enforces the real lifetime.
 */
public final class Cookies {

    /** Cookie values longer than this are not tokens and are treated as absent. */
    static final int MAX_VALUE = 256;

    private final boolean secure;
    private final String sameSite;

    public Cookies(boolean secure, String sameSite) {
        this.secure = secure;
        this.sameSite = sameSite;
    }

    /** What the request carried under one cookie name. */
    public record Read(String value, boolean duplicated) {
        static final Read ABSENT = new Read(null, false);

        public boolean present() {
            return value != null;
        }
    }

    /** What the request carried under Hallpass's two cookie names, read in one pass over its headers. */
    public record Pair(Read first, Read second) {
        static final Pair ABSENT = new Pair(Read.ABSENT, Read.ABSENT);
    }

    /**
     * The value of the named cookie. Two or more cookies of that name are reported as {@code duplicated} (the
     * caller refuses the request rather than pick one: a second cookie is what a cookie-tossing attack looks
     * like). An over-long value counts as absent.
     *
     * <p>Read from the {@code Cookie} headers themselves (RFC 6265: {@code name=value} pairs separated by
     * {@code ;}), not through {@link HttpServletRequest#getCookies()}: that turns every cookie of the request into a
     * {@code Cookie} object on every request, the largest single cost of a signed-in request Hallpass can avoid.
     * Only an exact name matches; a value is taken as sent (surrounding whitespace aside), so one the container
     * would refuse or unquote is no well-formed token either and stands for no session.
     */
    public static Read read(HttpServletRequest request, String name) {
        return read(request, name, null).first();
    }

    /**
     * Two cookies at once, each as {@link #read(HttpServletRequest, String)} reads one, in a single pass over the
     * {@code Cookie} headers: the session and the device cookie of every signed-in request.
     *
     * @param second the second name, or null for none (then {@link Pair#second()} is absent)
     */
    public static Pair read(HttpServletRequest request, String first, String second) {
        java.util.Enumeration<String> headers = request.getHeaders("Cookie");
        if (headers == null) {
            return Pair.ABSENT;
        }
        String[] found = new String[2];
        int[] count = new int[2];
        while (headers.hasMoreElements()) {
            String header = headers.nextElement();
            int at = 0;
            int length = header.length();
            while (at < length) {
                int end = header.indexOf(';', at);
                if (end < 0) {
                    end = length;
                }
                int start = skipSpace(header, at, end);
                if (!take(header, start, end, first, 0, found, count) && second != null) {
                    take(header, start, end, second, 1, found, count);
                }
                at = end + 1;
            }
        }
        return new Pair(result(found[0], count[0]), result(found[1], count[1]));
    }

    /** If the pair at {@code start} is {@code name=...}, counts it and keeps its value in {@code found[slot]}. */
    private static boolean take(String header, int start, int end, String name, int slot, String[] found,
                                int[] count) {
        if (!header.startsWith(name, start)) {
            return false;
        }
        // "name=value", or "name = value" as containers tolerate it; "name-other=..." is another cookie
        int eq = skipSpace(header, start + name.length(), end);
        if (eq >= end || header.charAt(eq) != '=') {
            return false;
        }
        count[slot]++;
        found[slot] = header.substring(skipSpace(header, eq + 1, end), trimEnd(header, eq + 1, end));
        return true;
    }

    private static Read result(String found, int count) {
        if (count > 1) {
            return new Read(null, true);
        }
        if (found == null || found.isEmpty() || found.length() > MAX_VALUE) {
            return Read.ABSENT;
        }
        return new Read(found, false);
    }

    private static int skipSpace(String s, int from, int end) {
        while (from < end && (s.charAt(from) == ' ' || s.charAt(from) == '\t')) {
            from++;
        }
        return from;
    }

    private static int trimEnd(String s, int from, int end) {
        while (end > from && (s.charAt(end - 1) == ' ' || s.charAt(end - 1) == '\t')) {
            end--;
        }
        return end;
    }

    /** Sets a session cookie (no expiry: it lives until the browser closes or the server ends it). */
    public void set(HttpServletResponse response, String name, String value) {
        response.addHeader("Set-Cookie", header(name, value, null));
    }

    /** Sets a long-lived cookie, such as the device cookie. */
    public void setPersistent(HttpServletResponse response, String name, String value, long maxAgeSeconds) {
        response.addHeader("Set-Cookie", header(name, value, maxAgeSeconds));
    }

    /** Tells the browser to forget a cookie. */
    public void clear(HttpServletResponse response, String name) {
        response.addHeader("Set-Cookie", header(name, "", 0L));
    }

    String header(String name, String value, Long maxAge) {
        StringBuilder h = new StringBuilder(96).append(name).append('=').append(value).append("; Path=/");
        if (maxAge != null) {
            h.append("; Max-Age=").append(maxAge);
        }
        if (secure) {
            h.append("; Secure");
        }
        h.append("; HttpOnly; SameSite=").append(sameSite);
        return h.toString();
    }
}
