package io.hallpass.sample.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.hallpass.sample.it.Browser.Response;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * The HTTP contract of the sample portal, as issue 5 ("The app") states it, checked against the runnable jar
 * on embedded Tomcat and on embedded Jetty: public pages, the login redirect for browsers and 401 for API
 * clients, what each demo role may and may not open, the sensitive endpoints and their re-authentication,
 * form validation, sessions, logout, same-origin checks, and a clean stop.
 *
 * <p>Each server runs two instances, each on a free loopback port with a fresh H2 file under
 * {@code target/it-work/}: one with the default re-authentication window (5m), where every sensitive action
 * right after a login must pass, and one started with {@code --reauth-within 3s}, where the tests poll until
 * the session is stale (no fixed sleeps) and then re-authenticate.
 *
 * <p>It runs in every {@code mvn verify}.
 */
class PortalContractIT {

    static final Duration START_LIMIT = Duration.ofSeconds(180);
    static final Duration STRICT_WINDOW = Duration.ofSeconds(3);

    @Nested
    class OnTomcat extends Contract {
        OnTomcat() {
            super("tomcat");
        }
    }

    @Nested
    class OnJetty extends Contract {
        OnJetty() {
            super("jetty");
        }
    }

    @TestInstance(TestInstance.Lifecycle.PER_CLASS)
    @TestMethodOrder(MethodOrderer.OrderAnnotation.class)
    abstract static class Contract {

        private final String server;
        private final AtomicInteger clients = new AtomicInteger();
        private Path folder;
        private String jdbcUrl;
        private PortalProcess portal;
        private PortalProcess strict;
        private URI base;
        private URI strictBase;

        Contract(String server) {
            this.server = server;
        }

        @BeforeAll
        void start() throws Exception {
            folder = PortalProcess.newFolder("contract-" + server);
            jdbcUrl = "jdbc:h2:file:" + folder.toAbsolutePath().resolve("db/portal");
            portal = PortalProcess.start(folder, "--server", server, "--port", "0", "--jdbc-url", jdbcUrl);
            base = portal.awaitUrl(START_LIMIT);
            Path strictFolder = PortalProcess.newFolder("contract-strict-" + server);
            strict = PortalProcess.start(strictFolder, "--server", server, "--port", "0", "--reauth-within",
                    STRICT_WINDOW.toSeconds() + "s");
            strictBase = strict.awaitUrl(START_LIMIT);
        }

        @AfterAll
        void stop() throws Exception {
            if (portal != null) {
                portal.close();
            }
            if (strict != null) {
                strict.close();
            }
        }

        /** A new client of the main instance, with a user agent of its own. */
        Browser browser() {
            return new Browser(base, "PortalContractIT/1.0 (" + server + "; client " + clients.incrementAndGet() + ")");
        }

        Browser strictBrowser() {
            return new Browser(strictBase, "PortalContractIT/1.0 (" + server + "; strict client "
                    + clients.incrementAndGet() + ")");
        }

        Browser signedIn(String user) {
            return browser().signIn(user);
        }

        // =============================================================================================== public

        @Test
        void publicPagesAnswerToAnyone() {
            Browser anonymous = browser();
            Response home = anonymous.get("/");
            assertEquals(200, home.status(), home::toString);
            assertTrue(home.body().contains("Northwind"), home::toString);
            Response login = anonymous.get("/login");
            assertEquals(200, login.status(), login::toString);
            assertTrue(login.body().contains("action=\"/auth/login\""), login::toString);
            for (String demo : List.of("alice-demo-pw", "sam-demo-pw", "ada-demo-pw", "casey-demo-pw")) {
                assertTrue(login.body().contains(demo), "the login page shows the demo accounts");
            }
            Response ping = anonymous.get("/ping");
            assertEquals(200, ping.status(), ping::toString);
            assertEquals("pong", ping.body().strip());
            assertEquals(200, anonymous.head("/ping").status(), "GET implies HEAD");
            Response css = anonymous.get("/static/portal.css");
            assertEquals(200, css.status(), css::toString);
            assertTrue(css.header("Content-Type").orElse("").startsWith("text/css"), css::toString);
        }

