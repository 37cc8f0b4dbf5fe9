package io.hallpass.filter.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.hallpass.filter.event.HallpassEvent;
import io.hallpass.filter.event.HallpassListener;
import io.hallpass.filter.event.HallpassMetricsMXBean;
import io.hallpass.realm.PasswordCost;
import io.hallpass.realm.Realm;
import io.hallpass.realm.SchemaAction;
import java.lang.management.ManagementFactory;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.stream.Collectors;
import javax.management.JMX;
import javax.management.MBeanServer;
import javax.management.MalformedObjectNameException;
import javax.management.ObjectName;
import org.junit.jupiter.api.Test;

/**
 * The event stream and the JMX metrics on the wire. The suite's application names two listeners by init-param: one
 * that always throws, then one that records; a scripted mix of sign-ins, step-ups and refusals must then read back
 * through the platform MBean server exactly as sent, with every answer as it would be without listeners. Other tests
 * start instances of their own on context paths of their own: a redeploy, two contexts at once, the session cache.
 */
public abstract class MetricsContract extends ContainerSuite {

    private static final MBeanServer MBEANS = ManagementFactory.getPlatformMBeanServer();

    /** Records every event it receives, for the test to read. */
    public static final class Recorder implements HallpassListener {
        static final ConcurrentLinkedQueue<HallpassEvent> EVENTS = new ConcurrentLinkedQueue<>();

        @Override
        public void onEvent(HallpassEvent event) {
            EVENTS.add(event);
        }
    }

    /** A listener with a bug: throws on every event. */
    public static final class Thrower implements HallpassListener {
        @Override
        public void onEvent(HallpassEvent event) {
            throw new IllegalStateException("listener bug on " + event);
        }
    }

    @Override
    protected TestApp application() {
        return application(realm).param("event-listeners", Thrower.class.getName() + ", " + Recorder.class.getName());
    }

    private static ObjectName nameOf(String context) {
        try {
            return new ObjectName("io.hallpass:type=Metrics,context=" + context);
        } catch (MalformedObjectNameException e) {
            throw new AssertionError(e);
        }
    }

    private static HallpassMetricsMXBean metrics(String context) {
        ObjectName name = nameOf(context);
        assertTrue(MBEANS.isRegistered(name), name + " is registered");
        return JMX.newMXBeanProxy(MBEANS, name, HallpassMetricsMXBean.class);
    }

    private static String unique(String prefix) {
        return "/" + prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
    }

    private RawHttp.Response apiLogin(String user, String password) {
        return http.request("POST", "/auth/login").api().sameOrigin().form(form("username", user, "password", password))
                .send();
    }

    // ------------------------------------------------------------------------------------ the mix

