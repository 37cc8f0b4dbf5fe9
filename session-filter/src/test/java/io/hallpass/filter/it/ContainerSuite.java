package io.hallpass.filter.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.hallpass.filter.Hallpass;
import io.hallpass.realm.AccountView;
import io.hallpass.realm.PasswordCost;
import io.hallpass.realm.Realm;
import io.hallpass.realm.RealmBuilder;
import io.hallpass.realm.SchemaAction;
import io.hallpass.realm.testing.MutableClock;
import io.hallpass.realm.testing.SwitchableDataSource;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;

/**
 * What every container suite shares: the test application, a realm on H2 with a clock the tests move, the
 * container (chosen by the subclass) started once per class on 127.0.0.1, and helpers to sign in.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
public abstract class ContainerSuite {

    static final String COOKIE = "__Host-hallpass";
    static final String RULES = """
            # the test application's rules
            GET "" = public
            GET /public/* = public
            GET,POST /account/* = authenticated
            GET,POST /account/payout = role:customer
            GET /admin/* = role:admin
            POST /admin/* = role:admin, reauth
            GET /api/* = authenticated
            GET /account/export = role:customer
            GET /account/statement = authenticated, idle:5m
            GET,POST,DELETE /programmatic = public
            GET /session-url = public
            /closed/* = deny
            """;

    private static final AtomicInteger USERS = new AtomicInteger();

    protected MutableClock clock;
    protected SwitchableDataSource database;
    protected Realm realm;
    protected Container server;
    protected RawHttp http;
    private LeakWatch leaks;

    /** The container this run of the suite uses. */
    protected abstract Container newContainer();

    /** The application the suite deploys: {@link #application(Realm)} unless a suite needs its own. */
    protected TestApp application() {
        return application(realm);
    }

    public static TestApp application(Realm realm) {
        return new TestApp()
                .servlet("echo", new TestServlets.Echo(), "/")
                .servlet("secret", new TestServlets.Secret(), "/admin/*")
                .servlet("reports", new TestServlets.Reports(), "/reports/*")
                .servlet("payout", new TestServlets.Payout(), "/account/payout")
                .servlet("export", new TestServlets.Export(), "/account/export")
                .servlet("forwarder", new TestServlets.Forwarder(), "/public/forward")
                .servlet("includer", new TestServlets.Includer(), "/public/include")
                .servlet("async", new TestServlets.AsyncDispatcher(), "/public/async")
                .servlet("named-forwarder", new TestServlets.NamedForwarder(), "/public/named")
                .servlet("named-target", new TestServlets.NamedTarget())
                .servlet("forbidden", new TestServlets.ForbiddenPage(), "/error/403")
                .servlet("programmatic", new TestServlets.Programmatic(), "/programmatic")
                .servlet("url-rewriting", new TestServlets.UrlRewriting(), "/session-url")
                .servlet("notes", new TestServlets.Notes(), "/public/notes", "/account/notes")
                .servlet("cacheable", new TestServlets.Cacheable(), "/public/cacheable")
                .servlet("greeting", new TestServlets.Greeting(), "/public/greeting")
                .servlet("password", new TestServlets.PasswordChanger(), "/account/password")
                .servlet("attributes", new TestServlets.Attributes(), "/account/attributes", "/public/attributes")
                .forbiddenPage("/error/403")
                .param("rules", RULES)
                .param("reauth-within", "5m")
                .onStart(context -> context.setAttribute(Hallpass.REALM_ATTRIBUTE, realm));
    }

    @BeforeAll
    void start() throws Exception {
        leaks = new LeakWatch();
        clock = new MutableClock(Instant.parse("2026-03-02T09:00:00Z"));
        JdbcDataSource h2 = new JdbcDataSource();
        h2.setURL("jdbc:h2:mem:hallpass-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1");
        database = new SwitchableDataSource(h2);
        realm = realmBuilder().schemaAction(SchemaAction.CREATE_IF_MISSING).build();
        server = newContainer();
        server.start(application());
        assertTrue(server.applicationAvailable(), server.name() + " did not start the test application");
        http = new RawHttp(server.port());
    }

    /**
     * A realm on the suite's database with the suite's clock: the default throttle (5 free failures a client), cheap
     * hashing, and a generous wait for a hashing permit (suites fire parallel sign-ins on a shared machine, and Busy,
     * which counts nothing, would blur what they count). Ten seconds: a cheap hash takes well under a millisecond, and
     * a request shed after the wait must still be answered within {@link RawHttp}'s 30-second read timeout.
     */
    protected RealmBuilder realmBuilder() {
        return Realm.builder().dataSource(database).schemaAction(SchemaAction.NONE).clock(clock)
                .passwordCost(new PasswordCost(64, 1, 1)).hashingLimit(4, Duration.ofSeconds(10));
    }

    /** Starts a second instance of the application on another realm (of the same database), runs the test, stops. */
    protected void withRealm(Realm other, Consumer<RawHttp> test) {
        try (Container instance = newContainer()) {
            instance.start(application(other));
            assertTrue(instance.applicationAvailable());
            test.accept(new RawHttp(instance.port()));
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    /**
     * Closes the container and the realm, then asserts that nothing logged while the suite ran (by Hallpass, the
     * container, Hibernate: anything that reaches the root logger) contains a token a response set or a password.
     */
    @AfterAll
    void stop() throws Exception {
        try {
            if (http != null) {
                // a password, and (where the suite's application signs in) a token in play in every suite for the
                // leak check; at the end, so that no test counts this sign-in
                String canary = newUser();
                http.request("POST", "/auth/login").api().form(form("username", canary, "password", "pw-" + canary))
                        .send();
            }
            if (server != null) {
                server.close();
            }
            if (realm != null) {
                realm.close();
            }
        } finally {
            leaks.close();
        }
        leaks.assertNoSecretLogged(getClass().getSimpleName());
    }

    // ------------------------------------------------------------------------------------------ helpers

    /** A fresh account with the given roles; its password is {@code "pw-" + username}. */
    protected String newUser(String... roles) {
        String name = "user" + USERS.incrementAndGet() + "-" + UUID.randomUUID().toString().substring(0, 6);
        LeakWatch.typed("pw-" + name);
        AccountView account = realm.createAccount(name, "pw-" + name);
        for (String role : roles) {
            realm.grantRole(account.id(), role, null, "test");
        }
        return name;
    }

    /** Starts a second instance of the application with extra filter settings, runs the test, stops it. */
    protected void withInstance(java.util.function.Consumer<TestApp> settings,
                                java.util.function.Consumer<RawHttp> test) {
        TestApp app = application(realm);
        settings.accept(app);
        try (Container other = newContainer()) {
            other.start(app);
            assertTrue(other.applicationAvailable());
            test.accept(new RawHttp(other.port()));
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    protected long accountId(String username) {
        return realm.findAccount(username).orElseThrow().id();
    }

    protected static String form(String... namesAndValues) {
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < namesAndValues.length; i += 2) {
            if (out.length() > 0) {
                out.append('&');
            }
            out.append(namesAndValues[i]).append('=')
                    .append(URLEncoder.encode(namesAndValues[i + 1], StandardCharsets.UTF_8));
        }
        return out.toString();
    }

    /** Signs in through the API and answers the Cookie header value to send afterwards. */
    protected String login(String username) {
        RawHttp.Response r = http.request("POST", "/auth/login").api().sameOrigin()
                .form(form("username", username, "password", "pw-" + username)).send();
        assertEquals(200, r.status(), r.toString());
        String token = r.cookie(COOKIE);
        assertNotNull(token, "login must set the session cookie: " + r);
        return COOKIE + "=" + token;
    }

    /**
     * Signs in from a device the account has signed in from before (a device cookie seen at an earlier sign-in),
     * so that no new-device friction applies.
     */
    protected String loginFromKnownDevice(String username) {
        String device = "__Host-hallpass-device=" + DEVICE_IDS.computeIfAbsent(username, u -> {
            RawHttp.Response first = http.request("POST", "/auth/login").api()
                    .form(form("username", u, "password", "pw-" + u)).send();
            assertEquals(200, first.status(), first.toString());
            return first.cookie("__Host-hallpass-device");
        });
        RawHttp.Response r = http.request("POST", "/auth/login").api().cookie(device)
                .form(form("username", username, "password", "pw-" + username)).send();
        assertEquals(200, r.status(), r.toString());
        assertTrue(r.body().contains("\"newDevice\":false"), r.body());
        return COOKIE + "=" + r.cookie(COOKIE) + "; " + device;
    }

    private static final java.util.Map<String, String> DEVICE_IDS = new java.util.concurrent.ConcurrentHashMap<>();

    /** The device cookie values {@link #loginFromKnownDevice} established, by username. */
    protected static java.util.Map<String, String> deviceIds() {
        return DEVICE_IDS;
    }

    protected RawHttp.Response apiGet(String path, String cookie) {
        return http.request("GET", path).api().cookie(cookie).send();
    }

}
