package io.hallpass.filter.it.attack;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.hallpass.filter.it.ContainerSuite;
import io.hallpass.filter.it.RawHttp;
import io.hallpass.realm.AccountView;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Malformed input at every endpoint: the sign-in, re-authentication and sign-out endpoints, the holder's password
 * change ({@code Hallpass.changePassword} in a servlet), a protected and a public path, each sent, as raw bytes,
 * broken cookies (oversize, repeated, {@code $Version}, quoted, empty, non-ASCII, CR/LF and NUL attempts) and
 * broken bodies (bad and huge forms and JSON, wrong and missing content types, chunked garbage, duplicate
 * parameters, non-UTF-8). Every answer must be a 4xx (the public page may answer 200, sign-out 204: neither needs
 * the input) with a short body and no stack trace, never a 5xx, and must never set a session cookie; the live
 * session the inputs are sent with must still be the same afterwards, password unchanged.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
public abstract class MalformedInputContract extends ContainerSuite {

    static final String SESSION_COOKIE = "__Host-hallpass";
    /**
     * The longest answer a refusal may have: a short message, not a page with a trace. Hallpass's own refusals are
     * under 200 bytes; Tomcat's status page for a request it refuses before any filter runs (a NUL or a bare CR in a
     * header, a header over its limit, broken chunked framing) is 2.2 kB of HTML and styles, with no input in it.
     */
    static final int MAX_BODY = 4_096;

    /** Where the inputs go. {@code session} is true where the endpoint acts on a signed-in session. */
    enum Endpoint {
        LOGIN("POST", "/auth/login", false, "username=&password="),
        REAUTH("POST", "/auth/reauth", true, "password="),
        LOGOUT("POST", "/auth/logout", false, ""),
        PASSWORD_CHANGE("POST", "/account/password", true, "current=&new="),
        PROTECTED_GET("GET", "/account/x", false, null),
        PROTECTED_POST("POST", "/account/x", false, "a=b"),
        PUBLIC_GET("GET", "/public/x", false, null);

        final String method;
        final String path;
        final boolean session;
        final String neutralForm;

        Endpoint(String method, String path, boolean session, String neutralForm) {
            this.method = method;
            this.path = path;
            this.session = session;
            this.neutralForm = neutralForm;
        }

        /** The answer that is right whatever the input, besides a 4xx: the public page, an idempotent sign-out. */
        boolean alsoAccepts(int status) {
            return (this == PUBLIC_GET && status == 200) || (this == LOGOUT && status == 204);
        }
    }

    /** One malformed request: a name and how to write its bytes for an endpoint, a port and the live cookie. */
    record Input(String name, Function<Context, byte[]> bytes) {
        @Override
        public String toString() {
            return name;
        }
    }

    /** What an input is written for. */
    record Context(Endpoint endpoint, int port, String liveCookie) {

        /** The live session cookie where the endpoint needs one, else nothing. */
        List<String> sessionCookie() {
            return endpoint.session ? List.of("Cookie: " + liveCookie) : List.of();
        }
    }

    private String username;
    private String password;
    private String liveCookie;
    private final Map<String, Integer> statuses = new TreeMap<>();

    @BeforeAll
    void signInTheHolder() {
        username = "malformed-" + UUID.randomUUID().toString().substring(0, 8);
        password = "Pw-" + UUID.randomUUID();
        AccountView account = realm.createAccount(username, password);
        realm.grantRole(account.id(), "customer", null, "test");
        RawHttp.Response r = http.request("POST", "/auth/login").api().sameOrigin()
                .form(form("username", username, "password", password)).send();
        assertEquals(200, r.status(), r.toString());
        liveCookie = SESSION_COOKIE + "=" + r.cookie(SESSION_COOKIE);
        assertEquals(200, apiGet("/account/x", liveCookie).status());
    }

