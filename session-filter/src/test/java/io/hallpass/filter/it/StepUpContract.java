package io.hallpass.filter.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.hallpass.filter.risk.RiskAssessment;
import io.hallpass.filter.risk.RiskPolicy;
import io.hallpass.realm.AuditEvent;
import io.hallpass.realm.ClientFacts;
import io.hallpass.realm.SessionView;
import io.hallpass.realm.password.PasswordHasher;
import java.lang.reflect.Method;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * Step-up re-authentication and risk-based friction, on the wire. Runs in every container through a subclass,
 * with the same application as {@link HttpContract}; tests that need other settings start a second instance.
 */
public abstract class StepUpContract extends ContainerSuite {

    static final String FIREFOX = "Mozilla/5.0 (X11; Linux x86_64; rv:140.0) Gecko/20100101 Firefox/140.0";
    /** Another /24 than 127.0.0.1, on the loopback interface. */
    static final String OTHER_NETWORK = "127.0.1.7";

    private String loginWith(RawHttp client, String user, String userAgent) {
        RawHttp.Response r = client.request("POST", "/auth/login").api().header("User-Agent", userAgent)
                .form(form("username", user, "password", "pw-" + user)).send();
        assertEquals(200, r.status(), r.toString());
        return COOKIE + "=" + r.cookie(COOKIE);
    }

    /**
     * A step-up, not just any 401 (a revoked or expired session answers 401 too): RFC 9470's challenge in
     * {@code WWW-Authenticate} and in the JSON body. Callers then show that the session is still live with
     * {@link #assertCalm}.
     */
    private static void assertStepUp(RawHttp.Response r, String why) {
        assertEquals(401, r.status(), why + ": " + r);
        String challenge = r.header("WWW-Authenticate");
        assertTrue(challenge != null && challenge.contains("error=\"insufficient_user_authentication\""),
                why + ": " + r);
        assertTrue(r.body().contains("\"error\":\"insufficient_user_authentication\""), why + ": " + r);
    }

    /** A calm page of the same session still passes: the step-up did not end it. */
    private static void assertCalm(RawHttp.Request calm) {
        RawHttp.Response r = calm.send();
        assertEquals(200, r.status(), "the session is still live, a calm page passes: " + r);
    }

    /** Signed out: 401 without a step-up challenge, the session gone. */
    private static void assertSignedOut(RawHttp.Response r, String why) {
        assertEquals(401, r.status(), why + ": " + r);
        assertTrue(r.body().contains("\"error\":\"unauthenticated\""), why + ": " + r);
    }

    // ------------------------------------------------------------------------------------ windows

    @Test
    void aClassLevelSensitiveAnnotationCoversEveryMethod() {
        String cookie = loginFromKnownDevice(newUser("customer"));
        assertEquals(200, apiGet("/account/export", cookie).status());
        clock.advance(Duration.ofSeconds(61));
        RawHttp.Response r = apiGet("/account/export", cookie);
        assertStepUp(r, "a minute after signing in");
        assertTrue(r.header("WWW-Authenticate").contains("max_age=60"), r.toString());
        assertCalm(http.request("GET", "/account/overview").api().cookie(cookie));
    }

    @Test
    void aRuleCanTightenTheIdleLimitOfItsPath() {
        String cookie = loginFromKnownDevice(newUser("customer"));
        for (int i = 0; i < 8; i++) {
            clock.advance(Duration.ofMinutes(1));
            assertEquals(200, apiGet("/account/statement", cookie).status(), "active every minute: " + i);
        }
        clock.advance(Duration.ofMinutes(6));
        RawHttp.Response r = apiGet("/account/statement", cookie);
        assertStepUp(r, "idle 6 minutes on an idle:5m path");
        assertEquals(200, apiGet("/account/overview", cookie).status(), "other paths keep the 30 minute limit");
    }

    // ---------------------------------------------------------------- idle: the attacks on idle:5m (issue 10)

    @Test
    void retryingAnIdleRefusalDoesNotPassIt() {
        String cookie = loginFromKnownDevice(newUser("customer"));
        clock.advance(Duration.ofMinutes(6));
        assertStepUp(apiGet("/account/statement", cookie), "idle 6 minutes on an idle:5m path");
        for (int retry = 0; retry < 3; retry++) {
            assertStepUp(apiGet("/account/statement", cookie),
                    "the refused request did not refresh the session it was refused for: retry " + retry);
        }
        assertCalm(http.request("GET", "/account/overview").api().cookie(cookie));
    }

