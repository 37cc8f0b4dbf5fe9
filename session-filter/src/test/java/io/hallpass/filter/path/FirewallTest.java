package io.hallpass.filter.path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

class FirewallTest {

    private static final String OK = "accepted";

    private final Firewall firewall = Firewall.strict();

    /** The raw request URI alone; the decoded parts are given as a well-behaved container would. */
    private String verdict(String method, String requestUri) {
        return verdict(method, requestUri, "/ok", null);
    }

    private String verdict(String method, String requestUri, String servletPath, String pathInfo) {
        Optional<String> reason = firewall.check(method, requestUri, servletPath, pathInfo);
        return reason.orElse(OK);
    }

    static Stream<Arguments> rawUris() {
        return Stream.of(
                // ordinary requests pass
                Arguments.of("/", OK),
                Arguments.of("/admin", OK),
                Arguments.of("/admin/", OK),
                Arguments.of("/shop/cart/items/42", OK),
                Arguments.of("/files/report.final.pdf", OK),
                Arguments.of("/foo/.bar", OK),
                Arguments.of("/foo/..bar", OK),
                Arguments.of("/foo/...", OK),
                Arguments.of("/foo%20bar", OK),
                Arguments.of("/foo%E2%82%ACbar", OK),
                Arguments.of("/caf%c3%a9", OK),
                Arguments.of("/%F0%9F%98%80", OK),
                Arguments.of("/a%23b", OK),
                Arguments.of("/a%3Fb", OK),
                Arguments.of("/a-b_c~d!$&'()*+,=:@", OK),

                // must start with '/'
                Arguments.of("", Firewall.NO_LEADING_SLASH),
                Arguments.of("foo/bar", Firewall.NO_LEADING_SLASH),
                Arguments.of("./foo", Firewall.NO_LEADING_SLASH),
                Arguments.of("%2e/foo", Firewall.NO_LEADING_SLASH),
                Arguments.of("*", Firewall.NO_LEADING_SLASH),
                Arguments.of("http://evil/admin", Firewall.NO_LEADING_SLASH),

                // traversal and dot segments, raw
                Arguments.of("/a/../admin", Firewall.DOT_SEGMENT),
                Arguments.of("/../admin", Firewall.DOT_SEGMENT),
                Arguments.of("/..", Firewall.DOT_SEGMENT),
                Arguments.of("/admin/..", Firewall.DOT_SEGMENT),
                Arguments.of("/./admin", Firewall.DOT_SEGMENT),
                Arguments.of("/admin/.", Firewall.DOT_SEGMENT),
                Arguments.of("/admin/./", Firewall.DOT_SEGMENT),
                Arguments.of("/.", Firewall.DOT_SEGMENT),

                // traversal, encoded
                Arguments.of("/%2e%2e/admin", Firewall.ENCODED_PERIOD),
                Arguments.of("/%2E%2E/admin", Firewall.ENCODED_PERIOD),
                Arguments.of("/.%2e/", Firewall.ENCODED_PERIOD),
                Arguments.of("/%2e./admin", Firewall.ENCODED_PERIOD),
                Arguments.of("/foo/%2e/bar", Firewall.ENCODED_PERIOD),
                Arguments.of("/file%2ejsp", Firewall.ENCODED_PERIOD),

                // path parameters
                Arguments.of("/admin;x=y/", Firewall.SEMICOLON),
                Arguments.of("/admin;jsessionid=1234", Firewall.SEMICOLON),
                Arguments.of("/foo/..;/admin", Firewall.SEMICOLON),
                Arguments.of("/;/admin", Firewall.SEMICOLON),
                Arguments.of("/admin%3B", Firewall.ENCODED_SEMICOLON),
                Arguments.of("/admin%3bx=y", Firewall.ENCODED_SEMICOLON),

                // encoded separators
                Arguments.of("/admin%2Fusers", Firewall.ENCODED_SLASH),
                Arguments.of("/admin%2fusers", Firewall.ENCODED_SLASH),
                Arguments.of("/foo/..%2Fadmin", Firewall.ENCODED_SLASH),
                Arguments.of("/admin%5Cusers", Firewall.ENCODED_BACKSLASH),
                Arguments.of("/admin%5cusers", Firewall.ENCODED_BACKSLASH),
                Arguments.of("/admin\\users", Firewall.BACKSLASH),
                Arguments.of("/foo/..\\admin", Firewall.BACKSLASH),

                // double encoding
                Arguments.of("/%252e%252e/admin", Firewall.ENCODED_PERCENT),
                Arguments.of("/admin%252Fusers", Firewall.ENCODED_PERCENT),
                Arguments.of("/b%25r", Firewall.ENCODED_PERCENT),

                // empty segments
                Arguments.of("//admin", Firewall.EMPTY_SEGMENT),
                Arguments.of("/admin//users", Firewall.EMPTY_SEGMENT),
                Arguments.of("/admin//", Firewall.EMPTY_SEGMENT),
                Arguments.of("//", Firewall.EMPTY_SEGMENT),

                // controls, raw and encoded
                Arguments.of("/admin\n", Firewall.NOT_PRINTABLE),
                Arguments.of("/admin\r\nX-Injected: 1", Firewall.NOT_PRINTABLE),
                Arguments.of("/ad\u0000min", Firewall.NOT_PRINTABLE),
                Arguments.of("/ad\tmin", Firewall.NOT_PRINTABLE),
                Arguments.of("/ad min", Firewall.NOT_PRINTABLE),
                Arguments.of("/ad\u007Fmin", Firewall.NOT_PRINTABLE),
                Arguments.of("/caf\u00e9", Firewall.NOT_PRINTABLE),
                Arguments.of("/admin\u2028", Firewall.NOT_PRINTABLE),
                Arguments.of("/admin%0a", Firewall.ENCODED_CONTROL),
                Arguments.of("/admin%0A", Firewall.ENCODED_CONTROL),
                Arguments.of("/admin%0d%0aX: 1", Firewall.ENCODED_CONTROL),
                Arguments.of("/admin%00.jsp", Firewall.ENCODED_CONTROL),
                Arguments.of("/admin%09", Firewall.ENCODED_CONTROL),
                Arguments.of("/admin%1F", Firewall.ENCODED_CONTROL),
                Arguments.of("/admin%7F", Firewall.ENCODED_CONTROL),
                Arguments.of("/admin%C2%85", Firewall.CONTROL),
                Arguments.of("/admin%c2%80", Firewall.CONTROL),
                Arguments.of("/admin%C2%9F", Firewall.CONTROL),
                Arguments.of("/admin%E2%80%A8", Firewall.SEPARATOR),
                Arguments.of("/admin%E2%80%A9", Firewall.SEPARATOR),

                // invalid percent-encoding
                Arguments.of("/foo%G1", Firewall.BAD_PERCENT),
                Arguments.of("/foo%", Firewall.BAD_PERCENT),
                Arguments.of("/foo%2", Firewall.BAD_PERCENT),
                Arguments.of("/foo%/bar", Firewall.BAD_PERCENT),
                Arguments.of("/foo%-1/bar", Firewall.BAD_PERCENT),
                Arguments.of("/foo%XX/bar", Firewall.BAD_PERCENT),
                Arguments.of("/foo/bar%0", Firewall.BAD_PERCENT),

                // invalid UTF-8
                Arguments.of("/%C0%AF", Firewall.BAD_UTF8),
                Arguments.of("/%c0%ae%c0%ae/admin", Firewall.BAD_UTF8),
                Arguments.of("/%C1%81", Firewall.BAD_UTF8),
                Arguments.of("/%FF", Firewall.BAD_UTF8),
                Arguments.of("/%F5%80%80%80", Firewall.BAD_UTF8),
                Arguments.of("/%80", Firewall.BAD_UTF8),
                Arguments.of("/foo%E2%82", Firewall.BAD_UTF8),
                Arguments.of("/foo%E2%82bar", Firewall.BAD_UTF8),
                Arguments.of("/foo%E2%82/bar", Firewall.BAD_UTF8),
                Arguments.of("/foo%E2%82%41", Firewall.BAD_UTF8),
                Arguments.of("/%E0%80%AF", Firewall.BAD_UTF8),
                Arguments.of("/%ED%A0%80", Firewall.BAD_UTF8),
                Arguments.of("/%F0%80%80%AF", Firewall.BAD_UTF8),
                Arguments.of("/%F4%90%80%80", Firewall.BAD_UTF8),

                // fragments and queries never belong in getRequestURI()
                Arguments.of("/foo/bar#f", Firewall.FRAGMENT),
                Arguments.of("/#f", Firewall.FRAGMENT),
                Arguments.of("/foo?q", Firewall.QUERY));
    }

