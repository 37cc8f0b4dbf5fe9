package io.hallpass.filter.it.bypass;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import io.hallpass.filter.it.Container;
import io.hallpass.filter.it.ContainerSuite;
import io.hallpass.filter.it.JettyEe10Container;
import io.hallpass.filter.it.JettyEe11Container;
import io.hallpass.filter.it.RawHttp;
import io.hallpass.filter.it.TestServlets;
import io.hallpass.filter.it.TomcatContainer;
import io.hallpass.realm.PasswordCost;
import io.hallpass.realm.Realm;
import io.hallpass.realm.testing.MutableClock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.function.Supplier;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * The bypass suites' shared targets: the test application of the HTTP contract, started once for all bypass classes
 * in embedded Tomcat and Jetty ee11 (or, for the {@code JettyEe10*} subclasses, which the build runs with only the
 * Servlet 6.0 API on the class path, in Jetty ee10 alone), with a signed-in customer (who must never reach
 * {@code /admin/*} or {@code /reports/*}).
 *
 * <p>Each refusal is asserted with its exact status ({@link Expect}), so that a suite can tell the firewall's 400 from
 * the policy's 401, 403 or 405, and from a container's own refusal, rather than accepting any of them.
 */
public final class Targets implements BeforeAllCallback {

    /** The status a refused request must get, per container and caller. */
    @FunctionalInterface
    interface Expect {
        int status(Container container, boolean signedIn);

        /** The firewall refuses the request target itself, before any rule: 400 for everyone. */
        Expect FIREWALL = (container, signedIn) -> 400;
        /** A protected path: the anonymous caller must sign in (401), the customer lacks the role (403). */
        Expect PROTECTED = (container, signedIn) -> signedIn ? 403 : 401;
        /** No rule covers the path, which is denied whoever asks: 403. */
        Expect UNMATCHED = (container, signedIn) -> 403;
        /** A method the path's rules do not name: 405. */
        Expect METHOD = (container, signedIn) -> 405;

        /** The container refuses the request itself, before any filter runs: Tomcat and Jetty each in their way. */
        static Expect byContainer(int tomcat, int jetty) {
            return (container, signedIn) -> container.name().startsWith("Tomcat") ? tomcat : jetty;
        }
    }

    private static Shared shared;

    @Override
    public void beforeAll(ExtensionContext context) {
        boolean servlet60 = context.getRequiredTestClass().getSimpleName().startsWith("JettyEe10");
        List<Supplier<Container>> containers = servlet60 ? List.of(JettyEe10Container::new)
                : List.of(TomcatContainer::new, JettyEe11Container::new);
        shared = context.getRoot().getStore(ExtensionContext.Namespace.GLOBAL)
                .getOrComputeIfAbsent(servlet60 ? "bypass-targets-ee10" : "bypass-targets",
                        k -> new Shared(containers), Shared.class);
    }

    static final class Shared implements AutoCloseable {
        final Realm realm;
        final List<Container> containers = new ArrayList<>();
        final String customerCookie;

        Shared(List<Supplier<Container>> kinds) {
            try {
                realm = Realm.builder().jdbcUrl("jdbc:h2:mem:bypass-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1")
                        .clock(new MutableClock(Instant.parse("2026-03-02T09:00:00Z")))
                        .passwordCost(new PasswordCost(64, 1, 1)).build();
                var account = realm.createAccount("carol", "carol-password");
                realm.grantRole(account.id(), "customer", null, "test");
                for (Supplier<Container> kind : kinds) {
                    Container c = kind.get();
                    containers.add(c);
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
     * Sends the raw request to every container, anonymously and as the customer (whose cookie is first shown to be
     * alive, so that the signed-in half is not silently anonymous), and asserts it is refused with the expected
     * status and that no protected servlet ran.
     */
    static void assertRefused(Expect expect, String method, String target) {
        assertRefused(expect, method, target, "X-Test", "none");
    }

    /** As {@link #assertRefused(Expect, String, String)}, with one extra request header. */
    static void assertRefused(Expect expect, String method, String target, String header, String value) {
        for (Container container : shared.containers) {
            assertCustomerSignedIn(container);
            for (String cookie : new String[] {null, shared.customerCookie}) {
                int before = TestServlets.PROTECTED_HITS.get();
                RawHttp.Response r = new RawHttp(container.port()).request(method, target).api().cookie(cookie)
                        .header(header, value).send();
                String who = container.name() + (cookie == null ? " anonymous " : " customer ") + method + " " + target;
                assertEquals(expect.status(container, cookie != null), r.status(), who + " answered " + r);
                assertFalse(r.body().contains("TOP-SECRET"), who + " leaked: " + r);
                assertEquals(before, TestServlets.PROTECTED_HITS.get(), who + " reached a protected servlet");
            }
        }
    }

    /** The customer's cookie still opens a page only a signed-in customer may see. */
    private static void assertCustomerSignedIn(Container container) {
        RawHttp.Response alive = new RawHttp(container.port()).request("GET", "/account/payout").api()
                .cookie(shared.customerCookie).send();
        assertEquals(200, alive.status(), container.name() + ": the customer's session must be alive: " + alive);
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