    @Test
    void aDetourThroughACalmPageDoesNotResetTheIdleLimit() {
        String cookie = loginFromKnownDevice(newUser("customer"));
        clock.advance(Duration.ofMinutes(6));
        assertEquals(200, apiGet("/account/overview", cookie).status(), "calm pages keep the 30 minute limit");
        assertStepUp(apiGet("/account/statement", cookie),
                "the session was left alone for 6 minutes since the password was typed");
    }

    @Test
    void goingBackAfterTheIdleRefusalDoesNotPassIt() {
        String cookie = loginFromKnownDevice(newUser("customer"));
        clock.advance(Duration.ofMinutes(6));
        assertStepUp(apiGet("/account/statement", cookie), "idle 6 minutes");
        assertEquals(200, apiGet("/account/overview", cookie).status(), "back to the page before");
        clock.advance(Duration.ofSeconds(20));
        assertEquals(200, apiGet("/account/page", cookie).status());
        assertStepUp(apiGet("/account/statement", cookie), "and forward again: still refused");
    }

    @Test
    void reauthenticatingLetsTheIdleRefusedRequestThrough() {
        String user = newUser("customer");
        String cookie = loginFromKnownDevice(user);
        clock.advance(Duration.ofMinutes(6));
        assertStepUp(apiGet("/account/statement", cookie), "idle 6 minutes");
        RawHttp.Response reauth = http.request("POST", "/auth/reauth").api().cookie(cookie)
                .json("{\"password\":\"pw-" + user + "\"}").send();
        assertEquals(200, reauth.status(), reauth.toString());
        String fresh = COOKIE + "=" + reauth.cookie(COOKIE) + "; " + cookie.split("; ", 2)[1];
        assertEquals(200, apiGet("/account/statement", fresh).status(), "the password proved again clears the gap");
        clock.advance(Duration.ofMinutes(4));
        assertEquals(200, apiGet("/account/statement", fresh).status());
        clock.advance(Duration.ofMinutes(6));
        assertStepUp(apiGet("/account/statement", fresh), "and a new gap counts again");
        assertCalm(http.request("GET", "/account/overview").api().cookie(fresh));
    }

    @Test
    void wrongReauthenticationPasswordsSlowTheSessionThatMakesThem() {
        String user = newUser("customer");
        String cookie = login(user);
        for (int i = 0; i < 5; i++) {
            RawHttp.Response wrong = http.request("POST", "/auth/reauth").api().cookie(cookie)
                    .json("{\"password\":\"wrong-" + i + "\"}").send();
            assertEquals(401, wrong.status(), wrong.toString());
            assertTrue(wrong.body().contains("\"error\":\"invalid_credentials\""), "a wrong password: " + wrong);
        }
        RawHttp.Response locked = http.request("POST", "/auth/reauth").api().cookie(cookie)
                .json("{\"password\":\"pw-" + user + "\"}").send();
        assertEquals(429, locked.status(), locked.toString());
        assertTrue(Long.parseLong(locked.header("Retry-After")) > 0);
        clock.advance(Duration.ofMinutes(16));
    }

    /**
     * Requests of the session while its re-authentication is under way are not logged out. The race is reached for
     * sure: every hashing permit is held, so the re-authentication waits inside the realm (its thread is observed
     * waiting for a permit) while twenty pages are answered; then it is let go while twenty more run, and the old
     * cookie still works inside the grace.
     */
    @Test
    void twentyParallelRequestsDuringReauthenticationAreNotLoggedOut() throws Exception {
        String user = newUser("customer");
        String cookie = loginFromKnownDevice(user);
        clock.advance(Duration.ofMinutes(10));
        ExecutorService pool = Executors.newFixedThreadPool(21);
        List<PasswordHasher.Permit> held = holdEveryHashingPermit();
        try {
            Future<RawHttp.Response> reauth = pool.submit(() -> http.request("POST", "/auth/reauth").api()
                    .cookie(cookie).json("{\"password\":\"pw-" + user + "\"}").send());
            awaitAThreadWaitingForAHashingPermit();
            for (Future<Integer> page : twentyPages(pool, cookie)) {
                assertEquals(200, page.get(30, TimeUnit.SECONDS), "a request during the re-authentication");
            }
            assertFalse(reauth.isDone(), "the pages were answered while the re-authentication was under way");

            held.forEach(PasswordHasher.Permit::close);
            held.clear();
            List<Future<Integer>> racing = twentyPages(pool, cookie);
            RawHttp.Response done = reauth.get(30, TimeUnit.SECONDS);
            for (Future<Integer> page : racing) {
                assertEquals(200, page.get(30, TimeUnit.SECONDS), "a parallel request was logged out");
            }
            assertEquals(200, done.status(), done.toString());
            String fresh = COOKIE + "=" + done.cookie(COOKIE);
            assertNotEquals(cookie.split(";")[0], fresh);
            assertEquals(200, apiGet("/account/page", cookie).status(), "within the grace");
            clock.advance(Duration.ofSeconds(11));
            assertSignedOut(apiGet("/account/page", cookie), "after the grace the old token is dead");
            assertEquals(200, apiGet("/account/page", fresh).status());
        } finally {
            held.forEach(PasswordHasher.Permit::close);
            pool.shutdownNow();
        }
    }

