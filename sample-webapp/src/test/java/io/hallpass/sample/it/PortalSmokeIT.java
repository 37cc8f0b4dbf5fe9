package io.hallpass.sample.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.hallpass.sample.it.Browser.Response;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * The portal's own code in real containers, today: the runnable jar with a WAR whose filter is a test
 * stand-in ({@link io.hallpass.sample.it.standin.StandInFilter}: signs in against an in-memory realm, enforces
 * almost nothing). It checks what the portal does, not what the filter refuses: the servlet mappings (the
 * context root, the static files, the admin forward), the seeding, the pages and JSON answers in Tomcat and
 * Jetty, the error pages through the container's error dispatch, validation, and a clean SIGTERM. The security
 * contract is {@link PortalContractIT}'s.
 */
class PortalSmokeIT {

    @Nested
    class OnTomcat extends Smoke {
        OnTomcat() {
            super("tomcat");
        }
    }

    @Nested
    class OnJetty extends Smoke {
        OnJetty() {
            super("jetty");
        }
    }

    @TestInstance(TestInstance.Lifecycle.PER_CLASS)
    @TestMethodOrder(MethodOrderer.OrderAnnotation.class)
    abstract static class Smoke {

        private final String server;
        private PortalProcess portal;
        private URI base;
        private int clients;

        Smoke(String server) {
            this.server = server;
        }

        @BeforeAll
        void start() throws Exception {
            Path jar = StandInJar.build();
            portal = PortalProcess.start(jar, PortalProcess.newFolder("smoke-" + server), "--server", server,
                    "--port", "0", "--reauth-within", "45s");
            base = portal.awaitUrl(Duration.ofSeconds(120));
        }

        @AfterAll
        void stop() throws Exception {
            portal.close();
        }

        Browser signedIn(String user) {
            Browser b = new Browser(base, "PortalSmokeIT (" + server + " " + ++clients + ")");
            b.login(user, user + "-demo-pw");
            return b;
        }

        @Test
        @Order(1)
        void theDemoAccountsWereSeededWithAWarningAndTheOverrideReachedTheWebapp() {
            assertTrue(portal.output().contains("Demo accounts with published passwords exist (alice, sam, ada, casey)"
                    + "; created now: alice, sam, ada, casey"), portal.output());
            assertTrue(portal.output().contains("reauth-within=45s"), portal.output());
            for (String user : List.of("alice", "sam", "ada", "casey")) {
                signedIn(user);
            }
        }

        @Test
        void publicPagesStaticFilesAndTheContextRoot() {
            Browser anonymous = new Browser(base, "PortalSmokeIT");
            Response home = anonymous.get("/");
            assertEquals(200, home.status(), home::toString);
            assertTrue(home.body().contains("Your orders, invoices and reports in one place"), home::toString);
            assertTrue(home.header("Content-Security-Policy").orElse("").contains("default-src 'none'"));
            assertEquals(200, anonymous.get("/login").status());
            assertEquals("pong", anonymous.get("/ping").body());
            Response css = anonymous.get("/static/portal.css");
            assertEquals(200, css.status(), css::toString);
            assertTrue(css.header("Content-Type").orElse("").startsWith("text/css"));
            assertEquals(200, anonymous.get("/static/favicon.svg").status());
            Response missing = anonymous.get("/static/nothing.css");
            assertEquals(404, missing.status(), missing::toString);
            assertTrue(missing.body().contains("We couldn’t find that page"), "the portal's 404: " + missing);
        }

