package io.hallpass.filter.it.bypass;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.hallpass.filter.it.Container;
import io.hallpass.filter.it.ContainerSuite;
import io.hallpass.filter.it.JettyEe11Container;
import io.hallpass.filter.it.RawHttp;
import io.hallpass.filter.it.TestServlets;
import io.hallpass.filter.it.TomcatContainer;
import io.hallpass.realm.PasswordCost;
import io.hallpass.realm.Realm;
import io.hallpass.realm.testing.MutableClock;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * The bypass suites' shared targets: the test application of the HTTP contract, started once in embedded
 * Tomcat and once in embedded Jetty ee11 for all bypass classes, with a signed-in customer (who must never
 * reach {@code /admin/*} or {@code /reports/*}).
 */
public final class Targets implements BeforeAllCallback {

    /**
     * Statuses that count as "refused": rejected, unauthenticated, forbidden, not found, method not allowed, and
     * 501, which Tomcat answers itself for CONNECT before any filter runs.
     */
    static final Set<Integer> REFUSED = Set.of(400, 401, 403, 404, 405, 501);

    private static Shared shared;

    @Override
    public void beforeAll(ExtensionContext context) {
        shared = context.getRoot().getStore(ExtensionContext.Namespace.GLOBAL)
                .getOrComputeIfAbsent(Shared.class, k -> new Shared(), Shared.class);
    }

    static final class Shared implements AutoCloseable {
        final Realm realm;
        final List<Container> containers;
        final String customerCookie;

        Shared() {
            try {
                realm = Realm.builder().jdbcUrl("jdbc:h2:mem:bypass-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1")
                        .clock(new MutableClock(Instant.parse("2026-03-02T09:00:00Z")))
                        .passwordCost(new PasswordCost(64, 1, 1)).build();
                var account = realm.createAccount("carol", "carol-password");
                realm.grantRole(account.id(), "customer", null, "test");
                containers = List.of(new TomcatContainer(), new JettyEe11Container());
                for (Container c : containers) {
                    c.start(ContainerSuite.application(realm));
                }
                RawHttp.Response login = new RawHttp(containers.get(0).port()).request("POST", "/auth/login").api()
                        .form("username=carol&password=carol-password").send();
                assertEquals(200, login.status(), login.toString());
                customerCookie = "__Host-hallpass=" + login.cookie("__Host-hallpass");
            } catch (Exception e) {
                throw new IllegalStateException("bypass targets did not start", e);
            }
        }

        @Override
        public void close() throws Exception {
            for (Container c : containers) {
                c.close();
            }
            realm.close();
        }
    }

    /**
     * Sends the raw request to every container, anonymously and as the customer, and asserts it is refused
     * and that no protected servlet ran.
     */
    static void assertRefused(String method, String target) {
        assertRefused(method, target, "X-Test", "none");
    }

    /** As {@link #assertRefused(String, String)}, with one extra request header. */
    static void assertRefused(String method, String target, String header, String value) {
        for (Container container : shared.containers) {
            for (String cookie : new String[] {null, shared.customerCookie}) {
                int before = TestServlets.PROTECTED_HITS.get();
                RawHttp.Response r = new RawHttp(container.port()).request(method, target).api().cookie(cookie)
                        .header(header, value).send();
                String who = container.name() + (cookie == null ? " anonymous " : " customer ") + method + " " + target;
                assertTrue(REFUSED.contains(r.status()), who + " answered " + r);
                assertFalse(r.body().contains("TOP-SECRET"), who + " leaked: " + r);
                assertEquals(before, TestServlets.PROTECTED_HITS.get(), who + " reached a protected servlet");
            }
        }
    }

    /** A request that must still work (so the suite is not passing by refusing everything). */
    static void assertAllowed(String method, String target) {
        for (Container container : shared.containers) {
            RawHttp.Response r = new RawHttp(container.port()).request(method, target).api().send();
            assertEquals(200, r.status(), container.name() + " " + method + " " + target + ": " + r);
        }
    }

    /** An include of a protected path answers 200 with the fragment left out, and no protected servlet runs. */
    static void assertIncludeOmitted(String target) {
        for (Container container : shared.containers) {
            for (String cookie : new String[] {null, shared.customerCookie}) {
                int before = TestServlets.PROTECTED_HITS.get();
                RawHttp.Response r = new RawHttp(container.port()).request("GET", target).api().cookie(cookie).send();
                assertEquals("before||after", r.body(), container.name() + " " + target + ": " + r);
                assertEquals(before, TestServlets.PROTECTED_HITS.get(), container.name() + " ran a protected include");
            }
        }
    }
}