    static Stream<Arguments> inputsAtEveryEndpoint() {
        List<Arguments> all = new ArrayList<>();
        for (Input input : inputs()) {
            for (Endpoint endpoint : Endpoint.values()) {
                if (input.name().startsWith("body:") && endpoint.neutralForm == null) {
                    continue; // a GET has no body to break
                }
                all.add(Arguments.of(endpoint, input));
            }
        }
        return all.stream();
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("inputsAtEveryEndpoint")
    void malformedInputIsRefusedWithAShort4xxAndNeverOpensASession(Endpoint endpoint, Input input) {
        byte[] request = input.bytes().apply(new Context(endpoint, server.port(), liveCookie));
        RawHttp.Response r = http.raw(request);
        String what = server.name() + " " + endpoint + " " + input + " answered " + r;
        if (r == null) {
            // the container dropped the connection without answering: refused, and nothing reached the filter
            statuses.merge("closed", 1, Integer::sum);
            return;
        }
        statuses.merge(String.valueOf(r.status()), 1, Integer::sum);
        assertTrue((r.status() >= 400 && r.status() < 500) || endpoint.alsoAccepts(r.status()), what);
        assertTrue(r.body().length() < MAX_BODY, "a long answer: " + what);
        for (String trace : new String[] {"Exception", "at io.", "at org.", "at java.", "\tat "}) {
            assertFalse(r.body().contains(trace), "a stack trace: " + what);
        }
        String set = r.cookie(SESSION_COOKIE);
        assertTrue(set == null || set.isEmpty(), "a session cookie was set: " + what);
        assertFalse(r.body().contains(password), what);
        // the live session is the one it was: no input signed it out, rotated it or changed its password
        assertEquals(200, apiGet("/account/x", liveCookie).status(), "after " + what);
    }

    @org.junit.jupiter.api.AfterAll
    void theHolderStillSignsInWithTheSamePassword() {
        System.out.println("malformed input on " + server.name() + ": statuses " + statuses);
        RawHttp.Response r = http.request("POST", "/auth/login").api().sameOrigin().from("127.0.0.9")
                .form(form("username", username, "password", password)).send();
        assertEquals(200, r.status(), r.toString());
    }

    // ------------------------------------------------------------------------------------------ the inputs

    static List<Input> inputs() {
        List<Input> inputs = new ArrayList<>();
        // --- cookies, with the endpoint's neutral form (no credentials: nothing to sign in with)
        cookie(inputs, "oversize session cookie", c -> List.of("Cookie: " + SESSION_COOKIE + "=" + "A".repeat(6_000)));
        cookie(inputs, "repeated session cookie", c -> List.of("Cookie: " + SESSION_COOKIE + "=hp1_a; " + SESSION_COOKIE
                + "=hp1_b"));
        cookie(inputs, "the live session cookie and a second one", c -> List.of("Cookie: " + c.liveCookie() + "; "
                + SESSION_COOKIE + "=hp1_" + "x".repeat(49)));
        cookie(inputs, "the live session cookie twice", c -> List.of("Cookie: " + c.liveCookie() + "; " + c.liveCookie()));
        cookie(inputs, "session cookies in two Cookie headers", c -> List.of("Cookie: " + c.liveCookie(),
                "Cookie: " + SESSION_COOKIE + "=hp1_other"));
        cookie(inputs, "$Version cookie", c -> List.of("Cookie: $Version=\"1\"; " + SESSION_COOKIE + "=\"hp1_abc\"; $Path=\"/\""));
        cookie(inputs, "$Version=1 before a garbage session", c -> List.of("Cookie: $Version=1; " + SESSION_COOKIE
                + "=hp1_" + "Q".repeat(49) + "; $Domain=127.0.0.1"));
        cookie(inputs, "quoted session cookie", c -> List.of("Cookie: " + SESSION_COOKIE + "=\"hp1_" + "a".repeat(49) + "\""));
        cookie(inputs, "empty session cookie", c -> List.of("Cookie: " + SESSION_COOKIE + "="));
        cookie(inputs, "session cookie name without a value", c -> List.of("Cookie: " + SESSION_COOKIE));
        cookie(inputs, "empty Cookie header", c -> List.of("Cookie: "));
        cookie(inputs, "non-ASCII session cookie", c -> List.of("Cookie: " + SESSION_COOKIE + "=hp1_\u00e9\u00ff" + "b".repeat(47)));
        cookie(inputs, "two hundred cookies", c -> {
            StringBuilder many = new StringBuilder("Cookie: ");
            for (int i = 0; i < 200; i++) {
                many.append("c").append(i).append("=v").append(i).append("; ");
            }
            return List.of(many.append(SESSION_COOKIE).append("=hp1_zz").toString());
        });
        cookie(inputs, "forty Cookie headers", c -> {
            List<String> headers = new ArrayList<>();
            for (int i = 0; i < 40; i++) {
                headers.add("Cookie: c" + i + "=" + i);
            }
            return headers;
        });
        cookie(inputs, "Cookie header beyond the container's limit", c -> List.of("Cookie: big=" + "x".repeat(20_000)));
        cookie(inputs, "CR LF in the cookie (header injection)", c -> List.of("Cookie: a=b\r\nSet-Cookie: " + SESSION_COOKIE
                + "=hp1_injected"));
        cookie(inputs, "folded Cookie header (obs-fold)", c -> List.of("Cookie: a=b\r\n " + SESSION_COOKIE + "=hp1_folded"));
        cookie(inputs, "bare CR in the cookie", c -> List.of("Cookie: a=b\r" + SESSION_COOKIE + "=hp1_cr"));
        cookie(inputs, "bare LF in the cookie", c -> List.of("Cookie: a=b\n" + SESSION_COOKIE + "=hp1_lf"));
        cookie(inputs, "encoded CR LF in the cookie", c -> List.of("Cookie: " + SESSION_COOKIE + "=hp1_%0d%0aSet-Cookie:%20x=y"));
        cookie(inputs, "NUL in the cookie", c -> List.of("Cookie: " + SESSION_COOKIE + "=hp1_\u0000abc"));
        // --- bodies, to the endpoints that read one, with the live session where the endpoint needs it
        String form = "application/x-www-form-urlencoded";
        body(inputs, "bad percent-encoding", form, "username=%zz&password=%&current=%G1&new=%");
        body(inputs, "duplicate parameters", form,
                "username=a&username=b&password=p&password=q&current=a&current=b&new=x&new=y&a=1&a=2");
        body(inputs, "non-UTF-8 form", form, "username=%ff%fe&password=%c3&current=%c3%28&new=%ed%a0%80");
        body(inputs, "unknown charset", form + "; charset=x-bogus-9", "username=a&password=b&current=a&new=b");
        body(inputs, "form without names or values", form, "&&&=&==&%&");
        body(inputs, "huge form (3 MB)", form, "a=" + "x".repeat(3 * 1024 * 1024));
        body(inputs, "huge username (200 kB)", form, "username=" + "u".repeat(200_000) + "&password=x&current=x&new=y");
        body(inputs, "broken JSON", "application/json", "{\"username\":");
        body(inputs, "JSON array", "application/json", "[1,2,3]");
        body(inputs, "JSON null", "application/json", "null");
        body(inputs, "deeply nested JSON", "application/json", "[".repeat(5_000));
        body(inputs, "huge JSON (100 kB)", "application/json", "{\"username\":\"" + "j".repeat(100_000) + "\"}");
        body(inputs, "JSON with duplicate keys", "application/json", "{\"username\":\"a\",\"username\":\"b\",\"password\":\"c\"}");
        body(inputs, "JSON with wrong types", "application/json", "{\"username\":1,\"password\":{\"a\":[true]}}");
        body(inputs, "JSON with a lone surrogate and NUL", "application/json",
                "{\"username\":\"\\ud800\",\"password\":\"\\u0000\"}");
        inputs.add(new Input("body: non-UTF-8 JSON", c -> request(c, List.of("Content-Type: application/json"),
                new byte[] {'{', '"', 'u', '"', ':', '"', (byte) 0xff, (byte) 0xfe, '"', '}'}, true)));
        body(inputs, "JSON declared UTF-16", "application/json; charset=utf-16", "{\"username\":\"a\",\"password\":\"b\"}");
        body(inputs, "form sent as text/plain", "text/plain", "username=a&password=b");
        body(inputs, "multipart garbage", "multipart/form-data; boundary=zz", "--zz\r\nContent-Disposition: form-data\r\n\r\n--");
        body(inputs, "XML", "application/xml", "<login><username>a</username></login>");
        inputs.add(new Input("body: no content type", c -> request(c, List.of(),
                "username=a&password=b".getBytes(StandardCharsets.UTF_8), true)));
        inputs.add(new Input("body: chunked garbage", c -> request(c, List.of("Content-Type: " + form,
                "Transfer-Encoding: chunked"), "zz\r\nusername=a\r\n0\r\n\r\n".getBytes(StandardCharsets.US_ASCII), false)));
        inputs.add(new Input("body: chunked and cut short", c -> request(c, List.of("Content-Type: application/json",
                "Transfer-Encoding: chunked"), "64\r\n{\"username\"".getBytes(StandardCharsets.US_ASCII), false)));
        inputs.add(new Input("body: Content-Length and chunked at once", c -> request(c, List.of("Content-Type: " + form,
                "Transfer-Encoding: chunked", "Content-Length: 5"), "5\r\na=b&c\r\n0\r\n\r\n".getBytes(StandardCharsets.US_ASCII),
                false)));
        inputs.add(new Input("body: Content-Length longer than the body", c -> request(c, List.of("Content-Type: " + form,
                "Content-Length: 500"), "username=a".getBytes(StandardCharsets.US_ASCII), false)));
        return inputs;
    }

    private static void cookie(List<Input> inputs, String name, Function<Context, List<String>> cookieHeaders) {
        inputs.add(new Input("cookie: " + name, c -> request(c, cookieHeaders.apply(c),
                c.endpoint().neutralForm == null ? null : c.endpoint().neutralForm.getBytes(StandardCharsets.UTF_8), true)));
    }

    private static void body(List<Input> inputs, String name, String contentType, String body) {
        inputs.add(new Input("body: " + name, c -> {
            List<String> headers = new ArrayList<>(c.sessionCookie());
            headers.add("Content-Type: " + contentType);
            return request(c, headers, body.getBytes(StandardCharsets.UTF_8), true);
        }));
    }

    /**
     * The request's bytes: request line, Host, same-origin and API headers, the given header lines as they are
     * (CR, LF and NUL included), a Content-Length if asked, and the body.
     */
    private static byte[] request(Context c, List<String> headerLines, byte[] body, boolean contentLength) {
        StringBuilder head = new StringBuilder();
        head.append(c.endpoint().method).append(' ').append(c.endpoint().path).append(" HTTP/1.1\r\n")
                .append("Host: 127.0.0.1:").append(c.port()).append("\r\n")
                .append("Accept: application/json\r\n")
                .append("Origin: http://127.0.0.1:").append(c.port()).append("\r\n")
                .append("Sec-Fetch-Site: same-origin\r\n");
        for (String h : headerLines) {
            head.append(h).append("\r\n");
        }
        if (body != null && contentLength) {
            head.append("Content-Length: ").append(body.length).append("\r\n");
        }
        head.append("Connection: close\r\n\r\n");
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(head.toString().getBytes(StandardCharsets.ISO_8859_1));
        if (body != null) {
            out.writeBytes(body);
        }
        return out.toByteArray();
    }
}