    @Test
    void aScriptedMixReadsBackThroughThePlatformMBeanServerExactlyAsSent() {
        Recorder.EVENTS.clear();
        List<String> secrets = new ArrayList<>(); // passwords and tokens: no event may contain one
        Map<String, Long> refusals = new TreeMap<>();

        // sign-ins: a success, a wrong password, a username nobody has
        String customer = newUser("customer");
        secrets.add("pw-" + customer);
        RawHttp.Response ok = apiLogin(customer, "pw-" + customer);
        assertEquals(200, ok.status(), ok.toString());
        String cookie = COOKIE + "=" + ok.cookie(COOKIE);
        secrets.add(ok.cookie(COOKIE));
        assertEquals(401, apiLogin(customer, "wrong-password-1").status());
        secrets.add("wrong-password-1");
        String nobody = "nobody-" + UUID.randomUUID().toString().substring(0, 8);
        assertEquals(401, apiLogin(nobody, "pw-of-nobody").status());
        secrets.add("pw-of-nobody");
        refusals.merge("invalid_credentials", 2L, Long::sum);

        // step-ups: demanded, failed, passed
        clock.advance(Duration.ofSeconds(61));
        RawHttp.Response stale = apiGet("/account/export", cookie);
        assertEquals(401, stale.status(), stale.toString());
        assertTrue(stale.header("WWW-Authenticate").contains("insufficient_user_authentication"), stale.toString());
        refusals.merge("step_up", 1L, Long::sum);
        RawHttp.Response wrongReauth = http.request("POST", "/auth/reauth").api().sameOrigin().cookie(cookie)
                .json("{\"password\":\"wrong-password-2\"}").send();
        secrets.add("wrong-password-2");
        assertEquals(401, wrongReauth.status(), wrongReauth.toString());
        refusals.merge("invalid_credentials", 1L, Long::sum);
        RawHttp.Response reauth = http.request("POST", "/auth/reauth").api().sameOrigin().cookie(cookie)
                .json("{\"password\":\"pw-" + customer + "\"}").send();
        assertEquals(200, reauth.status(), reauth.toString());
        cookie = COOKIE + "=" + reauth.cookie(COOKIE);
        secrets.add(reauth.cookie(COOKIE));
        assertEquals(200, apiGet("/account/export", cookie).status());

        // a refusal of each kind the gate names
        RawHttp.Response firewall = http.request("PROPFIND", "/public/x").api().send();
        assertEquals(400, firewall.status(), firewall.toString());
        assertTrue(firewall.body().contains("\"bad_request\""), "answered by Hallpass: " + firewall);
        refusals.merge("firewall", 1L, Long::sum);
        assertEquals(403, http.request("POST", "/account/payout").api().header("Origin", "https://evil.example")
                .cookie(cookie).form("amount=1").send().status());
        refusals.merge("cross_site", 1L, Long::sum);
        assertEquals(400, apiGet("/account/x", cookie + "; " + COOKIE + "=hp1_other").status());
        refusals.merge("duplicate_cookie", 1L, Long::sum);
        assertEquals(405, http.request("DELETE", "/account/thing").api().sameOrigin().cookie(cookie).send().status());
        refusals.merge("method", 1L, Long::sum);
        assertEquals(400, http.request("POST", "/auth/login").api().sameOrigin().form(form("username", customer))
                .send().status());
        refusals.merge("bad_input", 1L, Long::sum);
        assertEquals(401, apiGet("/account/x", null).status());
        refusals.merge("unauthenticated", 1L, Long::sum);
        assertEquals(403, apiGet("/admin/panel", cookie).status());
        refusals.merge("forbidden", 1L, Long::sum);
        assertEquals(403, apiGet("/nowhere", cookie).status());
        refusals.merge("unmatched", 1L, Long::sum);
        database.down(true);
        try {
            assertEquals(503, apiGet("/account/x", cookie).status());
            refusals.merge("realm_unavailable", 1L, Long::sum);
        } finally {
            database.down(false);
        }

        // the throttle: wrong passwords from another client until it must wait
        String target = newUser();
        long wrong = 0;
        RawHttp.Response r;
        int attempt = 0;
        do {
            r = http.request("POST", "/auth/login").api().from("127.0.3.9")
                    .form(form("username", target, "password", "guess-" + attempt)).send();
            secrets.add("guess-" + attempt);
            attempt++;
            if (r.status() == 401) {
                wrong++;
            }
        } while (r.status() == 401 && attempt < 20);
        assertEquals(429, r.status(), "throttled within 20 attempts: " + r);
        refusals.merge("invalid_credentials", wrong, Long::sum);
        refusals.merge("too_many_attempts", 1L, Long::sum);

        // a sign-in in a browser that still holds a live session replaces it; then a sign-out
        RawHttp.Response again = http.request("POST", "/auth/login").api().sameOrigin().cookie(cookie)
                .form(form("username", customer, "password", "pw-" + customer)).send();
        assertEquals(200, again.status(), again.toString());
        String replacement = COOKIE + "=" + again.cookie(COOKIE);
        secrets.add(again.cookie(COOKIE));
        assertEquals(401, apiGet("/account/x", cookie).status(), "the replaced session ended");
        refusals.merge("unauthenticated", 1L, Long::sum);
        assertEquals(204, http.request("POST", "/auth/logout").api().sameOrigin().cookie(replacement).send().status());

        HallpassMetricsMXBean m = metrics("/");
        assertEquals("/", m.getContextPath());
        assertEquals(2, m.getSignInsSucceeded());
        assertEquals(2, m.getSignInsNewDevice(), "neither sign-in sent a device cookie");
        assertEquals(2 + wrong, m.getSignInsFailed(), "wrong password, unknown username, then the throttle's");
        assertEquals(1, m.getSignInsThrottled());
        assertEquals(0, m.getSignInsBusy());
        assertEquals(0, m.getSignInsTooManySessions());
        assertEquals(1, m.getSignOuts());
        assertEquals(1, m.getStepUpsDemanded());
        assertEquals(1, m.getStepUpsPassed());
        assertEquals(1, m.getStepUpsFailed());
        assertEquals(1, m.getRealmUnavailable());
        Map<String, Long> expected = new TreeMap<>(m.getRefusals());
        expected.replaceAll((kind, count) -> refusals.getOrDefault(kind, 0L));
        assertEquals(expected, new TreeMap<>(m.getRefusals()));
        assertEquals(Map.of("signed_out", 1L, "replaced_by_sign_in", 1L, "risk_policy", 0L, "password_changed", 0L),
                m.getSessionsRevoked());
        assertEquals(0, m.getPurgeRuns(), "the application's own realm: the application purges it");
        assertFalse(m.isSessionCacheOn());
        assertEquals(-1, m.getSessionCacheSize());

        // the listeners: the thrower failed on every event, the recorder after it still received each one
        List<HallpassEvent> events = List.copyOf(Recorder.EVENTS);
        assertEquals(events.size(), m.getListenerFailures(), "the throwing listener failed once per event");
        List<HallpassEvent.SignedIn> signIns = events.stream().filter(HallpassEvent.SignedIn.class::isInstance)
                .map(HallpassEvent.SignedIn.class::cast).collect(Collectors.toList());
        assertEquals(2, signIns.size(), events.toString());
        HallpassEvent.SignedIn first = signIns.get(0);
        assertEquals(customer, first.account());
        assertTrue(first.newDevice());
        assertEquals("127.0.0.1", first.clientAddress());
        assertEquals(clock.instant().minusSeconds(61), first.at(), "times come from the realm's clock");
        assertEquals(Set.of(HallpassEvent.Failure.WRONG_CREDENTIALS, HallpassEvent.Failure.THROTTLED),
                events.stream().filter(HallpassEvent.SignInFailed.class::isInstance)
                        .map(e -> ((HallpassEvent.SignInFailed) e).reason()).collect(Collectors.toSet()));
        assertTrue(events.stream().anyMatch(e -> e instanceof HallpassEvent.SignInFailed f
                && "127.0.3.9".equals(f.clientAddress())), "the throttled client is named by its address");
        HallpassEvent.StepUpDemanded demanded = events.stream().filter(HallpassEvent.StepUpDemanded.class::isInstance)
                .map(HallpassEvent.StepUpDemanded.class::cast).findFirst().orElseThrow();
        assertEquals(customer, demanded.account());
        assertEquals(first.sessionId(), demanded.sessionId(), "named by the session's public id");
        assertEquals(Duration.ofSeconds(60), demanded.maxAge());
        assertTrue(events.stream().anyMatch(e -> e instanceof HallpassEvent.SessionRevoked s
                && s.cause() == HallpassEvent.Cause.REPLACED_BY_SIGN_IN && s.sessionId().equals(first.sessionId())));
        assertEquals(refusals.values().stream().mapToLong(Long::longValue).sum(),
                events.stream().filter(HallpassEvent.Refused.class::isInstance).count(), "one event per refusal");
        for (HallpassEvent event : events) {
            String text = event.toString();
            for (String secret : secrets) {
                assertFalse(text.contains(secret), "an event holds a password or a token: " + text);
            }
            assertFalse(text.contains(nobody), "an event names the unknown username typed: " + text);
        }
    }