    @ParameterizedTest(name = "[{index}] {0} -> {1}")
    @MethodSource("rawUris")
    void checkWhenRawUriIsInTheTableThenVerdictMatches(String uri, String expected) {
        assertEquals(expected, verdict("GET", uri));
    }

    /** Servlet 6.1 section 3.5.2, table "Example URIs": every URI it rejects, we reject too. */
    @ParameterizedTest(name = "[{index}] {0}")
    @ValueSource(strings = {
            "foo/bar", "/foo%00/bar/", "/foo%7Fbar", "/foo%2Fbar", "/foo%2Fb%25r", "/foo\\bar", "/foo%5Cbar",
            "/foo;%2F/bar", "/foo/%2e/bar", "/foo/.;/bar", "/foo/%2e;/bar", "/foo/.%2Fbar", "/foo/.%5Cbar",
            "/foo/bar/.;", "/foo/../../bar", "/../foo/bar", "/foo/%2e%2E/bar", "/foo/%2e%2e/%2E%2E/bar",
            "/foo/..;/bar", "/foo/%2e%2E;/bar", "/foo/..%2Fbar", "/foo/..%5Cbar", "/foo/bar/..;",
            "/;/foo;/;/bar/;/;", "/foo/;/../bar", "/foo%E2%82", "/foo%E2%82bar", "/foo%-1/bar", "/foo%XX/bar",
            "/foo%/bar", "/foo/bar%0", "/good%20/bad%/%20mix%", "/foo/bar#f", "/foo/bar;#f", "/foo/bar/#f",
            "/;/", "/..", "/../", "./foo/bar/", "%2e/foo/bar/", "../foo/bar/", ".%2e/foo/bar/", ";/foo/bar/",
            "/#f", "#f"})
    void checkWhenServletSpecRejectsTheUriThenFirewallRejectsIt(String uri) {
        assertFalse(verdict("GET", uri).equals(OK), uri);
    }

