package io.hallpass.filter.it.attack;

import static io.hallpass.filter.it.attack.PropertyRun.chance;
import static io.hallpass.filter.it.attack.PropertyRun.oneOf;

import io.hallpass.realm.token.TokenCodec;
import java.util.Locale;
import java.util.SplittableRandom;

/**
 * The inputs the property suites draw: request targets and {@code Cookie} headers built from the pieces that
 * path-matching and cookie-parsing bypasses are made of. Every draw depends on the generator alone, so a seed
 * replays it.
 */
final class Grammar {

    /** Segments the probe application maps, so that a good share of targets reaches a servlet. */
    private static final String[] NAMES = {"public", "admin", "account", "export", "docs", "closed", "api", "x",
            "report.pdf", "a.PDF", "pdf", ".pdf", "admin.pdf", "file.txt", "hello", "caf%C3%A9", "%C3%A9t%C3%A9", "~",
            "-", "_", "a+b", "%20x", "%41dmin", "%61ccount", "%70ublic", "%2A", "*"};

    /** The probe application's mapped prefixes, which most targets start with. */
    private static final String[] PREFIXES = {"/public", "/admin", "/account", "/docs", "/closed", "/api",
            "/public/admin", "/admin/public", "/account/export", "/x.pdf", "/docs/a.pdf"};

    /** The pieces of known bypasses: dot segments, path parameters, encoded separators, double encoding, ... */
    private static final String[] TRICKS = {"", ".", "..", "...", "%2e", "%2E", "%2e%2e", "%2E%2e", ".%2e", "%2e.",
            ";", ";x=y", ";jsessionid=ABC", "..;", "%3b", "%3B", "%2f", "%2F", "..%2f", "%5c", "%5C", "..%5c", "\\",
            "%00", "%09", "%7f", "%0a", "%25", "%252e", "%252f", "%25%32%65", "%c0%ae", "%c0%af", "%ff", "%e2%80%a8",
            "%c2%85", "%u002e", "%", "%2", "%G1", "a%2fb", "public..", "\u00e9", "\u00ff", "%EF%BB%BF", "%2e%2e%2f",
            "ADMIN", "Admin", "PUBLIC", "Public", "aDmIn"};

    private static final String[] QUERIES = {"a=b", "to=/admin/x", "x=%2e%2e/..", "", "a=1&a=2", "q=..%2f..%2fadmin",
            "jsessionid=1", "%00=%00", "x=;y", "return=//evil.example"};

    private static final char[] BASE64URL =
            "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_".toCharArray();

    private static final TokenCodec TOKENS = new TokenCodec(null);

    private Grammar() {
    }

    /**
     * A request target: one to five segments, most often after a mapped prefix, of names and tricks (sometimes two glued together, sometimes with
     * their case changed), and now and then a trailing slash, a query string, a fragment, a very long segment,
     * an absolute-form target, a missing or doubled leading slash.
     */
    static String target(SplittableRandom random, int port) {
        StringBuilder path = new StringBuilder();
        int segments = chance(random, 4) ? 0 : 1 + random.nextInt(5);
        int first = 0;
        if (segments > 0 && chance(random, 70)) {
            path.append(oneOf(random, PREFIXES));
            first = 1;
        }
        for (int i = first; i < segments; i++) {
            path.append('/').append(segment(random));
        }
        if (segments == 0 || chance(random, 15)) {
            path.append('/');
        }
        if (chance(random, 4)) {
            String piece = segment(random) + "a";
            // either well below every container's 8 KiB request-head limit or well above it, cookie or not
            int length = chance(random, 30) ? 9_000 + random.nextInt(4_000) : 300 + random.nextInt(3_000);
            path.append('/').append(piece.repeat(length / piece.length() + 1), 0, length);
        }
        if (chance(random, 20)) {
            path.append('?').append(oneOf(random, QUERIES));
        }
        if (chance(random, 3)) {
            path.append("#frag");
        }
        String target = path.toString();
        int form = random.nextInt(100);
        if (form < 3) {
            return "http://127.0.0.1:" + port + target;
        }
        if (form < 5 && target.length() > 1) {
            return target.substring(1); // an empty target would not be a request line at all
        }
        return form < 8 ? "/" + target : target;
    }

    private static String segment(SplittableRandom random) {
        int kind = random.nextInt(100);
        String s = kind < 70 ? oneOf(random, NAMES)
                : kind < 90 ? oneOf(random, TRICKS)
                : oneOf(random, NAMES) + oneOf(random, TRICKS) + (chance(random, 50) ? oneOf(random, NAMES) : "");
        if (chance(random, 8)) {
            s = chance(random, 50) ? s.toUpperCase(Locale.ROOT) : randomCase(random, s);
        }
        return s;
    }