    // ------------------------------------------------------------------- lifecycle: redeploy, two contexts

    @Test
    void aRedeployLeavesNoStaleMBeanAndStartsCountingAfresh() throws Exception {
        String context = unique("redeploy");
        ObjectName name = nameOf(context);
        String user = newUser();
        for (int deploy = 1; deploy <= 2; deploy++) {
            try (Container instance = newContainer()) {
                instance.start(application(realm).contextPath(context));
                assertTrue(instance.applicationAvailable());
                RawHttp client = new RawHttp(instance.port());
                assertEquals(200, client.request("POST", context + "/auth/login").api()
                        .form(form("username", user, "password", "pw-" + user)).send().status());
                assertEquals(1, metrics(context).getSignInsSucceeded(), "deploy " + deploy + " counts its own");
            }
            assertFalse(MBEANS.isRegistered(name), "stopped: no MBean left behind after deploy " + deploy);
        }
    }

    @Test
    void twoContextsRegisterTwoNamesAndCountApart() throws Exception {
        String one = unique("one");
        String two = unique("two");
        String user = newUser();
        try (Container first = newContainer(); Container second = newContainer()) {
            first.start(application(realm).contextPath(one));
            second.start(application(realm).contextPath(two));
            assertEquals(200, new RawHttp(first.port()).request("POST", one + "/auth/login").api()
                    .form(form("username", user, "password", "pw-" + user)).send().status());
            assertEquals(1, metrics(one).getSignInsSucceeded());
            assertEquals(0, metrics(two).getSignInsSucceeded());
            assertEquals(two, metrics(two).getContextPath());
            assertTrue(MBEANS.isRegistered(nameOf("/")), "the suite's own application keeps its name");
        }
        assertFalse(MBEANS.isRegistered(nameOf(one)));
        assertFalse(MBEANS.isRegistered(nameOf(two)));
    }