        @Test
        void theLoginPageShowsTheErrorFlag() {
            Response page = browser().get("/login?error=1");
            assertEquals(200, page.status());
            assertTrue(page.body().contains("don’t match"), page::toString);
        }

        @Test
        void pagesAllowNoScript() {
            Response home = browser().get("/");
            String csp = home.header("Content-Security-Policy").orElseThrow(() -> new AssertionError(home));
            assertTrue(csp.contains("default-src 'none'"), csp);
            assertFalse(csp.contains("script-src"), csp);
            assertFalse(home.body().contains("<script"), "no script on the page");
        }

        // ============================================================================================ anonymous

        @Test
        void anAnonymousBrowserIsSentToTheLoginPageWithTheReturnPath() {
            Browser anonymous = browser();
            for (String path : List.of("/account", "/account/sessions", "/orders", "/billing", "/reports/sales",
                    "/admin/users", "/account/export")) {
                Response r = anonymous.get(path);
                assertEquals(303, r.status(), r::toString);
                assertEquals("/login", r.locationPath(), r::toString);
                assertEquals(path, r.locationParameter("return"), r::toString);
            }
        }

        @Test
        void anAnonymousApiClientGets401() {
            Browser api = browser().api();
            for (String path : List.of("/api/me", "/api/ping", "/account/sessions", "/orders")) {
                Response r = api.get(path);
                assertEquals(401, r.status(), r::toString);
            }
        }

        @Test
        void anAddressNoRuleNamesIsDenied() {
            Response anonymous = browser().get("/no-such-page");
            assertEquals(403, anonymous.status(), "denied before any servlet, signed in or not: " + anonymous);
            Response alice = signedIn("alice").get("/no-such-page");
            assertEquals(403, alice.status(), alice::toString);
            Response error = signedIn("alice").get("/error");
            assertEquals(403, error.status(), "the error page is not addressable: " + error);
        }

        // ====================================================================================== login, logout

        @Test
        void aFailedLoginGoesBackToTheLoginPageWithTheErrorFlagAndTheReturnPath() {
            Response r = browser().post("/auth/login", Map.of("username", "sam", "password", "not-sams-password",
                    "return", "/orders"));
            assertEquals(303, r.status(), r::toString);
            assertEquals("/login", r.locationPath(), r::toString);
            assertEquals("1", r.locationParameter("error"), r::toString);
            assertEquals("/orders", r.locationParameter("return"), r::toString);
            Response unknown = browser().post("/auth/login", Map.of("username", "nobody-at-all", "password", "x"));
            assertEquals(303, unknown.status(), unknown::toString);
            assertEquals("/login", unknown.locationPath(), "an unknown user gets the same answer: " + unknown);
        }

        @Test
        void aLoginGoesToTheReturnPathWithAHostOnlySessionCookie() {
            Browser alice = browser();
            Response r = alice.post("/auth/login", Map.of("username", "alice", "password", "alice-demo-pw",
                    "return", "/orders"));
            assertEquals(303, r.status(), r::toString);
            assertEquals("/orders", r.locationPath(), r::toString);
            String cookie = r.headerValues("Set-Cookie").stream()
                    .filter(c -> c.startsWith(Browser.SESSION_COOKIE + "=")).findFirst()
                    .orElseThrow(() -> new AssertionError("no session cookie: " + r.headers()));
            String lower = cookie.toLowerCase();
            assertTrue(lower.contains("httponly"), cookie);
            assertTrue(lower.contains("secure"), cookie);
            assertTrue(lower.contains("path=/"), cookie);
            assertTrue(lower.contains("samesite=lax"), cookie);
            assertFalse(lower.contains("domain="), cookie);
            assertEquals(200, alice.get("/orders").status());
        }

        @Test
        void logoutEndsTheSessionOnTheServer() {
            Browser alice = signedIn("alice");
            String token = alice.sessionCookie().orElseThrow();
            Response out = alice.post("/auth/logout", Map.of());
            assertEquals(303, out.status(), out::toString);
            assertEquals("/", out.locationPath(), out::toString);
            Browser replay = browser();
            replay.useSessionCookie(token);
            Response after = replay.get("/account");
            assertEquals(303, after.status(), "the old cookie is dead: " + after);
            assertEquals("/login", after.locationPath());
        }

