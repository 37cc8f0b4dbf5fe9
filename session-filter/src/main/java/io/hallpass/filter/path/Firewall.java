package io.hallpass.filter.path;

import java.util.Optional;
import java.util.Set;

/**
 * The first check every request meets: a request whose target could be read in more than one way is
 * refused with 400 before any rule looks at it. Nothing is repaired. Repairing ({@code /a/../b} to
 * {@code /b}, {@code //} to {@code /}, stripping {@code ;jsessionid}) is where path-matching bypasses
 * are born: the filter and the container end up disagreeing about which resource was asked for.
 *
 * <p>What is refused, on the raw request URI ({@code getRequestURI()}, still percent-encoded):
 * <ul>
 *   <li>a URI that does not start with {@code /};</li>
 *   <li>any raw character outside printable ASCII ({@code !} to {@code ~}), so also a raw space or
 *       control character;</li>
 *   <li>a fragment ({@code #}), a query ({@code ?}: {@code getRequestURI()} never holds one),
 *       a backslash, a semicolon (path parameters);</li>
 *   <li>an empty segment ({@code //}) and a {@code .} or {@code ..} segment anywhere;</li>
 *   <li>these encoded, in either case: {@code /} ({@code %2F}), {@code \} ({@code %5C}),
 *       {@code .} ({@code %2E}), {@code ;} ({@code %3B}), {@code %} ({@code %25}, double encoding),
 *       controls {@code %00}-{@code %1F} and {@code %7F};</li>
 *   <li>invalid percent-encoding ({@code %G1}, {@code %2}, a trailing {@code %});</li>
 *   <li>encoded bytes that are not well-formed UTF-8 (overlong forms such as {@code %C0%AF},
 *       surrogates, {@code %FF}, truncated sequences), and decoded C1 controls (U+0080-U+009F)
 *       and the line and paragraph separators U+2028 and U+2029.</li>
 * </ul>
 * Then the container's decoded {@code servletPath + pathInfo} gets the same structural checks again
 * (defence in depth, in case a container or a proxy decoded differently): no {@code .} or {@code ..}
 * segment, no {@code //}, no {@code \}, {@code ;} or {@code %}, no control or separator character.
 *
 * <p>Methods other than {@code GET, HEAD, POST, PUT, PATCH, DELETE, OPTIONS} are refused too, compared
 * case-sensitively as HTTP requires: {@code TRACE}, {@code CONNECT}, {@code get} and invented verbs
 * never reach a servlet.
 *
 * <p>This covers every "suspicious sequence" of Jakarta Servlet 6.1 section 3.5.2 and what Spring
 * Security's {@code StrictHttpFirewall} rejects by default, and is stricter than both where they allow
 * a form that needs repairing (Servlet removes {@code /./} and {@code //}; we refuse them).
 *
 * <pre>{@code
 * Optional<String> problem = Firewall.strict().check(request.getMethod(), request.getRequestURI(),
 *         request.getServletPath(), request.getPathInfo());
 * if (problem.isPresent()) { response.sendError(400); return; }   // log problem.get(), never the URI
 * }</pre>
 *
 * The reasons are short fixed texts that never repeat the input, so they are safe to log and to show.
 * Instances are immutable and thread-safe.
 */
public final class Firewall {

    /** The methods the firewall lets through. */
    public static final Set<String> ALLOWED_METHODS =
            Set.of("GET", "HEAD", "POST", "PUT", "PATCH", "DELETE", "OPTIONS");

    static final String METHOD = "method not allowed";
    static final String NO_LEADING_SLASH = "path must start with '/'";
    static final String NOT_PRINTABLE = "non-printable or non-ASCII character in path";
    static final String FRAGMENT = "fragment in path";
    static final String QUERY = "query in path";
    static final String BACKSLASH = "backslash in path";
    static final String SEMICOLON = "semicolon in path";
    static final String EMPTY_SEGMENT = "empty segment in path";
    static final String DOT_SEGMENT = "dot segment in path";
    static final String ENCODED_SLASH = "encoded slash in path";
    static final String ENCODED_BACKSLASH = "encoded backslash in path";
    static final String ENCODED_PERIOD = "encoded period in path";
    static final String ENCODED_SEMICOLON = "encoded semicolon in path";
    static final String ENCODED_PERCENT = "encoded percent in path";
    static final String ENCODED_CONTROL = "encoded control character in path";
    static final String BAD_PERCENT = "invalid percent-encoding in path";
    static final String BAD_UTF8 = "invalid UTF-8 in path";
    static final String CONTROL = "control character in path";
    static final String SEPARATOR = "line or paragraph separator in path";
    static final String PERCENT_DECODED = "percent sign in decoded path";
    static final String BAD_SERVLET_PATH = "malformed servlet path";

