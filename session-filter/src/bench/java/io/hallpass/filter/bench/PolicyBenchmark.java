package io.hallpass.filter.bench;

import io.hallpass.filter.annotation.Authenticated;
import io.hallpass.filter.annotation.Public;
import io.hallpass.filter.annotation.RequireRole;
import io.hallpass.filter.annotation.Sensitive;
import io.hallpass.filter.decision.Decider;
import io.hallpass.filter.decision.Decision;
import io.hallpass.filter.path.Firewall;
import io.hallpass.filter.path.RequestPath;
import io.hallpass.filter.policy.Policy;
import io.hallpass.filter.policy.PolicyException;
import io.hallpass.filter.policy.PolicySettings;
import io.hallpass.filter.policy.RuleSource;
import io.hallpass.filter.policy.ServletInfo;
import io.hallpass.realm.ClientFacts;
import io.hallpass.realm.SessionView;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * What Hallpass adds to every request before the realm is asked anything: rule lookup plus decision
 * (the budget: under 2 µs), and the whole pure path (firewall, request path, lookup, decision).
 * The realm lookup is a prepared answer here; its cost is the realm's, measured elsewhere.
 *
 * <p>The policy is a realistic one: 30 rules of every pattern kind, and five annotated servlets, so that
 * lookups go through exact, prefix (longest of several), extension and default matching and through the
 * rule-and-annotation combination.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
public class PolicyBenchmark {

    static final String RULES = String.join("\n",
            "# a shop with an admin area, reports, an API and a customer account",
            "GET \"\" = public",
            "GET /index.html = public",
            "GET /static/* = public",
            "GET /assets/* = public",
            "GET *.css = public",
            "GET *.js = public",
            "GET *.png = public",
            "GET /favicon.ico = public",
            "GET,POST /login = public",
            "POST /logout = authenticated",
            "POST /reauth = authenticated",
            "GET /health = public",
            "GET /catalog/* = public",
            "GET,POST /cart/* = public",
            "GET,POST /checkout/* = authenticated",
            "/account/* = authenticated",
            "POST /account/payout = role:customer, reauth:2m, idle:5m",
            "GET /account/payout = role:customer",
            "POST /account/password = authenticated, reauth:5m",
            "/reports/* = role:reporting | role:admin",
            "/reports/finance/* = role:finance, reauth",
            "GET,POST /admin/* = role:admin",
            "DELETE /admin/* = role:admin, reauth:1m",
            "/admin/users/* = role:admin | role:support",
            "GET /api/v1/status = public",
            "/api/v1/* = authenticated",
            "/api/v1/orders/* = role:customer | role:support",
            "/internal/* = deny",
            "*.jsp = deny",
            "/ = deny");

    @RequireRole({"reporting", "admin"})
    public static class ReportsServlet extends HttpServlet {
        private static final long serialVersionUID = 1L;
    }

    public static class PayoutServlet extends HttpServlet {
        private static final long serialVersionUID = 1L;

        @Authenticated
        @Override
        protected void doGet(HttpServletRequest req, HttpServletResponse resp) {
        }

        @RequireRole("customer")
        @Sensitive(reauthWithin = "2m", idleWithin = "5m")
        @Override
        protected void doPost(HttpServletRequest req, HttpServletResponse resp) {
        }
    }

    @RequireRole("admin")
    public static class AdminServlet extends HttpServlet {
        private static final long serialVersionUID = 1L;

        @Sensitive(reauthWithin = "1m")
        @Override
        protected void doDelete(HttpServletRequest req, HttpServletResponse resp) {
        }
    }

    @Authenticated
    public static class AccountServlet extends HttpServlet {
        private static final long serialVersionUID = 1L;
    }

    @Public
    public static class CatalogServlet extends HttpServlet {
        private static final long serialVersionUID = 1L;
    }

    private Policy policy;
    private Instant now;
    private Supplier<Optional<SessionView>> customer;
    private Supplier<Optional<SessionView>> analyst;
    private final Firewall firewall = Firewall.strict();