        @Test
        void theApiAnswersWhoIsSignedIn() {
            Browser alice = signedIn("alice").api();
            Response me = alice.get("/api/me");
            assertEquals(200, me.status(), me::toString);
            assertEquals(Map.of("username", "alice", "roles", List.of("customer")), me.json());
            Response ping = alice.get("/api/ping");
            assertEquals(200, ping.status(), ping::toString);
            assertEquals("pong", ping.body().strip());
        }

        // ============================================================================================== roles

        @Test
        void aliceTheCustomerSeesHerOrdersWithCardDataAndBilling() {
            Browser alice = signedIn("alice");
            Response orders = alice.get("/orders");
            assertEquals(200, orders.status(), orders::toString);
            assertTrue(orders.body().contains("•••• 4242"), "card data for the customer");
            assertEquals(200, alice.get("/billing").status());
            assertEquals(200, alice.get("/account").status());
            assertEquals(200, alice.get("/account/sessions").status());
            assertEquals(403, alice.get("/reports/sales").status());
            assertEquals(403, alice.get("/admin/users").status());
        }

        @Test
        void samTheSupportAgentSeesOrderStatusButNoCardData() {
            Browser sam = signedIn("sam");
            Response orders = sam.get("/orders");
            assertEquals(200, orders.status(), orders::toString);
            assertTrue(orders.body().contains("NW-10517") && orders.body().contains("Shipped"), orders::toString);
            assertFalse(orders.body().contains("4242"), "no card number for support");
            assertFalse(orders.body().contains("••••"), "no masked card either");
            assertEquals(403, sam.get("/billing").status());
            assertEquals(403, sam.get("/reports/sales").status());
            assertEquals(403, sam.get("/admin/users").status());
            assertEquals(403, sam.get("/account/export").status());
            assertEquals(403, sam.post("/account/payout", Map.of("amount", "5.00")).status());
        }

        @Test
        void adaTheAdministratorIsNotASuperUser() {
            Browser ada = signedIn("ada");
            Response users = ada.get("/admin/users");
            assertEquals(200, users.status(), users::toString);
            for (String user : List.of("alice", "sam", "ada", "casey")) {
                assertTrue(users.body().contains(">" + user + "</strong>"), user);
            }
            assertEquals(200, ada.get("/reports/sales").status());
            assertEquals(200, ada.get("/admin/audit").status());
            assertEquals(403, ada.get("/orders").status());
            assertEquals(403, ada.get("/billing").status());
            assertEquals(403, ada.get("/account/export").status());
        }

        @Test
        void theAdministratorSeesTheEffectivePolicyWithNoGapLinkedFromTheAdminHome() {
            Browser ada = signedIn("ada");
            assertTrue(ada.get("/admin/users").body().contains("href=\"/admin/policy\""), "linked from the admin home");
            Response policy = ada.get("/admin/policy");
            assertEquals(200, policy.status(), policy::toString);
            assertTrue(policy.body().contains("<span class=\"badge badge-ok\">No gaps</span>"), policy::toString);
            assertFalse(policy.body().contains("badge-danger\">Role nobody holds"), policy::toString);
            // the container's own default servlet is listed, covered by the portal's "/ = deny"
            assertTrue(policy.body().contains("<td><code>/</code></td><td>default"), policy::toString);
            assertTrue(policy.body().contains("Deliberate choices"), policy::toString);
            String csp = policy.header("Content-Security-Policy").orElseThrow(() -> new AssertionError(policy));
            assertTrue(csp.contains("default-src 'none'"), csp);
            assertFalse(policy.body().contains("<script"));
        }

        @Test
        void theEffectivePolicyIsForAdministratorsOnly() {
            for (String user : List.of("alice", "sam", "casey")) {
                Response r = signedIn(user).get("/admin/policy");
                assertEquals(403, r.status(), user + ": " + r);
                assertFalse(r.body().contains("Effective policy"), r::toString);
            }
            assertEquals(401, browser().api().get("/admin/policy").status());
        }