    private static final Firewall STRICT = new Firewall();

    private Firewall() {
    }

    /** The firewall with every check on; there is no way to turn one off. */
    public static Firewall strict() {
        return STRICT;
    }

    /**
     * Checks one request.
     *
     * @param method      the request method, as sent
     * @param requestUri  {@code getRequestURI()}: context path and path, still percent-encoded, no query
     * @param servletPath {@code getServletPath()}, decoded by the container
     * @param pathInfo    {@code getPathInfo()}, decoded by the container, or null
     * @return empty if the request may proceed, else a short fixed reason for a 400 response
     */
    public Optional<String> check(String method, String requestUri, String servletPath, String pathInfo) {
        String problem = problem(method, requestUri, servletPath, pathInfo);
        return problem == null ? Optional.empty() : Optional.of(problem);
    }

    private static String problem(String method, String requestUri, String servletPath, String pathInfo) {
        if (method == null || !ALLOWED_METHODS.contains(method)) {
            return METHOD;
        }
        String raw = checkRaw(requestUri);
        if (raw != null) {
            return raw;
        }
        return checkDecoded(servletPath == null ? "" : servletPath, pathInfo == null ? "" : pathInfo);
    }

    // ---------------------------------------------------------------------------------------------
    // raw request URI

    private static String checkRaw(String uri) {
        if (uri == null || uri.isEmpty() || uri.charAt(0) != '/') {
            return NO_LEADING_SLASH;
        }
        Utf8 utf8 = new Utf8();
        int n = uri.length();
        int segmentStart = 1;
        for (int i = 0; i < n; i++) {
            char c = uri.charAt(i);
            if (c == '%') {
                if (i + 2 >= n) {
                    return BAD_PERCENT;
                }
                int hi = hex(uri.charAt(i + 1));
                int lo = hex(uri.charAt(i + 2));
                if (hi < 0 || lo < 0) {
                    return BAD_PERCENT;
                }
                int b = (hi << 4) | lo;
                String problem = b < 0x80 ? encodedAscii(b, utf8) : utf8.accept(b);
                if (problem != null) {
                    return problem;
                }
                i += 2;
                continue;
            }
            if (utf8.inSequence()) {
                return BAD_UTF8;
            }
            if (c < 0x21 || c > 0x7E) {
                return NOT_PRINTABLE;
            }
            switch (c) {
                case '#':
                    return FRAGMENT;
                case '?':
                    return QUERY;
                case '\\':
                    return BACKSLASH;
                case ';':
                    return SEMICOLON;
                case '/':
                    if (i > 0 && uri.charAt(i - 1) == '/') {
                        return EMPTY_SEGMENT;
                    }
                    if (i > 0 && isDotSegment(uri, segmentStart, i)) {
                        return DOT_SEGMENT;
                    }
                    segmentStart = i + 1;
                    break;
                default:
                    break;
            }
        }
        if (utf8.inSequence()) {
            return BAD_UTF8;
        }
        return isDotSegment(uri, segmentStart, n) ? DOT_SEGMENT : null;
    }

    private static String encodedAscii(int b, Utf8 utf8) {
        if (utf8.inSequence()) {
            return BAD_UTF8;
        }
        switch (b) {
            case '/':
                return ENCODED_SLASH;
            case '\\':
                return ENCODED_BACKSLASH;
            case '.':
                return ENCODED_PERIOD;
            case ';':
                return ENCODED_SEMICOLON;
            case '%':
                return ENCODED_PERCENT;
            default:
                return b < 0x20 || b == 0x7F ? ENCODED_CONTROL : null;
        }
    }

    private static int hex(char c) {
        if (c >= '0' && c <= '9') {
            return c - '0';
        }
        if (c >= 'A' && c <= 'F') {
            return c - 'A' + 10;
        }
        if (c >= 'a' && c <= 'f') {
            return c - 'a' + 10;
        }
        return -1;
    }

