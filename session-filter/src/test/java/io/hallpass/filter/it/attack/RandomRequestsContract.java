package io.hallpass.filter.it.attack;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.hallpass.filter.it.ContainerSuite;
import io.hallpass.filter.it.RawHttp;
import io.hallpass.filter.it.TestApp;
import io.hallpass.filter.path.RequestPath;
import io.hallpass.filter.policy.Policy;
import io.hallpass.filter.policy.PolicySettings;
import io.hallpass.filter.policy.RuleSource;
import io.hallpass.realm.AccountView;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Property-based attacks on the filter in a real container, with a seeded generator of our own
 * ({@link PropertyRun}: the seed is printed, {@code -Dhallpass.seed=} replays it):
 * <ul>
 *   <li>random request targets, built from the pieces of every known path-matching bypass, never reach a servlet
 *       whose rule the client does not pass, and whenever a target gets through, the pattern the policy selected
 *       for it is the url-pattern the container dispatched it by;</li>
 *   <li>random {@code Cookie} headers never resolve to a session.</li>
 * </ul>
 * Each target is sent by three clients: an administrator (who passes every rule but {@code deny}, and so shows
 * where the container maps the target), a user signed in without a role, and an anonymous one. What the
 * administrator's request reached decides what the other two must get: the same servlet where the rule admits
 * them, 401 or 403 where it does not, and the same 400 where the firewall or the container refused the target.
 */
public abstract class RandomRequestsContract extends ContainerSuite {

    /** Cases per property per container. */
    static final int CASES = 2_000;
    /** The time budget per property per container: it bounds a run on a busy machine, it asserts nothing. */
    static final Duration BUDGET = Duration.ofSeconds(45);
    static final String SESSION_COOKIE = "__Host-hallpass";

    /** Answers that refuse a target: bad request, unauthenticated, forbidden, not found, too long, too large. */
    private static final Set<Integer> REFUSALS = Set.of(400, 401, 403, 404, 414, 431);

    private final Policy policy = compile();
    private String admin;
    private String plain;
    private String liveToken;
    private String revokedToken;

    @Override
    protected TestApp application() {
        return ProbeApp.application(realm);
    }