        @Test
        void caseyTheContractorSeesReportsOnlyUntilHerGrantEnds() {
            Browser casey = signedIn("casey");
            assertEquals(200, casey.get("/reports/sales").status());
            assertEquals(200, casey.get("/reports").status());
            assertEquals(403, casey.get("/orders").status());
            assertEquals(403, casey.get("/billing").status());
            assertEquals(403, casey.get("/admin/users").status());
            assertEquals(List.of("reporting"), casey.api().get("/api/me").json().get("roles"));
            Response account = casey.get("/account");
            assertTrue(account.body().contains("in 7 days") || account.body().contains("in 6 days"),
                    "the grant ends 7 days after seeding: " + account);
        }

        @Test
        void aForbiddenPageIsThePortalsOwn() {
            Response r = signedIn("alice").get("/admin/users");
            assertEquals(403, r.status(), r::toString);
            assertTrue(r.body().contains("You don’t have access to this page"), r::toString);
            assertTrue(r.body().contains("Signed in as <strong>alice</strong>"), r::toString);
            Response api = signedIn("alice").api().get("/admin/users");
            assertEquals(403, api.status(), api::toString);
        }

        @Test
        void aMethodNoRuleNamesIs405() {
            Browser alice = signedIn("alice");
            assertEquals(405, alice.post("/orders", Map.of()).status());
            assertEquals(405, alice.delete("/account").status());
            assertEquals(405, alice.get("/account/payout").status());
        }

        // ================================================================================= sensitive, fresh

        @Test
        void rightAfterALoginTheExportIsADownload() {
            Response export = signedIn("alice").get("/account/export");
            assertEquals(200, export.status(), export::toString);
            assertTrue(export.header("Content-Disposition").orElse("").startsWith("attachment"), export::toString);
            Map<String, Object> data = export.json();
            assertEquals("alice", ((Map<?, ?>) data.get("account")).get("username"));
            assertFalse(((List<?>) data.get("orders")).isEmpty());
        }

        @Test
        void aPayoutRedirectsBackToBillingOrAnswersJson() {
            Browser alice = signedIn("alice");
            Response form = alice.post("/account/payout", Map.of("amount", "1.50"));
            assertEquals(303, form.status(), form::toString);
            assertEquals("/billing", form.locationPath(), form::toString);
            assertEquals("payout", form.locationParameter("done"));
            Response json = alice.api().post("/account/payout", Map.of("amount", "2.00"));
            assertEquals(200, json.status(), json::toString);
            assertEquals("requested", json.json().get("status"));
        }

        @Test
        void aBadPayoutAmountIs400WithAShortMessage() {
            Browser alice = signedIn("alice");
            for (String amount : List.of("abc", "-5", "", "12.345", "0", "99999")) {
                Response r = alice.api().post("/account/payout", Map.of("amount", amount));
                assertEquals(400, r.status(), r::toString);
                assertEquals("bad_request", r.json().get("error"), r::toString);
                Response html = alice.post("/account/payout", Map.of("amount", amount));
                assertEquals(400, html.status(), html::toString);
                assertFalse(html.body().contains("Exception"), "no stack trace");
            }
            Response missing = alice.api().post("/account/payout", Map.of());
            assertEquals(400, missing.status(), missing::toString);
        }

        @Test
        void disablingAnAccountEndsItsSessionsAndLoginsUntilItIsEnabled() {
            Browser sam = signedIn("sam");
            Browser ada = signedIn("ada").api();
            Response disabled = ada.post("/admin/users/sam/disable", Map.of());
            assertEquals(200, disabled.status(), disabled::toString);
            assertEquals(Map.of("username", "sam", "enabled", false), disabled.json());
            try {
                Response after = sam.get("/orders");
                assertEquals(303, after.status(), "sam's session ended at once: " + after);
                Response login = browser().post("/auth/login", Map.of("username", "sam", "password", "sam-demo-pw"));
                assertEquals("/login", login.locationPath(), "a disabled account cannot sign in: " + login);
            } finally {
                Response enabled = ada.post("/admin/users/sam/enable", Map.of());
                assertEquals(200, enabled.status(), enabled::toString);
                assertEquals(Map.of("username", "sam", "enabled", true), enabled.json());
            }
            signedIn("sam");
        }