    // non-final so that the JIT cannot fold them
    private String get = "GET";
    private String post = "POST";
    private String staticPath = "/static/css/site/app.css";
    private String jsp = "/legacy/old/page.jsp";
    private String accountPath = "/account/profile/edit";
    private String payoutPath = "/account/payout";
    private String reportsPath = "/reports/2025/q3/summary";
    private String unmatchedPath = "/nowhere/at/all";
    private String reportsUri = "/shop/reports/2025/q3/summary";
    private String reportsServletPath = "/reports";
    private String reportsPathInfo = "/2025/q3/summary";

    @Setup
    public void setUp() throws PolicyException {
        List<ServletInfo> servlets = List.of(
                new ServletInfo("reports", ReportsServlet.class, List.of("/reports/*")),
                new ServletInfo("payout", PayoutServlet.class, List.of("/account/payout")),
                new ServletInfo("admin", AdminServlet.class, List.of("/admin/*")),
                new ServletInfo("account", AccountServlet.class, List.of("/account/*")),
                new ServletInfo("catalog", CatalogServlet.class, List.of("/catalog/*")),
                new ServletInfo("default", HttpServlet.class, List.of("/")));
        policy = Policy.compile(new RuleSource("benchmark rules", RULES), servlets, PolicySettings.defaults());
        now = Instant.parse("2025-03-01T12:00:00Z");
        Optional<SessionView> customerView = Optional.of(session(Set.of("customer"), now));
        Optional<SessionView> analystView = Optional.of(session(Set.of("reporting", "eu"), now));
        customer = () -> customerView;
        analyst = () -> analystView;
    }

    private static SessionView session(Set<String> roles, Instant now) {
        Instant created = now.minus(Duration.ofHours(1));
        return new SessionView("pub-1", 1L, "alice", roles, created, now.minusSeconds(30), now.minusSeconds(60),
                now.plus(Duration.ofMinutes(29)), created.plus(Duration.ofHours(12)), ClientFacts.UNKNOWN, false, 0,
                false, Duration.ofSeconds(30));
    }

    /** A public asset: matched by prefix, allowed without a session lookup. */
    @Benchmark
    public Decision publicStaticAsset() {
        return Decider.decide(policy.lookup(get, staticPath, "default"), customer, now);
    }

    /** An extension rule after every prefix failed: denied without a session lookup. */
    @Benchmark
    public Decision deniedByExtension() {
        return Decider.decide(policy.lookup(get, jsp, "default"), customer, now);
    }

    /** Prefix rule plus the servlet's class annotation; the session is looked up and allowed. */
    @Benchmark
    public Decision authenticatedAccountPage() {
        return Decider.decide(policy.lookup(get, accountPath, "account"), customer, now);
    }

    /** Exact rule combined with method annotations, a role and both windows checked. */
    @Benchmark
    public Decision sensitivePayout() {
        return Decider.decide(policy.lookup(post, payoutPath, "payout"), customer, now);
    }

    /** Longest of several prefixes, two any-of sets from rule and annotation. */
    @Benchmark
    public Decision reportsWithRoles() {
        return Decider.decide(policy.lookup(get, reportsPath, "reports"), analyst, now);
    }

    /** No exact, prefix or extension match: the default rule denies. */
    @Benchmark
    public Decision unmatchedFallsToDefault() {
        return Decider.decide(policy.lookup(get, unmatchedPath, null), customer, now);
    }

    /** Everything pure that the filter does per request: firewall, request path, lookup, decision. */
    @Benchmark
    public Decision firewallPathLookupDecision() {
        if (firewall.check(get, reportsUri, reportsServletPath, reportsPathInfo).isPresent()) {
            return null;
        }
        String path = RequestPath.of(reportsServletPath, reportsPathInfo);
        return Decider.decide(policy.lookup(get, path, "reports"), analyst, now);
    }
}