    private static Policy compile() {
        try {
            return Policy.compile(new RuleSource("probe rules", ProbeApp.rules()), List.of(), PolicySettings.defaults());
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    @BeforeAll
    void signInTheClients() {
        admin = signIn("admin", "customer");
        plain = signIn(new String[0]);
        liveToken = plain.substring(SESSION_COOKIE.length() + 1);
        String leaving = signIn(new String[0]);
        assertEquals(204, http.request("POST", "/auth/logout").api().sameOrigin().cookie(leaving).send().status());
        revokedToken = leaving.substring(SESSION_COOKIE.length() + 1);
        // the cookies are alive, or every refusal below would prove nothing
        assertEquals(200, http.request("GET", "/admin/x").api().cookie(admin).send().status());
        assertEquals(200, http.request("GET", "/account/x").api().cookie(plain).send().status());
        assertEquals(401, http.request("GET", "/account/x").api().cookie(SESSION_COOKIE + "=" + revokedToken)
                .send().status());
    }

    private String signIn(String... roles) {
        String name = "prop-" + UUID.randomUUID().toString().substring(0, 8);
        String password = "Pw-" + UUID.randomUUID();
        AccountView account = realm.createAccount(name, password);
        for (String role : roles) {
            realm.grantRole(account.id(), role, null, "test");
        }
        RawHttp.Response r = http.request("POST", "/auth/login").api().sameOrigin()
                .form(form("username", name, "password", password)).send();
        assertEquals(200, r.status(), r.toString());
        return SESSION_COOKIE + "=" + r.cookie(SESSION_COOKIE);
    }

    @Test
    void randomTargetsNeverReachAServletWhoseRuleFailsAndThePolicyMatchesAsTheContainerMaps() {
        Map<String, Integer> outcomes = new TreeMap<>();
        PropertyRun run = PropertyRun.of("random targets on " + server.name(), CASES, BUDGET);
        int ran = run.check(random -> {
            String target = Grammar.target(random, server.port());
            RawHttp.Response asAdmin = send(target, admin);
            ProbeApp.Echo reached = ProbeApp.Echo.parse(asAdmin.body());
            String outcome;
            if (reached != null) {
                ProbeApp.Mapping mapping = checkAgreement(target, reached);
                outcome = "reached " + (mapping.pattern().isEmpty() ? "\"\"" : mapping.pattern());
                for (ProbeApp.Client client : List.of(ProbeApp.Client.ANONYMOUS, ProbeApp.Client.SIGNED_IN_WITHOUT_ROLE)) {
                    RawHttp.Response r = send(target, client == ProbeApp.Client.ANONYMOUS ? null : plain);
                    String who = client + " GET " + Grammar.shown(target);
                    if (mapping.admits().contains(client)) {
                        ProbeApp.Echo echo = ProbeApp.Echo.parse(r.body());
                        assertNotNull(echo, who + " is admitted by " + mapping + " but got " + r);
                        assertEquals(reached.servlet(), echo.servlet(), who);
                        assertEquals(client == ProbeApp.Client.ANONYMOUS, echo.user().equals("null"),
                                who + " ran as " + echo.user());
                    } else {
                        assertEquals(client == ProbeApp.Client.ANONYMOUS ? 401 : 403, r.status(),
                                who + " must be refused by " + mapping + ": " + r);
                    }
                }
            } else {
                outcome = "refused " + asAdmin.status();
                assertTrue(REFUSALS.contains(asAdmin.status()), "ADMIN GET " + Grammar.shown(target) + ": " + asAdmin);
                for (String cookie : new String[] {null, plain}) {
                    RawHttp.Response r = send(target, cookie);
                    String who = (cookie == null ? "ANONYMOUS" : "SIGNED_IN_WITHOUT_ROLE") + " GET " + Grammar.shown(target);
                    if (asAdmin.status() == 400 || asAdmin.status() == 414 || asAdmin.status() == 431) {
                        // refused for its form, before any session is looked at: the same for everyone
                        assertEquals(asAdmin.status(), r.status(), who + ": " + r);
                    } else {
                        assertTrue(REFUSALS.contains(r.status()), who + ": " + r);
                    }
                }
            }
            outcomes.merge(outcome, 1, Integer::sum);
        });
        System.out.println("random targets on " + server.name() + ": " + ran + " targets, outcomes " + outcomes);
        // the run must have covered both sides: targets the firewall refused and targets of every mapping it let
        // through (but the denied one, which nobody reaches), or it shows nothing
        assertTrue(outcomes.getOrDefault("refused 400", 0) >= ran / 10, "too few refused targets: " + outcomes);
        for (ProbeApp.Mapping m : ProbeApp.MAPPINGS) {
            if (!m.admits().isEmpty()) {
                String key = "reached " + (m.pattern().isEmpty() ? "\"\"" : m.pattern());
                assertTrue(outcomes.getOrDefault(key, 0) > 0, "no target reached " + m + ": " + outcomes);
            }
        }
    }

    /**
     * The servlet's echo of the container's mapping, against the rule the policy selects for the same path: the
     * rules have one line per mapping with the same pattern, so the policy's source line names the pattern.
     */
    private ProbeApp.Mapping checkAgreement(String target, ProbeApp.Echo echo) {
        String path = RequestPath.of(echo.servletPath(), echo.pathInfo());
        String source = policy.lookup("GET", path, null).source();
        assertTrue(source.startsWith("rule line "), "GET " + Grammar.shown(target) + " (path " + path + "): policy says " + source);
        ProbeApp.Mapping selected = ProbeApp.ofLine(Integer.parseInt(source.substring("rule line ".length())));
        assertEquals(echo.pattern(), selected.pattern(), "GET " + Grammar.shown(target) + " (path " + path + "): the container mapped "
                + echo.servlet() + " by \"" + echo.pattern() + "\" (" + echo.match() + "), the policy selected \""
                + selected.pattern() + "\"");
        assertEquals(echo.servlet(), selected.servlet(), "GET " + Grammar.shown(target));
        assertTrue(selected.admits().contains(ProbeApp.Client.ADMIN), "GET " + Grammar.shown(target) + " reached " + selected
                + ", whose rule refuses everyone");
        return selected;
    }

    /** Sends GET as an API client; a probe servlet must have run exactly when a probe answered. */
    private RawHttp.Response send(String target, String cookie) {
        int before = ProbeApp.HITS.get();
        RawHttp.Response r = http.request("GET", target).api().cookie(cookie).send();
        String who = (cookie == null ? "anonymous" : cookie.equals(admin) ? "admin" : "signed in") + " GET " + Grammar.shown(target);
        assertFalse(r.status() >= 500, who + ": " + r);
        boolean echoed = ProbeApp.Echo.parse(r.body()) != null;
        assertEquals(echoed ? 1 : 0, ProbeApp.HITS.get() - before, who + " ran a servlet it was not answered by: " + r);
        assertEquals(echoed, r.status() == 200, who + ": " + r);
        return r;
    }

    @Test
    void randomCookieHeadersNeverResolveToASession() {
        Map<String, Integer> outcomes = new TreeMap<>();
        PropertyRun run = PropertyRun.of("random cookies on " + server.name(), CASES, BUDGET);
        int ran = run.check(random -> {
            Grammar.CookieHeader cookies = Grammar.cookies(random, SESSION_COOKIE, liveToken, revokedToken);
            int before = ProbeApp.HITS.get();
            RawHttp.Response r = http.request("GET", "/account/x").api().header("Cookie", cookies.value()).send();
            String what = "GET /account/x with Cookie: " + cookies.value() + " answered " + r;
            assertEquals(before, ProbeApp.HITS.get(), what);
            if (cookies.sessionNamed() >= 2) {
                // two session cookies are refused as cookie tossing (400), unless the container dropped one as
                // unparseable, which leaves no session (401)
                assertTrue(r.status() == 400 || r.status() == 401, what);
            } else {
                assertEquals(401, r.status(), what);
            }
            String set = r.cookie(SESSION_COOKIE);
            assertTrue(set == null || set.isEmpty(), "a session cookie was set: " + what);
            outcomes.merge(r.status() + (cookies.sessionNamed() >= 2 ? " (duplicated)" : ""), 1, Integer::sum);
        });
        System.out.println("random cookies on " + server.name() + ": " + ran + " headers, outcomes " + outcomes);
        assertTrue(outcomes.getOrDefault("401", 0) > ran / 4, "too few single-cookie headers: " + outcomes);
        // the live session still works: the run refused lookalikes, not the real thing
        assertEquals(200, http.request("GET", "/account/x").api().cookie(plain).send().status());
        assertNull(ProbeApp.Echo.parse(http.request("GET", "/account/x").api().send().body()));
    }
}