        @Test
        void anAdminCannotDisableHimself() {
            Response r = signedIn("ada").api().post("/admin/users/ada/disable", Map.of());
            assertEquals(400, r.status(), r::toString);
        }

        @Test
        void aRoleGrantTakesEffectOnTheNextRequestAndCanBeRevoked() {
            Browser sam = signedIn("sam");
            Browser ada = signedIn("ada").api();
            assertEquals(403, sam.get("/reports/sales").status());
            String until = Instant.now().plus(Duration.ofHours(1)).toString();
            Response granted = ada.post("/admin/users/sam/roles",
                    Map.of("role", "reporting", "action", "grant", "expiresAt", until));
            assertEquals(200, granted.status(), granted::toString);
            assertTrue(((List<?>) granted.json().get("roles")).contains("reporting"), granted::toString);
            try {
                assertEquals(200, sam.get("/reports/sales").status(), "roles are re-read on every request");
            } finally {
                Response revoked = ada.post("/admin/users/sam/roles", Map.of("role", "reporting", "action", "revoke"));
                assertEquals(200, revoked.status(), revoked::toString);
            }
            assertEquals(403, sam.get("/reports/sales").status());
        }

        @Test
        void aBadRoleFormIs400AndAnUnknownUserIs404() {
            Browser ada = signedIn("ada").api();
            assertEquals(400, ada.post("/admin/users/sam/roles", Map.of("role", "reporting", "action", "bogus")).status());
            assertEquals(400, ada.post("/admin/users/sam/roles", Map.of("role", "bad role", "action", "grant")).status());
            assertEquals(400, ada.post("/admin/users/sam/roles",
                    Map.of("role", "reporting", "action", "grant", "expiresAt", "tomorrow")).status());
            assertEquals(400, ada.post("/admin/users/sam/roles",
                    Map.of("role", "reporting", "action", "grant", "expiresAt", "2001-01-01T00:00:00Z")).status());
            assertEquals(400, ada.post("/admin/users/sam/roles", Map.of("action", "grant")).status());
            for (String action : List.of("disable", "enable", "roles", "revoke-sessions")) {
                Response r = ada.post("/admin/users/nobody-here/" + action, Map.of("role", "x", "action", "grant"));
                assertEquals(404, r.status(), r::toString);
            }
            Response html = signedIn("ada").post("/admin/users/nobody-here/disable", Map.of());
            assertEquals(404, html.status(), html::toString);
            assertFalse(html.body().contains("Exception"), "no stack trace");
        }

        @Test
        void anAdminCanSignSomeoneOutEverywhere() {
            Browser sam1 = signedIn("sam");
            Browser sam2 = signedIn("sam");
            Response r = signedIn("ada").api().post("/admin/users/sam/revoke-sessions", Map.of());
            assertEquals(200, r.status(), r::toString);
            assertTrue(((Number) r.json().get("sessionsEnded")).intValue() >= 2, r::toString);
            assertEquals(303, sam1.get("/orders").status());
            assertEquals(303, sam2.get("/orders").status());
            Response form = signedIn("ada").post("/admin/users/sam/revoke-sessions", Map.of());
            assertEquals(303, form.status(), form::toString);
            assertEquals("/admin/users", form.locationPath(), form::toString);
        }

        // ============================================================================================ sessions