    private static String randomCase(SplittableRandom random, String s) {
        StringBuilder out = new StringBuilder(s.length());
        for (char c : s.toCharArray()) {
            out.append(random.nextBoolean() ? Character.toUpperCase(c) : Character.toLowerCase(c));
        }
        return out.toString();
    }

    /** The target as a message shows it: at most 200 characters, then how long it was. */
    static String shown(String target) {
        return target.length() <= 200 ? target : target.substring(0, 200) + "...(" + target.length() + " chars)";
    }

    /** A {@code Cookie} header and how many of its cookies carry exactly the session cookie's name. */
    record CookieHeader(String value, int sessionNamed) {
    }

    /**
     * A {@code Cookie} header of 1 to 40 cookies: the session cookie's name (and near misses of it) with token
     * lookalikes (the right prefix and length, a valid checksum but unknown, a live token with one character
     * changed, a revoked token), quoted, empty, non-ASCII and over-long values, {@code $Version} attributes and
     * assorted separators. It stays under 7,000 characters, below every container's header limit.
     *
     * @param liveToken    a token of a live session, never sent unchanged
     * @param revokedToken a token of a session that has been signed out
     */
    static CookieHeader cookies(SplittableRandom random, String session, String liveToken, String revokedToken) {
        StringBuilder header = new StringBuilder();
        int sessionNamed = 0;
        if (chance(random, 10)) {
            header.append("$Version=1; ");
        }
        int count = 1 + random.nextInt(chance(random, 80) ? 6 : 40);
        for (int i = 0; i < count; i++) {
            String name = cookieName(random, session);
            String value = cookieValue(random, liveToken, revokedToken);
            String cookie = name + "=" + value;
            if (header.length() + cookie.length() > 6_900) {
                break;
            }
            if (name.strip().equals(session)) {
                sessionNamed++;
            }
            if (i > 0) {
                header.append(oneOf(random, new String[] {"; ", "; ", "; ", ";", ";  ", ", "}));
            }
            header.append(cookie);
            if (chance(random, 5)) {
                header.append(oneOf(random, new String[] {"; $Path=/", "; $Domain=127.0.0.1", "; Path=/"}));
            }
        }
        return new CookieHeader(header.toString(), sessionNamed);
    }

    private static String cookieName(SplittableRandom random, String session) {
        int kind = random.nextInt(100);
        if (kind < 35) {
            return session;
        }
        if (kind < 60) {
            return oneOf(random, new String[] {session + "-device", "JSESSIONID", "__host-hallpass", "__Host-Hallpass",
                    "__Secure-hallpass", "hallpass", "__Host-hallpass2", "$Version", "__Host-hallpass%00",
                    "__Host-hallpass\u00e9", "\"" + session + "\""});
        }
        return base64url(random, 1 + random.nextInt(20));
    }

    private static String cookieValue(SplittableRandom random, String liveToken, String revokedToken) {
        switch (random.nextInt(12)) {
            case 0:
                return TokenCodec.PREFIX + base64url(random, TokenCodec.LENGTH - TokenCodec.PREFIX.length());
            case 1:
                return TOKENS.newToken(); // well-formed, valid checksum, issued by nobody
            case 2:
                return mutate(random, liveToken);
            case 3:
                return revokedToken;
            case 4:
                return "\"" + (random.nextBoolean() ? mutate(random, liveToken) : TOKENS.newToken()) + "\"";
            case 5:
                return "";
            case 6:
                return "\u00e9" + base64url(random, 20) + "\u00ff";
            case 7:
                return base64url(random, 257 + random.nextInt(400));
            case 8:
                return liveToken.substring(0, 4 + random.nextInt(liveToken.length() - 4)); // a prefix of it
            case 9:
                return base64url(random, 43) + "=";
            case 10:
                return mutate(random, liveToken).toUpperCase(Locale.ROOT);
            default:
                return base64url(random, random.nextInt(60));
        }
    }

    /** The token with one character after the prefix replaced by another base64url character. */
    private static String mutate(SplittableRandom random, String token) {
        char[] chars = token.toCharArray();
        int at = TokenCodec.PREFIX.length() + random.nextInt(chars.length - TokenCodec.PREFIX.length());
        char other;
        do {
            other = BASE64URL[random.nextInt(BASE64URL.length)];
        } while (other == chars[at]);
        chars[at] = other;
        return new String(chars);
    }

    private static String base64url(SplittableRandom random, int length) {
        char[] out = new char[length];
        for (int i = 0; i < length; i++) {
            out[i] = BASE64URL[random.nextInt(BASE64URL.length)];
        }
        return new String(out);
    }
}