    /**
     * The table's URIs that the spec accepts only after repairing them (removing {@code /./}, {@code //},
     * {@code ;params}, resolving {@code ..}): we refuse rather than repair.
     */
    @ParameterizedTest(name = "[{index}] {0}")
    @ValueSource(strings = {
            "/foo/bar;jsessionid=1234", "/foo;/bar;", "/foo/./bar", "/./foo/bar", "/foo/../bar", "/foo/bar/.",
            "/foo/bar/./", "/foo//bar", "//foo//bar//", "/foo//../bar", "/foo/b%25r", "/.", "/./", "//"})
    void checkWhenServletSpecWouldRepairTheUriThenFirewallRejectsIt(String uri) {
        assertFalse(verdict("GET", uri).equals(OK), uri);
    }

    @ParameterizedTest(name = "[{index}] {0}")
    @ValueSource(strings = {"/foo/bar", "/foo/bar/", "/foo%E2%82%ACbar", "/foo%20bar", "/foo/.bar", "/foo/..bar",
            "/foo/...", "/"})
    void checkWhenServletSpecAcceptsTheUriAsCanonicalThenFirewallAcceptsIt(String uri) {
        assertEquals(OK, verdict("GET", uri));
    }

    @ParameterizedTest(name = "[{index}] {0}")
    @ValueSource(strings = {"GET", "HEAD", "POST", "PUT", "PATCH", "DELETE", "OPTIONS"})
    void checkWhenMethodIsStandardThenAccepted(String method) {
        assertEquals(OK, verdict(method, "/ok"));
    }