        @Test
        void theSessionListIsJsonWhenAskedAndEndsOneOtherSession() {
            Browser laptop = signedIn("alice");
            Browser phone = signedIn("alice");
            Response list = laptop.api().get("/account/sessions");
            assertEquals(200, list.status(), list::toString);
            List<Object> sessions = list.jsonArray();
            assertTrue(sessions.size() >= 2, list::toString);
            int current = 0;
            String phoneId = null;
            for (Object o : sessions) {
                Map<?, ?> s = (Map<?, ?>) o;
                for (String field : List.of("id", "current", "createdAt", "lastSeenAt", "ip", "userAgent")) {
                    assertTrue(s.containsKey(field), field + " in " + s);
                }
                if (Boolean.TRUE.equals(s.get("current"))) {
                    current++;
                    assertEquals(laptop.userAgent(), s.get("userAgent"));
                }
                if (phone.userAgent().equals(s.get("userAgent"))) {
                    phoneId = (String) s.get("id");
                }
            }
            assertEquals(1, current, "exactly one current session");
            assertNotNull(phoneId, "the phone's session is listed");
            Response revoked = laptop.post("/account/sessions/" + phoneId + "/revoke", Map.of());
            assertEquals(303, revoked.status(), revoked::toString);
            assertEquals("/account/sessions", revoked.locationPath(), revoked::toString);
            assertEquals(303, phone.get("/account").status(), "the phone is signed out");
            assertEquals(200, laptop.get("/account").status(), "the laptop is not");
            Response again = laptop.api().post("/account/sessions/" + phoneId + "/revoke", Map.of());
            assertEquals(404, again.status(), again::toString);
        }

        @Test
        void signingOutEverywhereElseKeepsOnlyThisSession() {
            Browser here = signedIn("alice");
            Browser there = signedIn("alice");
            Browser elsewhere = signedIn("alice");
            Response r = here.api().post("/account/sessions/revoke-others", Map.of());
            assertEquals(200, r.status(), r::toString);
            assertTrue(((Number) r.json().get("sessionsEnded")).intValue() >= 2, r::toString);
            assertEquals(303, there.get("/account").status());
            assertEquals(303, elsewhere.get("/account").status());
            assertEquals(200, here.get("/account").status());
            Response form = here.post("/account/sessions/revoke-others", Map.of());
            assertEquals(303, form.status(), form::toString);
            assertEquals("/account/sessions", form.locationPath());
        }

        @Test
        void aUserCannotEndSomeoneElsesSession() {
            Browser sam = signedIn("sam");
            String samId = sam.api().get("/account/sessions").jsonArray().stream().map(o -> (Map<?, ?>) o)
                    .filter(s -> Boolean.TRUE.equals(s.get("current"))).map(s -> (String) s.get("id")).findFirst()
                    .orElseThrow();
            Response r = signedIn("alice").api().post("/account/sessions/" + samId + "/revoke", Map.of());
            assertEquals(404, r.status(), r::toString);
            assertEquals(200, sam.get("/orders").status(), "sam is still signed in");
        }

        @Test
        void aPasswordChangeEndsTheOtherSessionsOfTheAccountAndRotatesThisOne() {
            Browser here = signedIn("casey");
            Browser other = signedIn("casey");
            Response tooShort = here.api().post("/account/password", Map.of("current", "casey-demo-pw", "new", "x"));
            assertEquals(400, tooShort.status(), tooShort::toString);

            String before = here.sessionCookie().orElseThrow();
            Response changed = here.api().post("/account/password",
                    Map.of("current", "casey-demo-pw", "new", "casey-new-pw-1"));
            assertEquals(200, changed.status(), changed::toString);
            try {
                assertTrue(((Number) changed.json().get("otherSessionsEnded")).intValue() >= 1, changed::toString);
                assertEquals(303, other.get("/reports/sales").status(), "the other session ended");
                String after = here.sessionCookie().orElseThrow();
                assertNotEquals(before, after, "the change sets a new session cookie");
                assertEquals(200, here.get("/reports/sales").status(), "this one stays, under its new token");
                Browser replay = browser();
                replay.useSessionCookie(before);
                assertEquals(303, replay.get("/reports/sales").status(), "the token it had stopped at once");
                Response old = browser().post("/auth/login", Map.of("username", "casey", "password", "casey-demo-pw"));
                assertEquals("/login", old.locationPath(), "the old password no longer works: " + old);
            } finally {
                Browser back = browser();
                back.login("casey", "casey-new-pw-1");
                Response restored = back.post("/account/password",
                        Map.of("current", "casey-new-pw-1", "new", "casey-demo-pw"));
                assertEquals(303, restored.status(), restored::toString);
                assertEquals("/account", restored.locationPath(), restored::toString);
                assertEquals("password", restored.locationParameter("done"), restored::toString);
            }

            // a wrong current password changes nothing (and is throttled on this session, so it comes last)
            Browser again = signedIn("casey");
            Response wrong = again.api().post("/account/password", Map.of("current", "not-it", "new", "casey-new-pw-2"));
            assertEquals(400, wrong.status(), wrong::toString);
            Response wrongForm = again.post("/account/password", Map.of("current", "not-it", "new", "casey-new-pw-2"));
            assertEquals(303, wrongForm.status(), wrongForm::toString);
            assertEquals("current-password", wrongForm.locationParameter("error"), wrongForm::toString);
            browser().login("casey", "casey-demo-pw");
        }

