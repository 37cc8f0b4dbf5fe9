package io.hallpass.sample.it;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.hallpass.sample.it.Browser.Response;
import io.hallpass.sample.it.StandaloneServer.Overrides;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
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
 * The unchanged WAR ({@code target/hallpass-sample.war}) in the standalone Tomcat 11 and Jetty 12.1 (ee11)
 * distributions, configured the way a deployer would: the WAR's {@code hallpass.*} context parameters replaced
 * from the container's own files (Tomcat: {@code <Parameter override="false">} in
 * {@code conf/Catalina/localhost/ROOT.xml}; Jetty: an override descriptor named by {@code webapps/ROOT.xml}).
 * Each container runs twice: with {@code hallpass.jdbc-url} pointing at an H2 file in the test's folder, and
 * with a container-managed DataSource found through JNDI ({@code hallpass.jndi-datasource}, with the WAR's
 * {@code hallpass.jdbc-url} taken away). Both set {@code hallpass.reauth-within} to {@value #WINDOW_SECONDS}s
 * instead of the WAR's 5m.
 *
 * <p>Against each: the override reached the application, a login, a role denial (the portal's own 403 page,
 * and 403 for an API client), a step-up (a stale session's export sends a browser to re-authenticate and gives
 * an API client 401 with {@code max_age} equal to the configured window; re-authenticating opens it) and a
 * logout that kills the session on the server.
 */
class DistributionIT {

    static final int WINDOW_SECONDS = 5;
    static final Duration WINDOW = Duration.ofSeconds(WINDOW_SECONDS);

    @Nested
    class TomcatWithJdbcUrl extends Smoke {
        TomcatWithJdbcUrl() {
            super("tomcat", false);
        }
    }

    @Nested
    class TomcatWithJndi extends Smoke {
        TomcatWithJndi() {
            super("tomcat", true);
        }
    }

    @Nested
    class JettyWithJdbcUrl extends Smoke {
        JettyWithJdbcUrl() {
            super("jetty", false);
        }
    }

    @Nested
    class JettyWithJndi extends Smoke {
        JettyWithJndi() {
            super("jetty", true);
        }
    }

    @TestInstance(TestInstance.Lifecycle.PER_CLASS)
    @TestMethodOrder(MethodOrderer.OrderAnnotation.class)
    abstract static class Smoke {

        private final String server;
        private final boolean jndi;
        private final AtomicInteger clients = new AtomicInteger();
        private Path folder;
        private Path database;
        private StandaloneServer container;
        private URI base;

        Smoke(String server, boolean jndi) {
            this.server = server;
            this.jndi = jndi;
        }

        @BeforeAll
        void deployAndStart() throws Exception {
            folder = PortalProcess.newFolder("dist-" + server + (jndi ? "-jndi" : "-jdbc"));
            database = folder.resolve("db").resolve(jndi ? "jndi" : "portal").toAbsolutePath();
            // the application closes the database when it stops, not H2's own JVM shutdown hook, which would race
            // with the container's and, in Tomcat, find the application's class loader already closed
            String h2 = "jdbc:h2:file:" + database + ";DB_CLOSE_ON_EXIT=FALSE";
            Map<String, String> parameters = new LinkedHashMap<>();
            if (jndi) {
                parameters.put("hallpass.jndi-datasource", StandaloneServer.JNDI_NAME);
                parameters.put("hallpass.jdbc-url", "");
            } else {
                parameters.put("hallpass.jdbc-url", h2);
            }
            parameters.put("hallpass.reauth-within", WINDOW_SECONDS + "s");
            container = StandaloneServer.of(server, folder);
            container.deployRoot(StandaloneServer.sampleWar(), new Overrides(parameters, jndi ? h2 : null));
            base = container.start();
        }

        @AfterAll
        void stop() throws Exception {
            if (container == null) {
                return;
            }
            container.close();
            String log = container.diagnostics();
            for (String trouble : List.of("SEVERE", ":WARN :", "Illegal access", "has failed to stop it")) {
                assertFalse(log.contains(trouble), () -> container.name() + " logged '" + trouble + "':\n" + log);
            }
        }

        Browser browser() {
            return new Browser(base, "DistributionIT/1.0 (" + server + (jndi ? ", jndi" : "") + "; client "
                    + clients.incrementAndGet() + ")");
        }

        Browser signedIn(String user) {
            return browser().signIn(user);
        }

        @Test
        @Order(1)
        void theUnchangedWarIsUpAndTheOverridesReachedIt() throws Exception {
            Response ping = browser().get("/ping");
            assertEquals(200, ping.status(), () -> ping + "\n" + container.diagnostics());
            assertEquals("pong", ping.body().strip());

            Path deployed = container.base.resolve("webapps/ROOT.war");
            assertArrayEquals(Files.readAllBytes(StandaloneServer.sampleWar()), Files.readAllBytes(deployed),
                    "the WAR is deployed as built");

            String settings = container.output().lines().filter(l -> l.contains("Northwind Portal settings: "))
                    .findFirst().orElseThrow(() -> new AssertionError("no settings line:\n" + container.output()));
            assertTrue(settings.contains("reauth-within=" + WINDOW_SECONDS + "s"),
                    () -> "the override did not reach the application: " + settings + "\n" + container.diagnostics());
            if (jndi) {
                assertTrue(settings.contains("jndi-datasource=" + StandaloneServer.JNDI_NAME)
                        && settings.contains("jdbc-url=,"), "jndi-datasource set, jdbc-url emptied: " + settings);
                assertTrue(container.output().contains("realm started on H2 (RealmSettings[dataSource"),
                        "the realm runs on the container's DataSource:\n" + container.output());
            } else {
                assertTrue(settings.contains("jdbc-url=jdbc:h2:file:" + database), settings);
            }
            assertTrue(Files.exists(Path.of(database + ".mv.db")), "the demo accounts live in " + database);
            assertFalse(Files.exists(folder.resolve("hallpass-data")), "the WAR's default database is not used");
        }

        @Test
        @Order(2)
        void aliceSignsIn() {
            Browser alice = browser();
            Response login = alice.post("/auth/login", Map.of("username", "alice", "password", "alice-demo-pw",
                    "return", "/orders"));
            assertEquals(303, login.status(), login::toString);
            assertEquals("/orders", login.locationPath(), login::toString);
            assertTrue(alice.sessionCookie().isPresent(), "the session cookie is set: " + login.headers());
            Response orders = alice.get("/orders");
            assertEquals(200, orders.status(), orders::toString);
            assertTrue(orders.body().contains("•••• 4242"), "alice sees her orders: " + orders);
            Response me = alice.api().get("/api/me");
            assertEquals(Map.of("username", "alice", "roles", List.of("customer")), me.json(), me::toString);
        }

        @Test
        @Order(3)
        void aCustomerIsRefusedTheAdminSection() {
            Response page = signedIn("alice").get("/admin/users");
            assertEquals(403, page.status(), page::toString);
            assertTrue(page.body().contains("You don’t have access to this page"), "the portal's 403 page: " + page);
            assertTrue(page.body().contains("Signed in as <strong>alice</strong>"), page::toString);
            Response api = signedIn("alice").api().get("/admin/users");
            assertEquals(403, api.status(), api::toString);
        }

        @Test
        @Order(4)
        void aStaleSessionReauthenticatesForTheExport() throws Exception {
            Browser alice = signedIn("alice");
            Response challenge = StepUp.awaitStale(alice);
            String header = challenge.header("WWW-Authenticate").orElseThrow(() -> new AssertionError(challenge));
            assertTrue(header.contains("error=\"insufficient_user_authentication\""), header);
            assertTrue(header.contains("max_age=" + WINDOW_SECONDS), "the deployer's window, not the WAR's 5m: "
                    + header);

            Response redirect = alice.get("/account/export");
            assertEquals(303, redirect.status(), redirect::toString);
            assertEquals("/auth/reauth", redirect.locationPath(), redirect::toString);
            assertEquals("/account/export", redirect.locationParameter("return"), redirect::toString);
            Response page = alice.get(redirect.location().getRawPath() + "?" + redirect.location().getRawQuery());
            assertEquals(200, page.status(), page::toString);
            assertTrue(page.body().contains("name=\"password\""), "the re-authentication form: " + page);

            Response export = StepUp.withinWindow(alice, WINDOW, "alice-demo-pw", "/account/export",
                    () -> alice.get("/account/export"));
            assertEquals(200, export.status(), export::toString);
            assertTrue(export.header("Content-Disposition").orElse("").startsWith("attachment"), export::toString);
            assertEquals("alice", ((Map<?, ?>) export.json().get("account")).get("username"), export::toString);
        }

        @Test
        @Order(5)
        void logoutEndsTheSessionOnTheServer() {
            Browser alice = signedIn("alice");
            String token = alice.sessionCookie().orElseThrow();
            Response out = alice.post("/auth/logout", Map.of());
            assertEquals(303, out.status(), out::toString);
            assertEquals("/", out.locationPath(), out::toString);
            assertTrue(alice.sessionCookie().isEmpty(), "the cookie is cleared: " + out.headers());
            Browser replay = browser();
            replay.useSessionCookie(token);
            Response page = replay.get("/account");
            assertEquals(303, page.status(), "the old cookie is dead: " + page);
            assertEquals("/login", page.locationPath(), page::toString);
            Response api = replay.api().get("/api/me");
            assertEquals(401, api.status(), api::toString);
        }
    }
}