    /**
     * A strict UTF-8 decoder for the percent-encoded bytes of the URI (RFC 3629 table of well-formed
     * sequences: no overlong forms, no surrogates, nothing above U+10FFFF), which also refuses the
     * decoded characters that are controls or line breaks outside ASCII.
     */
    private static final class Utf8 {
        private int pending;
        private int codePoint;
        private int low = 0x80;
        private int high = 0xBF;

        boolean inSequence() {
            return pending > 0;
        }

        String accept(int b) {
            if (pending == 0) {
                return start(b);
            }
            if (b < low || b > high) {
                return BAD_UTF8;
            }
            codePoint = (codePoint << 6) | (b & 0x3F);
            low = 0x80;
            high = 0xBF;
            if (--pending > 0) {
                return null;
            }
            if (codePoint >= 0x80 && codePoint <= 0x9F) {
                return CONTROL;
            }
            if (codePoint == 0x2028 || codePoint == 0x2029) {
                return SEPARATOR;
            }
            return null;
        }

        private String start(int b) {
            if (b >= 0xC2 && b <= 0xDF) {
                return begin(1, b & 0x1F, 0x80, 0xBF);
            }
            if (b == 0xE0) {
                return begin(2, b & 0x0F, 0xA0, 0xBF);
            }
            if (b == 0xED) {
                return begin(2, b & 0x0F, 0x80, 0x9F);
            }
            if (b >= 0xE1 && b <= 0xEF) {
                return begin(2, b & 0x0F, 0x80, 0xBF);
            }
            if (b == 0xF0) {
                return begin(3, b & 0x07, 0x90, 0xBF);
            }
            if (b >= 0xF1 && b <= 0xF3) {
                return begin(3, b & 0x07, 0x80, 0xBF);
            }
            if (b == 0xF4) {
                return begin(3, b & 0x07, 0x80, 0x8F);
            }
            // a continuation byte without a lead byte, C0/C1 (always overlong) or F5-FF (never valid)
            return BAD_UTF8;
        }

        private String begin(int continuationBytes, int bits, int firstLow, int firstHigh) {
            pending = continuationBytes;
            codePoint = bits;
            low = firstLow;
            high = firstHigh;
            return null;
        }
    }

    // ---------------------------------------------------------------------------------------------
    // decoded servletPath + pathInfo

    private static String checkDecoded(String servletPath, String pathInfo) {
        if (!servletPath.isEmpty() && servletPath.charAt(0) != '/') {
            return BAD_SERVLET_PATH;
        }
        if (!pathInfo.isEmpty() && pathInfo.charAt(0) != '/') {
            return BAD_SERVLET_PATH;
        }
        int split = servletPath.length();
        int n = split + pathInfo.length();
        int segmentStart = 1;
        char previous = 0;
        for (int i = 0; i < n; i++) {
            char c = i < split ? servletPath.charAt(i) : pathInfo.charAt(i - split);
            if (c < 0x20 || (c >= 0x7F && c <= 0x9F)) {
                return CONTROL;
            }
            switch (c) {
                case '\u2028', '\u2029':
                    return SEPARATOR;
                case '\\':
                    return BACKSLASH;
                case ';':
                    return SEMICOLON;
                case '%':
                    return PERCENT_DECODED;
                case '/':
                    if (i > 0 && previous == '/') {
                        return EMPTY_SEGMENT;
                    }
                    if (i > 0 && isDotSegment(servletPath, pathInfo, segmentStart, i)) {
                        return DOT_SEGMENT;
                    }
                    segmentStart = i + 1;
                    break;
                default:
                    break;
            }
            previous = c;
        }
        return n > 0 && isDotSegment(servletPath, pathInfo, segmentStart, n) ? DOT_SEGMENT : null;
    }

    private static boolean isDotSegment(String s, int start, int end) {
        int length = end - start;
        return (length == 1 && s.charAt(start) == '.')
                || (length == 2 && s.charAt(start) == '.' && s.charAt(start + 1) == '.');
    }

    private static boolean isDotSegment(String a, String b, int start, int end) {
        int length = end - start;
        if (length < 1 || length > 2) {
            return false;
        }
        for (int i = start; i < end; i++) {
            char c = i < a.length() ? a.charAt(i) : b.charAt(i - a.length());
            if (c != '.') {
                return false;
            }
        }
        return true;
    }
}
