package io.hallpass.filter.web;

import jakarta.servlet.http.Cookie;
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

    /**
     * The value of the named cookie. Two or more cookies of that name are reported as {@code duplicated} (the
     * caller refuses the request rather than pick one: a second cookie is what a cookie-tossing attack looks
     * like). An over-long value counts as absent.
     */
    public static Read read(HttpServletRequest request, String name) {
        Cookie[] cookies = request.getCookies();
        if (cookies == null) {
            return Read.ABSENT;
        }
        String found = null;
        int count = 0;
        for (Cookie cookie : cookies) {
            if (name.equals(cookie.getName())) {
                count++;
                found = cookie.getValue();
            }
        }
        if (count > 1) {
            return new Read(null, true);
        }
        if (found == null || found.isEmpty() || found.length() > MAX_VALUE) {
            return Read.ABSENT;
        }
        return new Read(found, false);
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