    private List<Future<Integer>> twentyPages(ExecutorService pool, String cookie) {
        List<Future<Integer>> pages = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            pages.add(pool.submit(() -> apiGet("/account/page", cookie).status()));
        }
        return pages;
    }

    /** Holds every permit, ordinary and reserved, of the realm's password hasher. */
    private List<PasswordHasher.Permit> holdEveryHashingPermit() throws ReflectiveOperationException {
        Method hasherOf = realm.getClass().getDeclaredMethod("hasher");
        hasherOf.setAccessible(true);
        PasswordHasher hasher = (PasswordHasher) hasherOf.invoke(realm);
        List<PasswordHasher.Permit> held = new ArrayList<>();
        for (PasswordHasher.Permit p = hasher.tryAcquireReserved(Duration.ZERO); p != null;
             p = hasher.tryAcquireReserved(Duration.ZERO)) {
            held.add(p);
        }
        assertEquals(0, hasher.availablePermits() + hasher.availableReserve());
        return held;
    }

    /** Waits (at most 30 s) until some thread is observed waiting inside the hasher for a permit. */
    private static void awaitAThreadWaitingForAHashingPermit() throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (System.nanoTime() < deadline) {
            for (var entry : Thread.getAllStackTraces().entrySet()) {
                Thread.State state = entry.getKey().getState();
                boolean waiting = state == Thread.State.WAITING || state == Thread.State.TIMED_WAITING;
                if (waiting && Arrays.stream(entry.getValue()).anyMatch(frame ->
                        frame.getClassName().equals(PasswordHasher.class.getName())
                                && frame.getMethodName().equals("acquire"))) {
                    return;
                }
            }
            Thread.sleep(10);
        }
        throw new AssertionError("the re-authentication never reached the hasher");
    }

    // --------------------------------------------------------------------------------- risk signals

    @Test
    void aSignInFromANewDeviceCapsSensitiveWindowsAndTellsTheApplication() {
        String user = newUser("admin");
        String fresh = login(user);
        RawHttp.Response page = apiGet("/admin/whoami", fresh);
        assertTrue(page.body().contains("risk=[NEW_DEVICE]"), page.body());
        assertEquals(200, http.request("POST", "/admin/users").api().cookie(fresh).send().status(),
                "right after signing in the password just typed is proof enough");
        clock.advance(Duration.ofMinutes(3));
        RawHttp.Response r = http.request("POST", "/admin/users").api().cookie(fresh).send();
        assertStepUp(r, "the rule's 5 minute window is capped to 2 on a new device");
        assertTrue(r.header("WWW-Authenticate").contains("max_age=120"), r.toString());
        assertCalm(http.request("GET", "/admin/whoami").api().cookie(fresh));
        String known = loginFromKnownDevice(user);
        clock.advance(Duration.ofMinutes(3));
        assertEquals(200, http.request("POST", "/admin/users").api().cookie(known).send().status(),
                "from a known device the 5 minute window applies");
        assertTrue(realm.auditTrail(accountId(user), 50).stream().anyMatch(e -> e.type() == AuditEvent.Type.NEW_DEVICE));
    }

    @Test
    void aBurstOfFailedSignInsBeforeASuccessCapsSensitiveWindows() {
        String user = newUser("admin");
        loginFromKnownDevice(user); // the device becomes known
        String device = "__Host-hallpass-device=" + deviceOf(user);
        for (int i = 0; i < 3; i++) {
            assertEquals(401, http.request("POST", "/auth/login").api().cookie(device)
                    .form(form("username", user, "password", "guess-" + i)).send().status());
        }
        RawHttp.Response ok = http.request("POST", "/auth/login").api().cookie(device)
                .form(form("username", user, "password", "pw-" + user)).send();
        String cookie = COOKIE + "=" + ok.cookie(COOKIE) + "; " + device;
        assertTrue(apiGet("/admin/whoami", cookie).body().contains("FAILED_LOGINS_BEFORE_SUCCESS"));
        clock.advance(Duration.ofMinutes(3));
        RawHttp.Response r = http.request("POST", "/admin/users").api().cookie(cookie).send();
        assertStepUp(r, "failed sign-ins before the success cap the window to 2 minutes");
        assertTrue(r.header("WWW-Authenticate").contains("max_age=120"), r.toString());
        assertCalm(http.request("GET", "/admin/whoami").api().cookie(cookie));
    }

    @Test
    void aNetworkChangeDemandsReauthenticationForTheNextSensitiveAction() {
        String user = newUser("customer");
        String cookie = loginFromKnownDevice(user);
        RawHttp.Response calm = http.request("GET", "/account/page").api().cookie(cookie).from(OTHER_NETWORK).send();
        assertEquals(200, calm.status(), "calm pages stay calm on the new network");
        assertTrue(calm.body().contains("NETWORK_CHANGED"), calm.body());
        RawHttp.Response challenge = http.request("POST", "/account/payout").api().cookie(cookie)
                .from(OTHER_NETWORK).form("amount=3").send();
        assertStepUp(challenge, "inside the 2 minute window, but from another network");
        assertCalm(http.request("GET", "/account/page").api().cookie(cookie).from(OTHER_NETWORK));
        assertEquals(200, http.request("POST", "/account/payout").api().cookie(cookie).form("amount=3").send().status(),
                "from the network it signed in from, the window applies");
        RawHttp.Response reauth = http.request("POST", "/auth/reauth").api().cookie(cookie).from(OTHER_NETWORK)
                .json("{\"password\":\"pw-" + user + "\"}").send();
        assertEquals(200, reauth.status());
        String fresh = COOKIE + "=" + reauth.cookie(COOKIE) + "; " + cookie.split("; ", 2)[1];
        assertEquals(200, http.request("POST", "/account/payout").api().cookie(fresh).from(OTHER_NETWORK)
                .form("amount=3").send().status(), "re-authenticating records the new network");
        assertTrue(realm.auditTrail(accountId(user), 50).stream()
                .anyMatch(e -> e.type() == AuditEvent.Type.STEP_UP_REQUIRED), "the step-up is audited");
    }

    @Test
    void aSpoofedForwardedForWithoutATrustedProxyChangesNothing() {
        String cookie = loginFromKnownDevice(newUser("customer"));
        RawHttp.Response r = http.request("POST", "/account/payout").api().cookie(cookie)
                .header("X-Forwarded-For", "203.0.113.9").form("amount=3").send();
        assertEquals(200, r.status(), "no trusted proxy: the header is not the client");
        assertFalse(r.body().contains("NETWORK_CHANGED"), r.body());
    }

    @Test
    void behindATrustedProxyTheForwardedAddressIsTheClient() {
        withInstance(app -> app.param("trusted-proxies", "127.0.0.1"), client -> {
            String user = newUser("customer");
            String cookie = loginWith(client, user, FIREFOX);
            RawHttp.Response r = client.request("POST", "/account/payout").api().cookie(cookie)
                    .header("User-Agent", FIREFOX).header("X-Forwarded-For", "203.0.113.9").form("amount=3").send();
            assertStepUp(r, "the proxy says the client moved to another network");
            assertCalm(client.request("GET", "/account/page").api().cookie(cookie).header("User-Agent", FIREFOX)
                    .header("X-Forwarded-For", "203.0.113.9"));
            SessionView view = realm.listSessions(accountId(user)).get(0);
            assertEquals("127.0.0.1", view.client().ip());
        });
    }

    @Test
    void aUserAgentChangeEndsTheSession() {
        String user = newUser("customer");
        String cookie = loginWith(http, user, FIREFOX);
        assertEquals(200, http.request("GET", "/account/page").api().cookie(cookie).header("User-Agent", FIREFOX)
                .send().status());
        RawHttp.Response copied = http.request("GET", "/account/page").api().cookie(cookie)
                .header("User-Agent", "curl/8.5.0").send();
        assertSignedOut(copied, "a copied cookie in another browser is signed out");
        assertSignedOut(http.request("GET", "/account/page").api().cookie(cookie).header("User-Agent", FIREFOX)
                .send(), "and the session is gone for its owner too");
        assertTrue(realm.auditTrail(accountId(user), 50).stream().anyMatch(e -> e.type() == AuditEvent.Type.RISK_SIGNAL
                && e.detail() != null && e.detail().contains("user agent changed")));
    }

    @Test
    void reactionsAreConfigurable() {
        withInstance(app -> app.param("risk-user-agent-change", "step-up").param("risk-network-change", "revoke"),
                client -> {
                    String user = newUser("customer");
                    String cookie = loginWith(client, user, FIREFOX);
                    assertEquals(200, client.request("GET", "/account/page").api().cookie(cookie)
                            .header("User-Agent", "curl/8.5.0").send().status(), "a new user agent no longer ends it");
                    assertStepUp(client.request("POST", "/account/payout").api().cookie(cookie)
                            .header("User-Agent", "curl/8.5.0").form("amount=1").send(), "but steps up");
                    assertCalm(client.request("GET", "/account/page").api().cookie(cookie)
                            .header("User-Agent", "curl/8.5.0"));
                    assertSignedOut(client.request("GET", "/account/page").api().cookie(cookie)
                            .header("User-Agent", FIREFOX).from(OTHER_NETWORK).send(),
                            "a network change now ends the session");
                    assertSignedOut(client.request("GET", "/account/page").api().cookie(cookie)
                            .header("User-Agent", FIREFOX).send(), "for good");
                });
    }

    @Test
    void aTeamCanPlugInItsOwnRiskPolicy() {
        withInstance(app -> app.param("risk-policy", AlwaysStepUp.class.getName()), client -> {
            String cookie = loginWith(client, newUser("customer"), FIREFOX);
            assertEquals(200, client.request("GET", "/account/page").api().cookie(cookie)
                    .header("User-Agent", FIREFOX).send().status());
            assertStepUp(client.request("POST", "/account/payout").api().cookie(cookie)
                    .header("User-Agent", FIREFOX).form("amount=1").send(), "the team's policy steps up");
            assertCalm(client.request("GET", "/account/page").api().cookie(cookie).header("User-Agent", FIREFOX));
        });
    }

    @Test
    void aRiskPolicyClassThatIsNotOneStopsTheStart() throws Exception {
        TestApp app = application(realm).param("risk-policy", String.class.getName());
        try (LogLines log = new LogLines(io.hallpass.filter.HallpassFilter.class.getName());
             Container other = newContainer()) {
            boolean available;
            try {
                other.start(app);
                available = other.applicationAvailable();
            } catch (Exception refused) {
                available = false; // some containers throw, others keep running without the application
            }
            assertFalse(available, "a bad risk-policy must stop the application");
            assertTrue(log.lines().contains("Hallpass refuses to start: risk-policy ('java.lang.String') does not"
                    + " implement io.hallpass.filter.risk.RiskPolicy"), "refused for that reason: " + log);
        }
    }

    @Test
    void aFaultInAPluggedInPolicyAnswersAShort500WithoutAStackTrace() {
        withInstance(app -> app.param("risk-policy", Faulty.class.getName()), client -> {
            String cookie = loginWith(client, newUser("customer"), FIREFOX);
            RawHttp.Response r = client.request("GET", "/account/page").api().cookie(cookie)
                    .header("User-Agent", FIREFOX).send();
            assertEquals(500, r.status(), r.toString());
            assertTrue(r.body().contains("\"error\":\"internal\""), r.body());
            assertFalse(r.body().contains("Exception") || r.body().contains("at io.hallpass"), r.body());
            assertEquals(200, client.request("GET", "/public/x").api().send().status(), "public paths unaffected");
        });
    }

    /** A team's policy with a bug. */
    public static final class Faulty implements RiskPolicy {
        @Override
        public RiskAssessment assess(SessionView session, ClientFacts request, Instant now) {
            throw new IllegalStateException("bug in a team's risk policy");
        }
    }

    /** A team's policy: every sensitive action needs a fresh password. */
    public static final class AlwaysStepUp implements RiskPolicy {
        @Override
        public RiskAssessment assess(SessionView session, ClientFacts request, Instant now) {
            return new RiskAssessment(Set.of(), null, true, false, "team policy");
        }
    }

    private String deviceOf(String user) {
        return deviceIds().get(user);
    }
}