        // ========================================================================================= same origin

        @Test
        void aCrossSitePostIsRefused() {
            Browser alice = signedIn("alice");
            Response evilOrigin = alice.post("/account/payout", Map.of("amount", "1.00"),
                    Map.of("Origin", "http://evil.example"));
            assertEquals(403, evilOrigin.status(), evilOrigin::toString);
            Response crossSite = alice.post("/account/payout", Map.of("amount", "1.00"),
                    Map.of("Sec-Fetch-Site", "cross-site"));
            assertEquals(403, crossSite.status(), crossSite::toString);
            Response login = browser().post("/auth/login", Map.of("username", "alice", "password", "alice-demo-pw"),
                    Map.of("Origin", "http://evil.example"));
            assertEquals(403, login.status(), login::toString);
            Response revoke = alice.post("/account/sessions/revoke-others", Map.of(), Map.of("Origin", "null"));
            assertEquals(403, revoke.status(), revoke::toString);
        }

        // ============================================================== sensitive, stale (the --reauth-within 3s instance)

        @Test
        void theReauthWindowOptionReachedTheFilter() throws Exception {
            Browser alice = strictBrowser();
            alice.login("alice", "alice-demo-pw");
            Response challenge = StepUp.awaitStale(alice);
            String header = challenge.header("WWW-Authenticate").orElseThrow();
            assertTrue(header.contains("insufficient_user_authentication"), header);
            assertTrue(header.contains("max_age=" + STRICT_WINDOW.toSeconds()), "--reauth-within 3s won over "
                    + "web.xml's 5m: " + header);
        }

        @Test
        void aStaleExportSendsTheBrowserToReauthenticateAndBack() throws Exception {
            Browser alice = strictBrowser();
            alice.login("alice", "alice-demo-pw");
            StepUp.awaitStale(alice);
            Response challenge = alice.get("/account/export");
            assertEquals(303, challenge.status(), challenge::toString);
            assertEquals("/auth/reauth", challenge.locationPath(), challenge::toString);
            assertEquals("/account/export", challenge.locationParameter("return"), challenge::toString);
            Response page = alice.get(challenge.location().getRawPath() + "?" + challenge.location().getRawQuery());
            assertEquals(200, page.status(), "the filter's re-authentication page: " + page);

            Response export = StepUp.withinWindow(alice, STRICT_WINDOW, "alice-demo-pw", "/account/export",
                    () -> alice.get("/account/export"));
            assertEquals(200, export.status(), export::toString);
            assertTrue(export.header("Content-Disposition").orElse("").startsWith("attachment"), export::toString);
        }

        @Test
        void aStalePostIsSentToReauthenticateAndSubmittedAgain() throws Exception {
            Browser alice = strictBrowser();
            alice.login("alice", "alice-demo-pw");
            StepUp.awaitStale(alice);
            Response challenge = alice.post("/account/payout", Map.of("amount", "3.00"),
                    Map.of("Origin", alice.origin(), "Referer", alice.origin() + "/billing"));
            assertEquals(303, challenge.status(), challenge::toString);
            assertEquals("/auth/reauth", challenge.locationPath(), challenge::toString);
            assertEquals("/billing", challenge.locationParameter("return"), challenge::toString);
            assertEquals("1", challenge.locationParameter("resubmit"), challenge::toString);

            Response payout = StepUp.withinWindow(alice, STRICT_WINDOW, "alice-demo-pw", "/billing",
                    () -> alice.post("/account/payout", Map.of("amount", "3.00")));
            assertEquals(303, payout.status(), payout::toString);
            assertEquals("/billing", payout.locationPath(), payout::toString);
        }