    @ParameterizedTest(name = "[{index}] {0}")
    @ValueSource(strings = {"TRACE", "CONNECT", "TRACK", "PROPFIND", "MKCOL", "get", "Get", "post", "options",
            "GET ", " GET", "", "G\u0000ET", "FOO"})
    void checkWhenMethodIsNonStandardOrLowercaseThenRejected(String method) {
        assertEquals(Firewall.METHOD, verdict(method, "/ok"));
    }

    @Test
    void checkWhenMethodIsNullThenRejected() {
        assertEquals(Firewall.METHOD, verdict(null, "/ok"));
    }

    @Test
    void checkWhenRequestUriIsNullThenRejected() {
        assertEquals(Firewall.NO_LEADING_SLASH, verdict("GET", null));
    }

    @ParameterizedTest(name = "[{index}] servletPath={0} pathInfo={1} -> {2}")
    @CsvSource(nullValues = "null", value = {
            "/ok, null, accepted",
            "'', /, accepted",
            "'', null, accepted",
            "/app, /x/y, accepted",
            "/, null, accepted",
            "/a, /../admin, dot segment in path",
            "/a/.., null, dot segment in path",
            "/a, /., dot segment in path",
            "/a, //b, empty segment in path",
            "/a/, /b, empty segment in path",
            "/a\\b, null, backslash in path",
            "/a;b, null, semicolon in path",
            "/a, /b%2e, percent sign in decoded path",
            "a, null, malformed servlet path",
            "/a, b, malformed servlet path"})
    void checkWhenDecodedPathIsInTheTableThenVerdictMatches(String servletPath, String pathInfo, String expected) {
        assertEquals(expected, verdict("GET", "/ok", servletPath, pathInfo));
    }

    @ParameterizedTest(name = "[{index}] U+{0}")
    @ValueSource(ints = {0x00, 0x0A, 0x0D, 0x1F, 0x7F, 0x80, 0x85, 0x9F})
    void checkWhenDecodedPathHasAControlCharacterThenRejected(int codePoint) {
        assertEquals(Firewall.CONTROL, verdict("GET", "/ok", "/a" + (char) codePoint, null));
        assertEquals(Firewall.CONTROL, verdict("GET", "/ok", "/a", "/b" + (char) codePoint));
    }

    @Test
    void checkWhenDecodedPathHasALineOrParagraphSeparatorThenRejected() {
        assertEquals(Firewall.SEPARATOR, verdict("GET", "/ok", "/a\u2028", null));
        assertEquals(Firewall.SEPARATOR, verdict("GET", "/ok", "/a", "/\u2029"));
    }

    @Test
    void checkWhenDecodedPathHasNonAsciiLettersThenAccepted() {
        assertEquals(OK, verdict("GET", "/caf%C3%A9", "/caf\u00e9", null));
    }

    @Test
    void checkWhenRejectingThenReasonNeverEchoesTheInput() {
        String marker = "ZZsecretZZ";
        for (String uri : new String[] {"/" + marker + "%2F", "/" + marker + ";", "/" + marker + "%G1",
                "/" + marker + "/../x", marker}) {
            String reason = verdict("GET", uri);
            assertFalse(reason.equals(OK), uri);
            assertFalse(reason.contains(marker), reason);
        }
        assertFalse(verdict(marker, "/ok").contains(marker));
    }

    @Test
    void strictWhenCalledTwiceThenSameImmutableInstance() {
        assertTrue(Firewall.strict() == Firewall.strict());
    }
}