    @Test
    void aThrowingListenerChangesNoAnswer() throws Exception {
        String quiet = unique("quiet");
        String noisy = unique("noisy");
        String user = newUser("customer");
        try (Container without = newContainer(); Container with = newContainer()) {
            without.start(application(realm).contextPath(quiet).param("event-listeners", "none"));
            with.start(application(realm).contextPath(noisy).param("event-listeners", Thrower.class.getName()));
            List<String> a = script(new RawHttp(without.port()), quiet, user);
            List<String> b = script(new RawHttp(with.port()), noisy, user);
            assertEquals(a, b);
            assertEquals(0, metrics(quiet).getListenerFailures());
            assertTrue(metrics(noisy).getListenerFailures() >= a.size(), "the listener threw on every event");
        }
    }

    /** The same requests to an instance at {@code context}: each answer's status, headers that matter, and body. */
    private static List<String> script(RawHttp client, String context, String user) {
        List<RawHttp.Response> answers = new ArrayList<>();
        answers.add(client.request("GET", context + "/account/x").api().send());
        answers.add(client.request("GET", context + "/account/x").browser().send());
        answers.add(client.request("POST", context + "/auth/login").api()
                .form(form("username", user, "password", "wrong")).send());
        answers.add(client.request("POST", context + "/auth/login").browser()
                .form(form("username", user, "password", "wrong")).send());
        RawHttp.Response login = client.request("POST", context + "/auth/login").api()
                .form(form("username", user, "password", "pw-" + user)).send();
        answers.add(login);
        String cookie = COOKIE + "=" + login.cookie(COOKIE);
        answers.add(client.request("GET", context + "/admin/panel").api().cookie(cookie).send());
        answers.add(client.request("PROPFIND", context + "/public/x").api().send());
        answers.add(client.request("POST", context + "/auth/logout").api().cookie(cookie).send());
        List<String> out = new ArrayList<>();
        for (RawHttp.Response r : answers) {
            out.add((r.status() + " " + r.header("WWW-Authenticate") + " " + r.header("Location") + " "
                    + r.header("Content-Type") + " " + r.body()).replace(context, "<context>"));
        }
        return out;
    }

    // ------------------------------------------------------------------------------- the session cache

    @Test
    void theCacheGaugesShowTheRealmsSessionCache() throws Exception {
        String context = unique("cached");
        try (Realm cached = Realm.builder().dataSource(database).schemaAction(SchemaAction.NONE).clock(clock)
                .passwordCost(new PasswordCost(64, 1, 1)).sessionCache(1_000, Duration.ofSeconds(60)).build();
             Container instance = newContainer()) {
            instance.start(application(cached).contextPath(context));
            RawHttp client = new RawHttp(instance.port());
            String user = newUser();
            RawHttp.Response login = client.request("POST", context + "/auth/login").api()
                    .form(form("username", user, "password", "pw-" + user)).send();
            assertEquals(200, login.status(), login.toString());
            String cookie = COOKIE + "=" + login.cookie(COOKIE);
            assertEquals(200, client.request("GET", context + "/account/x").api().cookie(cookie).send().status());
            assertEquals(200, client.request("GET", context + "/account/x").api().cookie(cookie).send().status());
            HallpassMetricsMXBean m = metrics(context);
            assertTrue(m.isSessionCacheOn());
            assertEquals(1, m.getSessionCacheSize());
            assertEquals(0.5, m.getSessionCacheHitRatio(), 1e-9, "the first request read the database, the second not");
            assertTrue(m.getSessionCacheInvalidationLagMillis() >= 0);
        }
    }

    // --------------------------------------------------------------------------- a listener named wrongly

    @Test
    void aListenerThatIsNoListenerStopsTheStart() throws Exception {
        String context = unique("bad");
        try (Container instance = newContainer()) {
            boolean started;
            try {
                instance.start(application(realm).contextPath(context).param("event-listeners",
                        String.class.getName()));
                started = instance.applicationAvailable();
            } catch (Exception e) {
                started = false; // the container refused the application: as good
            }
            assertFalse(started, "java.lang.String is no HallpassListener: the application must not run");
        }
        assertFalse(MBEANS.isRegistered(nameOf(context)), "a refused start registers nothing");
    }
}
