package io.hallpass.filter.it.attack;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.hallpass.filter.it.ContainerSuite;
import io.hallpass.filter.it.RawHttp;
import io.hallpass.realm.AccountView;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.UUID;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The leak scan: a session's whole life (sign-ins through the API, a form and {@code request.login}, wrong
 * passwords, a password typed into the username field, re-authentication and the token rotation it brings,
 * step-up, a password change, sign-out, and refusals of every kind) with the most verbose logging there is
 * ({@link EverythingLogged}), then every log record, everything written to the console, and every response's
 * headers, error page and body are searched for every token issued (the session and device cookies, as sent and
 * URL-encoded) and every password typed. None may appear anywhere but in the {@code Set-Cookie} header that hands
 * the cookie out, with two exceptions, both in Hibernate's bind-parameter log ({@code org.hibernate.orm.jdbc.bind}
 * at TRACE, which prints every value sent to the database and must never be on in production): a password typed
 * into the username field (the realm must look the typed name up), and the device cookie (stored on the session row
 * as the risk signal it is). Every other logger, Hibernate's SQL log included, must show neither. And Jetty's
 * debug records ({@link #jettyDebug}) are not searched: Jetty at DEBUG prints the request as it arrived, cookie
 * headers, URLs with their query and body bytes, in its parser, connection, channel and buffers, before and
 * whatever any filter does (Tomcat's loggers at FINE print none of it, and are searched; Jetty's at INFO and above
 * are searched too). The exceptions are counted and printed, and the README's known limits name them.
 */
@ExtendWith(EverythingLogged.class)
public abstract class LeakScanContract extends ContainerSuite {

    static final String SESSION_COOKIE = "__Host-hallpass";
    static final String DEVICE_COOKIE = "__Host-hallpass-device";

    /** Every response the scenario received. */
    private final List<RawHttp.Response> responses = new ArrayList<>();
    /** Every session and device cookie value handed out. */
    private final Set<String> tokens = new LinkedHashSet<>();
    /** The accounts' passwords, by username. */
    private final java.util.Map<String, String> accounts = new java.util.HashMap<>();
    /** Every password typed, right or wrong, wherever it was typed. */
    private final Set<String> passwords = new LinkedHashSet<>();
    /** The passwords typed into the username field, and the device cookie values: see the class comment. */
    private final Set<String> boundAsQueryParameters = new LinkedHashSet<>();
    private int boundHits;
    private static final String BIND_LOG = "org.hibernate.orm.jdbc.bind ";
    private int jettyDebugRecords;

    /** A record Jetty logged below INFO: its trace of the request as received. */
    static boolean jettyDebug(String record) {
        String[] loggerAndLevel = record.split(" ", 3); // EverythingLogged writes "logger LEVEL message"
        return loggerAndLevel[0].startsWith("org.eclipse.jetty.") && loggerAndLevel.length > 1
                && loggerAndLevel[1].startsWith("FINE"); // FINE, FINER, FINEST
    }

    @Test
    void noTokenOrPasswordReachesALogLineAnErrorPageOrAResponseBody() {
        // the scan finds what it looks for: a canary logged at the finest level is found like a leak would be
        String canary = "canary-" + UUID.randomUUID();
        Logger.getLogger("io.hallpass.leakscan").log(Level.FINEST, "planted {0}", canary);
        assertFalse(leaksOf(canary).isEmpty(), "the scan cannot see the finest log records");

        String alice = account("customer");
        String bob = account("admin");

        // sign-ins: JSON, a browser form, wrong passwords, an unknown user, a password typed as the username
        String aliceCookie = signIn(alice, "json");
        String bobCookie = signIn(bob, "form");
        refusedSignIn(alice, typed());
        refusedSignIn("nobody-" + UUID.randomUUID(), typed());
        refusedSignIn(passwordOf(alice), typed());
        boundAsQueryParameters.add(passwordOf(alice));
        send(http.request("POST", "/auth/login").api().sameOrigin().from("127.0.0.3")
                .json("{\"username\":\"" + bob + "\",\"password\":\"" + typed() + "\"}"));
        for (int i = 0; i < 7; i++) { // into the throttle: 429
            send(http.request("POST", "/auth/login").api().sameOrigin().from("127.0.0.4")
                    .form(form("username", bob, "password", typed())));
        }
        // request.login(username, password) in the application, right and wrong
        send(http.request("POST", "/programmatic").api().sameOrigin().header("X-User", alice)
                .header("X-Password", passwordOf(alice)));
        send(http.request("POST", "/programmatic").api().sameOrigin().header("X-User", alice)
                .header("X-Password", typed()));

        // pages with a live session, and refusals of every kind
        assertEquals(200, send(http.request("GET", "/account/x").api().cookie(aliceCookie)).status());
        send(http.request("GET", "/public/greeting").browser().cookie(aliceCookie));
        assertEquals(403, send(http.request("GET", "/admin/x").browser().cookie(aliceCookie)).status());
        send(http.request("GET", "/admin/x").api().cookie(aliceCookie));
        send(http.request("GET", "/account/x").browser());
        send(http.request("DELETE", "/account/x").api().sameOrigin().cookie(aliceCookie));
        send(http.request("GET", "/account/%2e%2e/admin/x").api().cookie(aliceCookie));
        send(http.request("GET", "/closed/x").api().cookie(aliceCookie));
        send(http.request("GET", "/account/x").api().cookie(aliceCookie + "; " + SESSION_COOKIE + "=hp1_tossed"));
        send(http.request("POST", "/account/x").api().header("Origin", "https://evil.example").cookie(aliceCookie)
                .form("a=b"));
        send(http.request("POST", "/auth/login?password=" + typed()).api().sameOrigin()
                .form(form("username", alice, "password", passwordOf(alice))));
        send(http.request("POST", "/auth/login").header("Content-Type", "text/plain").api().sameOrigin()
                .header("X-Body", "none"));

        // step-up: the sensitive export wants a fresh password; a wrong one, then the right one rotates the token
        clock.advance(Duration.ofMinutes(2));
        assertEquals(401, send(http.request("GET", "/account/export").api().cookie(aliceCookie)).status());
        send(http.request("GET", "/auth/reauth?return=/account/export").browser().cookie(aliceCookie));
        send(http.request("POST", "/auth/reauth").api().sameOrigin().cookie(aliceCookie)
                .form(form("password", typed())));
        RawHttp.Response reauth = send(http.request("POST", "/auth/reauth").api().sameOrigin().cookie(aliceCookie)
                .form(form("password", passwordOf(alice))));
        assertEquals(200, reauth.status(), reauth.toString());
        String rotated = SESSION_COOKIE + "=" + reauth.cookie(SESSION_COOKIE);
        assertEquals(200, send(http.request("GET", "/account/export").api().cookie(rotated)).status());
        send(http.request("GET", "/account/x").api().cookie(aliceCookie)); // the replaced token, in its grace
        send(http.request("POST", "/auth/reauth").browser().sameOrigin().cookie(rotated)
                .form(form("password", typed(), "return", "/account/export")));

        // password change: a wrong current password, then the right one (a new token, the others end)
        send(http.request("POST", "/account/password").api().sameOrigin().cookie(rotated)
                .form(form("current", typed(), "new", typed())));
        String newPassword = "Pw-new-" + UUID.randomUUID();
        passwords.add(newPassword);
        RawHttp.Response changed = send(http.request("POST", "/account/password").api().sameOrigin().cookie(rotated)
                .form(form("current", passwordOf(alice), "new", newPassword)));
        assertEquals(200, changed.status(), changed.toString());
        String afterChange = SESSION_COOKIE + "=" + changed.cookie(SESSION_COOKIE);
        assertEquals(401, send(http.request("GET", "/account/x").api().cookie(rotated)).status());
        assertEquals(200, send(http.request("GET", "/account/x").api().cookie(afterChange)).status());

        // sign-out, and the revoked tokens presented again
        assertEquals(204, send(http.request("POST", "/auth/logout").api().sameOrigin().cookie(afterChange)).status());
        send(http.request("POST", "/auth/logout").browser().sameOrigin().cookie(bobCookie));
        assertEquals(401, send(http.request("GET", "/account/x").api().cookie(afterChange)).status());
        send(http.request("GET", "/admin/x").browser().cookie(bobCookie));
        send(http.request("GET", "/auth/logout").api().cookie(afterChange));

        // the scan
        assertTrue(tokens.size() >= 6, "the scenario handed out too few tokens to show anything: " + tokens.size());
        assertTrue(EverythingLogged.recordsOf("io.hallpass") > 0, "no Hallpass record was captured");
        System.out.println("leak scan on " + server.name() + ": " + tokens.size() + " tokens, " + passwords.size()
                + " passwords, " + responses.size() + " responses, " + EverythingLogged.everything().size()
                + " log records (" + EverythingLogged.recordsOf("org.hibernate") + " from Hibernate, "
                + EverythingLogged.recordsOf("org.apache") + " from Tomcat, "
                + EverythingLogged.recordsOf("org.eclipse.jetty") + " from Jetty)");
        List<String> leaks = new ArrayList<>();
        for (String secret : secrets()) {
            leaks.addAll(leaksOf(secret));
        }
        for (String record : EverythingLogged.everything()) {
            jettyDebugRecords += jettyDebug(record) ? 1 : 0;
        }
        System.out.println("leak scan on " + server.name() + ": " + boundHits + " bind-parameter records carry a"
                + " password typed as a username or a device cookie, " + jettyDebugRecords + " debug records of Jetty"
                + " not searched (the known limits)");
        assertTrue(leaks.isEmpty(), "secrets found:\n" + String.join("\n", leaks));
    }

    // ------------------------------------------------------------------------------------------ helpers

    /** A fresh account with a random password of its own; returns the username. */
    private String account(String role) {
        String name = "leak-" + UUID.randomUUID().toString().substring(0, 8);
        String password = "Pw-" + UUID.randomUUID();
        AccountView account = realm.createAccount(name, password);
        realm.grantRole(account.id(), role, null, "test");
        passwords.add(password);
        accounts.put(name, password);
        return name;
    }

    private String passwordOf(String username) {
        return accounts.get(username);
    }

    /** A wrong password, remembered as typed. */
    private String typed() {
        String wrong = "Wrong-" + UUID.randomUUID();
        passwords.add(wrong);
        return wrong;
    }

    private String signIn(String username, String how) {
        RawHttp.Request request = http.request("POST", "/auth/login").sameOrigin();
        if (how.equals("json")) {
            request.api().json("{\"username\":\"" + username + "\",\"password\":\"" + passwordOf(username) + "\"}");
        } else {
            request.browser().form(form("username", username, "password", passwordOf(username), "return", "/account/x"));
        }
        RawHttp.Response r = send(request);
        String token = r.cookie(SESSION_COOKIE);
        assertNotNull(token, r.toString());
        return SESSION_COOKIE + "=" + token;
    }

    private void refusedSignIn(String username, String password) {
        RawHttp.Response r = send(http.request("POST", "/auth/login").api().sameOrigin().from("127.0.0.2")
                .form(form("username", username, "password", password)));
        assertTrue(r.status() == 401 || r.status() == 429, r.toString());
        send(http.request("POST", "/auth/login").browser().sameOrigin().from("127.0.0.2")
                .form(form("username", username, "password", password)));
    }

    /** Sends, keeps the response, and remembers every session and device cookie it hands out. */
    private RawHttp.Response send(RawHttp.Request request) {
        RawHttp.Response r = request.send();
        responses.add(r);
        for (String name : new String[] {SESSION_COOKIE, DEVICE_COOKIE}) {
            String value = r.cookie(name);
            if (value != null && !value.isEmpty()) {
                tokens.add(value);
                if (name.equals(DEVICE_COOKIE)) {
                    boundAsQueryParameters.add(value);
                }
            }
        }
        return r;
    }

    /** Each token and password as typed, URL-encoded and lower-cased (a percent-encoding in either case). */
    private Set<String> secrets() {
        Set<String> all = new LinkedHashSet<>();
        for (String secret : tokens) {
            all.add(secret);
            all.add(URLEncoder.encode(secret, StandardCharsets.UTF_8));
        }
        for (String secret : passwords) {
            all.add(secret);
            all.add(URLEncoder.encode(secret, StandardCharsets.UTF_8));
            all.add(secret.toLowerCase(Locale.ROOT));
        }
        return all;
    }

    /** Where {@code secret} appears: log records, the console, response heads and bodies. */
    private List<String> leaksOf(String secret) {
        List<String> found = new ArrayList<>();
        boolean bound = boundAsQueryParameters.stream().anyMatch(b -> b.equals(secret)
                || URLEncoder.encode(b, StandardCharsets.UTF_8).equals(secret) || b.toLowerCase(Locale.ROOT).equals(secret));
        for (String record : EverythingLogged.everything()) {
            if (jettyDebug(record)) {
                continue;
            }
            if (bound && record.startsWith(BIND_LOG) && record.contains(secret)) {
                boundHits++;
                continue;
            }
            if (record.contains(secret)) {
                found.add("log " + record.substring(0, Math.max(0, record.indexOf(' '))) + ": "
                        + excerpt(record, secret));
            }
        }
        for (RawHttp.Response r : responses) {
            if (r.body().contains(secret)) {
                found.add("body of a " + r.status() + ": " + excerpt(r.body(), secret));
            }
            r.headers().forEach((name, values) -> {
                for (String value : values) {
                    boolean handsOutTheCookie = name.equals("set-cookie")
                            && (value.startsWith(SESSION_COOKIE + "=") || value.startsWith(DEVICE_COOKIE + "="));
                    if (!handsOutTheCookie && value.contains(secret)) {
                        found.add("header " + name + " of a " + r.status() + ": " + excerpt(value, secret));
                    }
                }
            });
        }
        return found;
    }

    private static String excerpt(String text, String secret) {
        int at = text.indexOf(secret);
        return text.substring(Math.max(0, at - 120), Math.min(text.length(), at + secret.length() + 40))
                .replace('\n', ' ');
    }
}