        @Test
        void aCustomersPagesAndActions() {
            Browser alice = signedIn("alice");
            Response home = alice.get("/");
            assertTrue(home.body().contains("Welcome back, alice"), home::toString);
            assertTrue(alice.get("/orders").body().contains("Visa •••• 4242"));
            assertTrue(alice.get("/billing").body().contains("€250.00"));
            Response payout = alice.post("/account/payout", Map.of("amount", "1.50"));
            assertEquals(303, payout.status(), payout::toString);
            assertEquals("/billing", payout.locationPath());
            Response billing = alice.get("/billing?done=payout");
            assertTrue(billing.body().contains("€248.50") && billing.body().contains("Payout requested"),
                    billing::toString);
            Response tooMuch = alice.api().post("/account/payout", Map.of("amount", "4999.00"));
            assertEquals(400, tooMuch.status(), tooMuch::toString);
            Response bad = alice.post("/account/payout", Map.of("amount", "12.345"));
            assertEquals(400, bad.status(), bad::toString);
            assertTrue(bad.body().contains("Amount must be a number of euros"), "a portal 400 page: " + bad);
            Response export = alice.get("/account/export");
            assertEquals(200, export.status(), export::toString);
            assertEquals("attachment; filename=\"northwind-export-alice.json\"",
                    export.header("Content-Disposition").orElse(""));
            assertEquals("alice", ((Map<?, ?>) export.json().get("account")).get("username"));
            assertTrue(alice.get("/account").body().contains("Member since"));
        }

        @Test
        void theApi() {
            Browser alice = signedIn("alice").api();
            assertEquals(Map.of("username", "alice", "roles", List.of("customer")), alice.get("/api/me").json());
            assertEquals("pong", alice.get("/api/ping").body());
            Response unknown = alice.get("/api/nothing");
            assertEquals(404, unknown.status(), unknown::toString);
            assertEquals("not_found", unknown.json().get("error"));
        }

        @Test
        void sessionsCanBeListedAndEnded() {
            Browser laptop = signedIn("sam");
            Browser phone = signedIn("sam");
            List<Object> sessions = laptop.api().get("/account/sessions").jsonArray();
            assertTrue(sessions.size() >= 2, sessions::toString);
            Map<?, ?> other = sessions.stream().map(o -> (Map<?, ?>) o)
                    .filter(s -> phone.userAgent().equals(s.get("userAgent"))).findFirst().orElseThrow();
            assertEquals(false, other.get("current"));
            assertEquals("127.0.0.1", other.get("ip"));
            String page = laptop.get("/account/sessions").body();
            assertTrue(page.contains("Sign out everywhere else") && page.contains("This device"), page);
            Response revoked = laptop.post("/account/sessions/" + other.get("id") + "/revoke", Map.of());
            assertEquals(303, revoked.status(), revoked::toString);
            assertEquals(303, phone.get("/account").status(), "the phone is signed out");
            Response self = laptop.api().post("/account/sessions/" + sessions.stream().map(o -> (Map<?, ?>) o)
                    .filter(s -> Boolean.TRUE.equals(s.get("current"))).findFirst().orElseThrow().get("id")
                    + "/revoke", Map.of());
            assertEquals(400, self.status(), self::toString);
            assertEquals(404, laptop.api().post("/account/sessions/no-such-id/revoke", Map.of()).status());
            assertEquals(400, laptop.api().post("/account/sessions/bad%20id/revoke", Map.of()).status());
            signedIn("sam");
            Response others = laptop.api().post("/account/sessions/revoke-others", Map.of());
            assertTrue(((Number) others.json().get("sessionsEnded")).intValue() >= 1, others::toString);
            assertEquals(1, laptop.api().get("/account/sessions").jsonArray().size());
        }

        @Test
        void thePasswordCanBeChanged() {
            Browser casey = signedIn("casey");
            Browser other = signedIn("casey");
            Response changed = casey.api().post("/account/password",
                    Map.of("current", "casey-demo-pw", "new", "n3w-pass-word"));
            try {
                assertEquals(true, changed.json().get("changed"), changed::toString);
                assertTrue(((Number) changed.json().get("otherSessionsEnded")).intValue() >= 1, changed::toString);
                assertEquals(303, other.get("/account").status());
                Response wrong = casey.post("/account/password", Map.of("current", "nope", "new", "another-one"));
                assertEquals("current-password", wrong.locationParameter("error"), wrong::toString);
                assertTrue(casey.get("/account?error=current-password").body().contains("is not right"));
            } finally {
                Response back = casey.post("/account/password",
                        Map.of("current", "n3w-pass-word", "new", "casey-demo-pw"));
                assertEquals(303, back.status(), back::toString);
                assertTrue(casey.get(back.location().getRawPath() + "?" + back.location().getRawQuery()).body()
                        .contains("Password changed."));
            }
        }