        @Test
        void staleAdminAccountChangesNeedReauthenticationButSigningOutDoesNot() throws Exception {
            Browser ada = strictBrowser();
            ada.login("ada", "ada-demo-pw");
            StepUp.awaitStale(ada);
            Response signOut = ada.api().post("/admin/users/casey/revoke-sessions", Map.of());
            assertEquals(200, signOut.status(), "revoke-sessions has only the admin area's 15 minutes: " + signOut);
            for (String action : List.of("disable", "enable")) {
                Response r = ada.api().post("/admin/users/casey/" + action, Map.of());
                assertEquals(401, r.status(), action + " is sensitive: " + r);
                assertTrue(r.header("WWW-Authenticate").orElse("").contains("insufficient_user_authentication"),
                        r::toString);
            }
            Response roles = ada.api().post("/admin/users/casey/roles", Map.of("role", "support", "action", "grant"));
            assertEquals(401, roles.status(), "roles is sensitive: " + roles);
            Response browserDisable = ada.post("/admin/users/casey/disable", Map.of(),
                    Map.of("Origin", ada.origin(), "Referer", ada.origin() + "/admin/users"));
            assertEquals(303, browserDisable.status(), browserDisable::toString);
            assertEquals("/auth/reauth", browserDisable.locationPath(), browserDisable::toString);
            strictBrowser().login("casey", "casey-demo-pw"); // casey was not disabled: the login passes

            Response grant = StepUp.withinWindow(ada, STRICT_WINDOW, "ada-demo-pw", "/admin/users",
                    () -> ada.api().post("/admin/users/casey/roles", Map.of("role", "support", "action", "grant")));
            assertEquals(200, grant.status(), grant::toString);
            Response revoke = StepUp.withinWindow(ada, STRICT_WINDOW, "ada-demo-pw", "/admin/users",
                    () -> ada.api().post("/admin/users/casey/roles", Map.of("role", "support", "action", "revoke")));
            assertEquals(200, revoke.status(), revoke::toString);
        }

        @Test
        void aWrongPasswordOrAnotherAccountsPasswordDoesNotReauthenticate() throws Exception {
            Browser alice = strictBrowser();
            alice.login("alice", "alice-demo-pw");
            StepUp.awaitStale(alice);
            for (String password : List.of("not-alices-password", "sam-demo-pw")) {
                Response r = alice.post("/auth/reauth", Map.of("password", password, "return", "/account/export"));
                assertFalse(r.status() == 303 && "/account/export".equals(r.locationPath()),
                        "no way back to the export with " + password + ": " + r);
                Response export = alice.api().get("/account/export");
                assertEquals(401, export.status(), "still stale after " + password + ": " + export);
            }
        }

        // ============================================================================================ lifecycle

        @Test
        @Order(Integer.MAX_VALUE)
        void itStopsCleanlyAndASecondInstanceOnTheSameDatabaseSharesTheDemoAccounts() throws Exception {
            assertEquals(0, portal.terminate(Duration.ofSeconds(60)), "SIGTERM is a clean stop:\n" + portal.output());
            assertTrue(portal.output().contains("Demo accounts with published passwords exist"),
                    "the seeding warned:\n" + portal.output());
            portal = PortalProcess.start(folder, "--server", server, "--port", "0", "--jdbc-url", jdbcUrl);
            base = portal.awaitUrl(START_LIMIT);
            Response users = signedIn("ada").get("/admin/users");
            assertEquals(200, users.status(), users::toString);
            for (String user : List.of("alice", "sam", "ada", "casey")) {
                assertEquals(1, users.body().split(">" + user + "</strong>", -1).length - 1,
                        user + " exists once");
            }
            assertEquals(200, signedIn("alice").get("/orders").status());
        }
    }
}
