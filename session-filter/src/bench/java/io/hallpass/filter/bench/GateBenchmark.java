package io.hallpass.filter.bench;

import io.hallpass.filter.config.FilterSettings;
import io.hallpass.filter.config.SettingsException;
import io.hallpass.filter.event.Events;
import io.hallpass.filter.event.Metrics;
import io.hallpass.filter.gate.Gate;
import io.hallpass.filter.gate.Outcome;
import io.hallpass.filter.policy.Policy;
import io.hallpass.filter.policy.PolicyException;
import io.hallpass.filter.policy.PolicySettings;
import io.hallpass.filter.policy.RuleSource;
import io.hallpass.filter.risk.DefaultRiskPolicy;
import io.hallpass.filter.web.AuthEndpoints;
import io.hallpass.filter.web.ClientAddress;
import io.hallpass.filter.web.Cookies;
import io.hallpass.filter.web.Pages;
import io.hallpass.filter.web.RequestStub;
import io.hallpass.filter.web.Responder;
import io.hallpass.filter.web.ReturnPath;
import io.hallpass.realm.AccountView;
import io.hallpass.realm.ClientFacts;
import io.hallpass.realm.PasswordCost;
import io.hallpass.realm.Realm;
import io.hallpass.realm.SchemaAction;
import jakarta.servlet.DispatcherType;
import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletMapping;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import java.time.Duration;
import java.util.Collections;
import java.util.Enumeration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

/**
 * One allowed, signed-in request through the {@link Gate} with the session cache on: firewall, same-origin check,
 * cookie, the realm's cached lookup (token check and hash, cache, state rules), the default risk policy, the rule
 * lookup and the decision, and the activity recorded in memory. What Hallpass adds to a request before the
 * application runs, without the container; the peers harness ({@code src/bench/peers}) measures it with one.
 *
 * <p>The realm is the real one, on an in-memory H2 database, the session read once into the cache before the
 * measurement; the request is a plain object answering what the gate reads (not a proxy, whose reflection would
 * dominate). {@code -prof gc} (on by default in the {@code bench} profile) shows the bytes allocated per request.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
public class GateBenchmark {

    private static final String RULES = """
            GET "" = public
            GET /static/* = public
            GET /api/ping = authenticated
            GET /api/* = role:user
            GET,POST /account/* = authenticated
            GET /admin/* = role:admin
            """;
    private static final String AGENT = "Mozilla/5.0 (X11; Linux x86_64; rv:128.0) Gecko/20100101 Firefox/128.0";

    private Realm realm;
    private Gate gate;
    private BenchRequest request;

    @Setup(Level.Trial)
    public void setUp() throws SettingsException, PolicyException {
        realm = Realm.builder().jdbcUrl("jdbc:h2:mem:gate-bench-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1")
                .schemaAction(SchemaAction.CREATE_IF_MISSING).passwordCost(new PasswordCost(64, 1, 1))
                .sessionCache(10_000, Duration.ofSeconds(1)).build();
        AccountView account = realm.createAccount("ann", "correct horse battery staple");
        realm.grantRole(account.id(), "user", null, "bench");
        String token = realm.open(account.id(), new ClientFacts("127.0.0.1", AGENT, null)).token();

        FilterSettings settings = FilterSettings.read(Map.of("rules", RULES), Map.of(), name -> null, true);
        Policy policy = Policy.compile(new RuleSource("bench rules", RULES), List.of(),
                new PolicySettings(settings.denyUnmatched(), settings.reauthWithin()));
        Supplier<Realm> supplier = () -> realm;
        ClientAddress clients = new ClientAddress(settings.trustedProxies());
        Cookies cookies = new Cookies(settings.cookieSecure(), settings.cookieSameSite());
        AuthEndpoints.Paths paths = AuthEndpoints.Paths.of(settings);
        ReturnPath returnPaths = new ReturnPath(Set.of());
        // the filter always counts its events for the JMX metrics: so does the benchmark
        Metrics metrics = new Metrics("", Optional::empty, () -> 0);
        Events events = Events.of(List.of(metrics), realm.clock());
        Responder responder = new Responder(paths, cookies, returnPaths, new Pages("", null), clients, events);
        AuthEndpoints endpoints = new AuthEndpoints(supplier, supplier, paths, cookies, responder, clients,
                returnPaths, events);
        gate = new Gate(settings, policy, endpoints, supplier, supplier, DefaultRiskPolicy.withDefaults(),
                realm.clock(), events);
        request = new BenchRequest(RequestStub.get().target("/api", "/ping", "api").build(),
                new Cookie[] {new Cookie(settings.cookieName(), token)});
        if (!(allowedRequest() instanceof Outcome.Admit)) {
            throw new IllegalStateException("the benchmark request is not let through: " + allowedRequest());
        }
    }

    @TearDown(Level.Trial)
    public void tearDown() {
        realm.close();
    }

    /** {@code GET /api/ping} with a live cached session: the common request of a signed-in user. */
    @Benchmark
    public Outcome allowedRequest() {
        request.attributes.clear();
        return gate.request(request);
    }

    /**
     * What the gate reads of a request, answered from fields as a container does. Anything else goes to the stub,
     * which refuses what it was not told.
     */
    static final class BenchRequest extends HttpServletRequestWrapper {

        final Map<String, Object> attributes = new HashMap<>();
        private final Cookie[] cookies;
        private final HttpServletMapping mapping;

        BenchRequest(HttpServletRequest stub, Cookie[] cookies) {
            super(stub);
            this.cookies = cookies;
            this.mapping = stub.getHttpServletMapping();
        }

        @Override
        public String getMethod() {
            return "GET";
        }

        @Override
        public String getRequestURI() {
            return "/api/ping";
        }

        @Override
        public String getServletPath() {
            return "/api";
        }

        @Override
        public String getPathInfo() {
            return "/ping";
        }

        @Override
        public HttpServletMapping getHttpServletMapping() {
            return mapping;
        }

        @Override
        public String getHeader(String name) {
            return "User-Agent".equalsIgnoreCase(name) ? AGENT : null;
        }

        @Override
        public Enumeration<String> getHeaders(String name) {
            return "Cookie".equalsIgnoreCase(name)
                    ? Collections.enumeration(List.of(cookies[0].getName() + "=" + cookies[0].getValue()))
                    : Collections.emptyEnumeration();
        }

        @Override
        public Cookie[] getCookies() {
            return cookies.clone(); // a container hands out its own array
        }

        @Override
        public String getRemoteAddr() {
            return "127.0.0.1";
        }

        @Override
        public DispatcherType getDispatcherType() {
            return DispatcherType.REQUEST;
        }

        @Override
        public Object getAttribute(String name) {
            return attributes.get(name);
        }

        @Override
        public void setAttribute(String name, Object value) {
            attributes.put(name, value);
        }

        @Override
        public void removeAttribute(String name) {
            attributes.remove(name);
        }
    }
}
