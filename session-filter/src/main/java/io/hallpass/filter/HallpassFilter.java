package io.hallpass.filter;

import io.hallpass.filter.config.FilterSettings;
import io.hallpass.filter.event.Events;
import io.hallpass.filter.event.HallpassListener;
import io.hallpass.filter.event.Metrics;
import io.hallpass.filter.event.MetricsRegistration;
import io.hallpass.filter.gate.Gate;
import io.hallpass.filter.gate.Outcome;
import io.hallpass.filter.policy.Policy;
import io.hallpass.filter.web.AuthEndpoints;
import io.hallpass.filter.web.ClientAddress;
import io.hallpass.filter.web.Cookies;
import io.hallpass.filter.web.Pages;
import io.hallpass.filter.web.Refusal;
import io.hallpass.filter.web.RequestSession;
import io.hallpass.filter.web.Responder;
import io.hallpass.filter.web.ReturnPath;
import io.hallpass.filter.risk.RiskPolicy;
import io.hallpass.realm.Realm;
import io.hallpass.realm.RealmUnavailableException;
import io.hallpass.realm.SessionCacheStats;
import jakarta.servlet.DispatcherType;
import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.FilterConfig;
import jakarta.servlet.ServletContext;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.UnavailableException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The Hallpass servlet filter. Declare it once, async-supported, on {@code /*}, for the REQUEST, FORWARD,
 * INCLUDE and ASYNC dispatches:
 *
 * <pre>{@code
 * <filter>
 *   <filter-name>hallpass</filter-name>
 *   <filter-class>io.hallpass.filter.HallpassFilter</filter-class>
 *   <async-supported>true</async-supported>
 *   <init-param><param-name>jdbc-url</param-name><param-value>jdbc:h2:file:/var/lib/hallpass/hallpass;AUTO_SERVER=TRUE</param-value></init-param>
 *   <init-param><param-name>rules-file</param-name><param-value>/WEB-INF/hallpass-rules.txt</param-value></init-param>
 * </filter>
 * <filter-mapping>
 *   <filter-name>hallpass</filter-name>
 *   <url-pattern>/*</url-pattern>
 *   <dispatcher>REQUEST</dispatcher><dispatcher>FORWARD</dispatcher><dispatcher>INCLUDE</dispatcher>
 *   <dispatcher>ASYNC</dispatcher>
 *   <dispatcher>ERROR</dispatcher>
 * </filter-mapping>
 * }</pre>
 *
 * <p>Every request goes the same way: the {@link Gate} decides (the firewall refuses ambiguous targets, unsafe
 * methods must be same-origin, the filter's own endpoints answer themselves, otherwise the compiled policy and a
 * pure decision, looking the session up only if the path needs it) and names an {@link Outcome}; the filter acts
 * on it: it lets the request through, with the standard security methods answering from the session, runs an
 * endpoint, or has the {@link Responder} answer the refusal. If the realm cannot be reached, protected paths
 * answer 503 and public ones keep working.
 *
 * <p>Settings are read from init-params, then from context-params prefixed {@code hallpass.}; any bad value
 * stops the filter's start, so the application does not deploy unprotected. An application that builds its
 * own {@link Realm} may put it in the servlet context attribute {@link Hallpass#REALM_ATTRIBUTE} before the
 * filter starts; the filter then uses it (and does not close it) instead of the database settings.
 *
 * <p>What happens is published as events to the application's listeners ({@code event-listeners}) and counted by the
 * JMX metrics, {@code io.hallpass:type=Metrics,context=<context path>}, registered at start and taken off at
 * {@link #destroy()}.
 */
public final class HallpassFilter implements Filter {

    private static final System.Logger LOG = System.getLogger(HallpassFilter.class.getName());

    private ServletContext context;
    private RealmHolder realm;
    private boolean publishedRealm;
    private PurgeSchedule purge;
    private String cacheControl;
    private Responder responder;
    private AuthEndpoints endpoints;
    private Gate gate;
    private Events events;
    private MetricsRegistration metrics;

    @Override
    public void init(FilterConfig config) throws ServletException {
        context = config.getServletContext();
        Realm provided = context.getAttribute(Hallpass.REALM_ATTRIBUTE) instanceof Realm r ? r : null;
        FilterSettings settings = ConfiguredSettings.read(config, provided != null);
        ApplicationClasses classes = new ApplicationClasses(context);
        Policy policy = ConfiguredPolicy.compile(settings, context, classes);
        Clock clock;
        if (provided != null) {
            realm = RealmHolder.of(provided);
            clock = provided.clock();
        } else {
            clock = Clock.systemUTC();
            realm = RealmStart.start(settings, clock);
            context.setAttribute(Hallpass.REALM_ATTRIBUTE, DeferredRealm.of(realm));
            publishedRealm = true;
        }
        RiskPolicy riskPolicy;
        List<HallpassListener> listeners = new ArrayList<>();
        Metrics counts = new Metrics(context.getContextPath(), this::cacheStats, () -> events.failures());
        listeners.add(counts);
        try {
            riskPolicy = ConfiguredRiskPolicy.load(settings, classes);
            listeners.addAll(ConfiguredListeners.load(settings, classes));
        } catch (UnavailableException e) {
            destroy(); // init fails, so the container never calls destroy: stop what has started
            throw e;
        }
        events = Events.of(listeners, clock);
        if (provided == null) {
            purge = PurgeSchedule.start(realm, settings.purgeInterval(), events);
        }
        ClientAddress clients = new ClientAddress(settings.trustedProxies());
        Cookies cookies = new Cookies(settings.cookieSecure(), settings.cookieSameSite());
        AuthEndpoints.Paths paths = AuthEndpoints.Paths.of(settings);
        ReturnPath returnPaths = new ReturnPath(Set.of(settings.loginPath(), settings.logoutPath(),
                settings.reauthPath()));
        responder = new Responder(paths, cookies, returnPaths,
                new Pages(context.getContextPath(), settings.pageStylesheet()), clients, events);
        endpoints = new AuthEndpoints(realm, realm, paths, cookies, responder, clients, returnPaths, events);
        gate = new Gate(settings, policy, endpoints, realm, realm, riskPolicy, clock, events);
        cacheControl = settings.cacheControl();
        metrics = MetricsRegistration.register(counts);
        LOG.log(System.Logger.Level.INFO, () -> "Hallpass started: " + settings);
    }

    @Override
    public void doFilter(ServletRequest req, ServletResponse res, FilterChain chain)
            throws IOException, ServletException {
        if (!(req instanceof HttpServletRequest request) || !(res instanceof HttpServletResponse response)) {
            throw new ServletException("Hallpass protects HTTP requests only");
        }
        switch (request.getDispatcherType()) {
            case REQUEST -> {
                HttpServletResponse out = new NoRewriteResponse(response);
                gate.request(request).accept(new Actions(request, out, chain));
            }
            case FORWARD, INCLUDE, ASYNC -> gate.dispatch(request).accept(new Actions(request, response, chain));
            case ERROR -> {
                keepOutOfCaches(request, response);
                carrySession(request);
                chain.doFilter(request, response);
            }
            default -> chain.doFilter(request, response);
        }
    }

    /**
     * An error dispatch is not judged (the container's error page answers a request already judged), but the error
     * page of a Hallpass refusal keeps {@code no-store}, with {@code Vary: Cookie}: Jetty clears the headers set
     * before {@code sendError}, so the application's 403 page would otherwise be cacheable. (An error page the
     * application raises itself after a personal response is its own to mark; the filter does not follow every
     * response on its hot path for it.)
     */
    private static void keepOutOfCaches(HttpServletRequest request, HttpServletResponse response) {
        if (request.getAttribute(Responder.CACHE_CONTROL_ATTRIBUTE) instanceof String value && !response.isCommitted()) {
            response.setHeader("Cache-Control", value);
            varyOnCookie(response);
        }
    }

    /** Tells shared caches that the response varies with the cookie, unless its {@code Vary} says so already. */
    static void varyOnCookie(HttpServletResponse response) {
        if (!response.containsHeader("Vary") || !variesWithCookie(response.getHeaders("Vary"))) {
            response.addHeader("Vary", "Cookie");
        }
    }

    /** Whether the {@code Vary} values already name the cookie (or everything). */
    private static boolean variesWithCookie(Collection<String> values) {
        for (String value : values) {
            for (String name : value.split(",")) {
                String n = name.strip();
                if (n.equalsIgnoreCase("Cookie") || n.equals("*")) {
                    return true;
                }
            }
        }
        return false;
    }

    /**
     * An error page gets the container's own request, not the {@link HallpassRequest} that answers Hallpass's
     * attributes: it carries them as attributes, as far as the request's session had been resolved.
     */
    private void carrySession(HttpServletRequest request) {
        RequestSession.attachedTo(request).ifPresent(session -> {
            for (String name : List.of(Hallpass.SESSION_ATTRIBUTE, Hallpass.RISK_ATTRIBUTE)) {
                Object value = HallpassRequest.derivedAttribute(name, session, endpoints);
                if (value != null && request.getAttribute(name) == null) {
                    request.setAttribute(name, value);
                }
            }
        });
    }

    /** The statistics of the realm's session cache, if the realm runs and has one on. */
    private Optional<SessionCacheStats> cacheStats() {
        RealmHolder holder = realm;
        Realm current = holder == null ? null : holder.current();
        return current instanceof SessionCacheStats.Source source ? source.sessionCacheStats() : Optional.empty();
    }

    @Override
    public void destroy() {
        if (metrics != null) {
            metrics.close();
        }
        if (purge != null) {
            purge.stop();
        }
        if (publishedRealm) {
            context.removeAttribute(Hallpass.REALM_ATTRIBUTE);
        }
        if (realm != null) {
            realm.close();
        }
    }

    /** What the filter does with each outcome of the gate, for one request. */
    private final class Actions implements Outcome.Visitor {

        private final HttpServletRequest request;
        private final HttpServletResponse response;
        private final FilterChain chain;

        Actions(HttpServletRequest request, HttpServletResponse response, FilterChain chain) {
            this.request = request;
            this.response = response;
            this.chain = chain;
        }

        @Override
        public void admit(Outcome.Admit admit) throws IOException, ServletException {
            // Hallpass's request attributes (the session, its risk, the endpoints for Hallpass.changePassword) are
            // answered by the HallpassRequest from the request's session, not stored
            if (admit.signedIn().isPresent()) {
                personal();
            } else {
                // a public page that asks who is signed in is personal from then on
                admit.session().whenAskedByApplication(this::personal);
            }
            ContainerSessions.enforce(request, () -> admit.signedIn().or(() -> admit.session().current()));
            try {
                // the application runs here; its exceptions are its own
                chain.doFilter(new HallpassRequest(request, response, admit.session(), endpoints, responder), response);
            } catch (RealmUnavailableException e) {
                // the application asked the realm while the database was down
                responder.refuse(request, response, gate.failure(request, admit.path(), e));
            }
        }

        /**
         * Keeps a response that depends on the session out of caches ({@code cache-control}, {@code no-store} by
         * default) and tells shared caches that it varies with the cookie. Before the response is committed
         * only: later, the headers can no longer change.
         */
        private void personal() {
            if (cacheControl == null || response.isCommitted()) {
                return;
            }
            response.setHeader("Cache-Control", cacheControl);
            varyOnCookie(response);
        }

        @Override
        public void proceed(Outcome.Proceed proceed) throws IOException, ServletException {
            Optional<RequestSession> session = RequestSession.attachedTo(request);
            if (request.getDispatcherType() == DispatcherType.ASYNC && !HallpassRequest.wraps(request)
                    && session.isPresent()) {
                // startAsync() without arguments dispatches the container's own request: wrap it again, so that
                // the target answers getRemoteUser() and the like from the session, as the first servlet did
                chain.doFilter(new HallpassRequest(request, response, session.get(), endpoints, responder),
                        new NoRewriteResponse(response));
                return;
            }
            chain.doFilter(request, response);
        }

        @Override
        public void runEndpoint(Outcome.RunEndpoint run) throws IOException, ServletException {
            try {
                endpoints.handle(run.endpoint(), request, response, run.session());
            } catch (RuntimeException e) {
                responder.refuse(request, response, gate.failure(request, run.path(), e));
            }
        }

        @Override
        public void refuse(Outcome.Refused refused) throws IOException {
            refused.session().ifPresent(view -> request.setAttribute(Hallpass.SESSION_ATTRIBUTE, view));
            if (refused.refusal() instanceof Refusal.Forbidden) {
                // the application's 403 page runs next (sendError), with the container session the request carries
                RequestSession.attachedTo(request).ifPresent(session ->
                        ContainerSessions.enforce(request, () -> refused.session().or(session::current)));
            }
            responder.refuse(request, response, refused.refusal());
        }

        @Override
        public void leaveOut(Outcome.LeftOut leftOut) {
            // an include cannot change the status: its fragment is left out (the gate has logged it)
        }
    }
}