        @Test
        void theAdminForwardsAccountChangesAndValidatesThem() {
            Browser ada = signedIn("ada");
            Browser api = ada.api();
            Response disabled = api.post("/admin/users/sam/disable", Map.of());
            assertEquals(Map.of("username", "sam", "enabled", false), disabled.json(), disabled::toString);
            Response login = new Browser(base, "x").post("/auth/login", Map.of("username", "sam", "password", "sam-demo-pw"));
            assertEquals("/login", login.locationPath(), "sam is disabled");
            Response enabled = ada.post("/admin/users/sam/enable", Map.of());
            assertEquals(303, enabled.status(), enabled::toString);
            assertEquals("enabled", enabled.locationParameter("done"));
            assertTrue(ada.get("/admin/users?done=enabled&user=sam").body().contains("sam was enabled."));
            String until = Instant.now().plus(Duration.ofDays(2)).toString();
            Response granted = api.post("/admin/users/sam/roles", Map.of("role", "reporting", "action", "grant",
                    "expiresAt", until));
            assertEquals(List.of("reporting", "support"), granted.json().get("roles"), granted::toString);
            assertTrue(ada.get("/admin/users").body().contains("reporting · ends in 2 days"));
            Response revoked = api.post("/admin/users/sam/roles", Map.of("role", "reporting", "action", "revoke"));
            assertEquals(List.of("support"), revoked.json().get("roles"), revoked::toString);
            assertEquals(400, api.post("/admin/users/sam/roles", Map.of("role", "x y", "action", "grant")).status());
            assertEquals(400, api.post("/admin/users/ada/disable", Map.of()).status());
            assertEquals(400, api.post("/admin/users/ada/roles", Map.of("role", "admin", "action", "revoke")).status());
            assertEquals(404, api.post("/admin/users/nobody/disable", Map.of()).status());
            assertEquals(404, api.post("/admin/users/nobody/revoke-sessions", Map.of()).status());
            assertEquals(404, api.post("/admin/account-changes/disable", Map.of()).status(),
                    "the forward target is not addressable by itself");
            Response signOut = api.post("/admin/users/casey/revoke-sessions", Map.of());
            assertEquals("casey", signOut.json().get("username"), signOut::toString);
            assertEquals(200, ada.get("/admin/audit").status());
            Response admin = ada.get("/admin");
            assertEquals("/admin/users", admin.locationPath(), admin::toString);
        }

        @Test
        void aForbiddenSectionRendersThePortals403ThroughTheErrorDispatch() {
            Response r = signedIn("alice").get("/admin/users");
            assertEquals(403, r.status(), r::toString);
            assertTrue(r.body().contains("You don’t have access to this page"), r::toString);
            assertTrue(r.body().contains("Signed in as <strong>alice</strong>"), "the session survives the dispatch");
            Response api = signedIn("alice").api().get("/admin/users");
            assertEquals(403, api.status());
            assertEquals("forbidden", api.json().get("error"), api::toString);
        }

        @Test
        void reportsAndTheirNotFound() {
            Browser casey = signedIn("casey");
            assertTrue(casey.get("/reports").body().contains("Fulfilment"));
            assertTrue(casey.get("/reports/sales").body().contains("€296,341.50"));
            assertEquals(200, casey.get("/reports/fulfilment").status());
            Response missing = casey.get("/reports/nothing");
            assertEquals(404, missing.status());
            assertTrue(missing.body().contains("We couldn’t find that page"));
        }

        @Test
        void logout() {
            Browser alice = signedIn("alice");
            Response out = alice.post("/auth/logout", Map.of());
            assertEquals("/", out.locationPath());
            assertFalse(alice.sessionCookie().isPresent(), "the cookie was cleared");
        }

        @Test
        @Order(Integer.MAX_VALUE)
        void sigtermStopsItWithStatus0AndNoTemporaryFilesLeft() throws Exception {
            assertEquals(0, portal.terminate(Duration.ofSeconds(60)), portal::output);
            try (Stream<Path> left = Files.list(portal.folder().resolve("tmp"))) {
                assertEquals(List.of(), left.toList());
            }
        }
    }
}
