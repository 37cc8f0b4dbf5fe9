package io.hallpass.filter;

import io.hallpass.filter.config.FilterSettings;
import io.hallpass.filter.decision.Decider;
import io.hallpass.filter.decision.Decision;
import io.hallpass.filter.path.Firewall;
import io.hallpass.filter.path.RequestPath;
import io.hallpass.filter.policy.Permission;
import io.hallpass.filter.policy.Policy;
import io.hallpass.filter.web.AuthEndpoints;
import io.hallpass.filter.web.ClientAddress;
import io.hallpass.filter.web.Cookies;
import io.hallpass.filter.web.CrossOriginCheck;
import io.hallpass.filter.web.Pages;
import io.hallpass.filter.web.RequestSession;
import io.hallpass.filter.web.Responder;
import io.hallpass.filter.web.ReturnPath;
import io.hallpass.filter.risk.RiskPolicy;
import io.hallpass.realm.AuditEvent;
import io.hallpass.realm.Realm;
import io.hallpass.realm.RealmUnavailableException;
import jakarta.servlet.DispatcherType;
import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.FilterConfig;
import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.ServletContext;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.UnavailableException;
import jakarta.servlet.http.HttpServletMapping;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.Clock;
import java.util.Optional;
import java.util.Set;

/**
 * The Hallpass servlet filter. Declare it once, on {@code /*}, for the REQUEST, FORWARD and INCLUDE
 * dispatches:
 *
 * <pre>{@code
 * <filter>
 *   <filter-name>hallpass</filter-name>
 *   <filter-class>io.hallpass.filter.HallpassFilter</filter-class>
 *   <init-param><param-name>jdbc-url</param-name><param-value>jdbc:h2:file:./data/hallpass</param-value></init-param>
 *   <init-param><param-name>rules-file</param-name><param-value>/WEB-INF/hallpass-rules.txt</param-value></init-param>
 * </filter>
 * <filter-mapping>
 *   <filter-name>hallpass</filter-name>
 *   <url-pattern>/*</url-pattern>
 *   <dispatcher>REQUEST</dispatcher><dispatcher>FORWARD</dispatcher><dispatcher>INCLUDE</dispatcher>
 * </filter-mapping>
 * }</pre>
 *
 * <p>Every request goes the same way: the firewall refuses ambiguous targets (400); unsafe methods must be
 * same-origin (403); the filter's own endpoints (sign in, sign out, re-authenticate) answer themselves;
 * otherwise the compiled policy names what the path requires, a pure {@link Decider} decides (looking the
 * session up only if the requirement needs it), and the filter either lets the request through, with the
 * standard security methods answering from the session, or answers the refusal. If the realm cannot be
 * reached, protected paths answer 503 and public ones keep working.
 *
 * <p>Settings are read from init-params, then from context-params prefixed {@code hallpass.}; any bad value
 * stops the filter's start, so the application does not deploy unprotected. An application that builds its
 * own {@link Realm} may put it in the servlet context attribute {@link Hallpass#REALM_ATTRIBUTE} before the
 * filter starts; the filter then uses it (and does not close it) instead of the database settings.
 */
public final class HallpassFilter implements Filter {

    private static final System.Logger LOG = System.getLogger(HallpassFilter.class.getName());
    private static final long RETRY_AFTER_SECONDS = 5;

    private ServletContext context;
    private FilterSettings settings;
    private Policy policy;
    private RealmHolder realm;
    private Clock clock;
    private boolean publishedRealm;
    private Firewall firewall;
    private Cookies cookies;
    private CrossOriginCheck crossOrigin;
    private Responder responder;
    private AuthEndpoints endpoints;
    private RiskPolicy riskPolicy;
    private PurgeSchedule purge;

    @Override
    public void init(FilterConfig config) throws ServletException {
        context = config.getServletContext();
        Realm provided = context.getAttribute(Hallpass.REALM_ATTRIBUTE) instanceof Realm r ? r : null;
        settings = ConfiguredSettings.read(config, provided != null);
        ApplicationClasses classes = new ApplicationClasses(context);
        policy = ConfiguredPolicy.compile(settings, context, classes);
        if (provided != null) {
            realm = RealmHolder.of(provided);
            clock = provided.clock();
        } else {
            clock = Clock.systemUTC();
            realm = RealmStart.start(settings, clock);
            context.setAttribute(Hallpass.REALM_ATTRIBUTE, DeferredRealm.of(realm));
            publishedRealm = true;
            purge = PurgeSchedule.start(realm, settings.purgeInterval());
        }
        try {
            riskPolicy = ConfiguredRiskPolicy.load(settings, classes);
        } catch (UnavailableException e) {
            destroy(); // init fails, so the container never calls destroy: stop what has started
            throw e;
        }
        firewall = Firewall.strict();
        ClientAddress clients = new ClientAddress(settings.trustedProxies());
        cookies = new Cookies(settings.cookieSecure(), settings.cookieSameSite());
        crossOrigin = new CrossOriginCheck(settings.csrfAllowSameSite(), clients);
        ReturnPath returnPaths = new ReturnPath(Set.of(settings.loginPath(), settings.logoutPath(),
                settings.reauthPath()));
        responder = new Responder(settings.loginPage(), settings.loginPath(), settings.reauthPath(), returnPaths,
                new Pages(context.getContextPath(), settings.pageStylesheet()), clients);
        endpoints = new AuthEndpoints(realm, new AuthEndpoints.Paths(settings.loginPage(), settings.loginPath(),
                settings.logoutPath(), settings.reauthPath(), settings.cookieName(), settings.deviceCookieName()),
                cookies, responder, clients, returnPaths);
        LOG.log(System.Logger.Level.INFO, () -> "Hallpass started: " + settings);
    }

    @Override
    public void doFilter(ServletRequest req, ServletResponse res, FilterChain chain)
            throws IOException, ServletException {
        if (!(req instanceof HttpServletRequest request) || !(res instanceof HttpServletResponse response)) {
            throw new ServletException("Hallpass protects HTTP requests only");
        }
        DispatcherType type = request.getDispatcherType();
        if (type == DispatcherType.REQUEST) {
            onRequest(request, response, chain);
        } else if (type == DispatcherType.FORWARD || type == DispatcherType.INCLUDE) {
            onDispatch(request, response, chain, type);
        } else {
            chain.doFilter(request, response);
        }
    }

    private void onRequest(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        HttpServletResponse out = new NoRewriteResponse(response);
        RequestSession session;
        Decision decision;
        String path = null;
        try {
            Optional<String> refusal = firewall.check(request.getMethod(), request.getRequestURI(),
                    request.getServletPath(), request.getPathInfo());
            if (refusal.isPresent()) {
                responder.reject(request, out, 400, refusal.get(), null);
                return;
            }
            Optional<String> crossSite = crossOrigin.check(request);
            if (crossSite.isPresent()) {
                responder.reject(request, out, 403, crossSite.get(), null);
                return;
            }
            Cookies.Read cookie = Cookies.read(request, settings.cookieName());
            if (cookie.duplicated()) {
                responder.reject(request, out, 400, "more than one session cookie", null);
                return;
            }
            session = newSession(request, cookie.value());
            request.setAttribute(Hallpass.REQUEST_SESSION_ATTRIBUTE, session);
            path = RequestPath.of(request.getServletPath(), request.getPathInfo());
            if (endpoints.handles(path)) {
                endpoints.handle(path, request, out, session);
                return;
            }
            Permission permission = policy.lookup(request.getMethod(), path, servletName(request.getHttpServletMapping()));
            decision = Decider.decide(permission, session::resolve, view -> session.risk(), clock.instant());
            if (!(decision instanceof Decision.Allow)) {
                act(decision, request, out, chain, session);
                return;
            }
        } catch (RealmUnavailableException e) {
            unavailable(request, out, path, e);
            return;
        } catch (RuntimeException e) {
            // a fault of Hallpass's own, not of the request: logged in full here, a short answer there
            LOG.log(System.Logger.Level.ERROR, "Hallpass: internal error on " + request.getMethod() + " " + path, e);
            responder.internalError(request, out);
            return;
        }
        try {
            act(decision, request, out, chain, session); // the application runs here; its exceptions are its own
        } catch (RealmUnavailableException e) {
            unavailable(request, out, path, e); // the application asked the realm while the database was down
        }
    }

    private void unavailable(HttpServletRequest request, HttpServletResponse response, String path,
                             RealmUnavailableException e) throws IOException {
        LOG.log(System.Logger.Level.WARNING, "Hallpass: 503 for " + request.getMethod() + " " + path + ": "
                + e.getMessage());
        responder.unavailable(request, response, RETRY_AFTER_SECONDS);
    }

    private void act(Decision decision, HttpServletRequest request, HttpServletResponse response, FilterChain chain,
                     RequestSession session) throws IOException, ServletException {
        if (decision instanceof Decision.Allow allow) {
            allow.session().ifPresent(view -> {
                request.setAttribute(Hallpass.SESSION_ATTRIBUTE, view);
                request.setAttribute(Hallpass.RISK_ATTRIBUTE, session.risk());
                if (settings.cacheControl() != null) {
                    response.setHeader("Cache-Control", settings.cacheControl());
                }
            });
            chain.doFilter(new HallpassRequest(request, response, session, endpoints, responder), response);
        } else if (decision instanceof Decision.Unauthenticated) {
            if (session.hasToken()) {
                cookies.clear(response, settings.cookieName()); // a dead token: let the browser forget it
            }
            responder.unauthenticated(request, response);
        } else if (decision instanceof Decision.Forbidden forbidden) {
            session.resolve().ifPresent(view -> request.setAttribute(Hallpass.SESSION_ATTRIBUTE, view));
            responder.forbidden(request, response, forbidden.reason());
        } else if (decision instanceof Decision.StepUp stepUp) {
            if (Decider.RISK.equals(stepUp.reason())) {
                session.resolve().ifPresent(view -> realm.get().audit(AuditEvent.Type.STEP_UP_REQUIRED,
                        view.accountId(), view.publicId(), null, "sensitive action after: " + session.risk().reason()));
            }
            responder.stepUp(request, response, stepUp.maxAge());
        } else if (decision instanceof Decision.Reject reject) {
            responder.reject(request, response, reject.status(), reject.reason(), reject.allow());
        }
    }

    /**
     * A forward or include inside the application is checked against the rules of its target too, with the
     * session already established for the request, so a public page cannot hand out a protected one. Targets
     * under {@code /WEB-INF/} and {@code /META-INF/} that no rule names are allowed: no client can request them
     * directly, only the application's own dispatch reaches them (its views).
     */
    private void onDispatch(HttpServletRequest request, HttpServletResponse response, FilterChain chain,
                            DispatcherType type) throws IOException, ServletException {
        RequestSession session = request.getAttribute(Hallpass.REQUEST_SESSION_ATTRIBUTE) instanceof RequestSession s
                ? s : newSession(request, Cookies.read(request, settings.cookieName()).value());
        String path;
        String servlet;
        if (type == DispatcherType.INCLUDE) {
            path = RequestPath.of((String) request.getAttribute(RequestDispatcher.INCLUDE_SERVLET_PATH),
                    (String) request.getAttribute(RequestDispatcher.INCLUDE_PATH_INFO));
            servlet = servletName((HttpServletMapping) request.getAttribute(RequestDispatcher.INCLUDE_MAPPING));
        } else {
            path = RequestPath.of(request.getServletPath(), request.getPathInfo());
            servlet = servletName(request.getHttpServletMapping());
        }
        Decision decision;
        try {
            Permission permission = policy.lookup(request.getMethod(), path, servlet);
            boolean internal = path.startsWith("/WEB-INF/") || path.startsWith("/META-INF/");
            decision = internal && permission.isUnmatched()
                    ? new Decision.Allow(Optional.empty())
                    : Decider.decide(permission, session::resolve, view -> session.risk(), clock.instant());
        } catch (RealmUnavailableException e) {
            if (type == DispatcherType.FORWARD) {
                responder.unavailable(request, response, RETRY_AFTER_SECONDS);
            } else {
                LOG.log(System.Logger.Level.WARNING, "Hallpass: include of " + path + " skipped: " + e.getMessage());
            }
            return;
        }
        if (decision instanceof Decision.Allow) {
            chain.doFilter(request, response);
        } else if (type == DispatcherType.FORWARD) {
            act(decision, request, response, chain, session);
        } else {
            // an include cannot change the status: leave the fragment out, and say so in the log
            LOG.log(System.Logger.Level.WARNING, "Hallpass: include of " + path + " refused (" + decision + ")");
        }
    }

    @Override
    public void destroy() {
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

    private RequestSession newSession(HttpServletRequest request, String token) {
        return new RequestSession(realm, token, () -> endpoints.facts(request, endpoints.deviceIdOf(request)),
                riskPolicy);
    }

    private static String servletName(HttpServletMapping mapping) {
        return mapping == null ? null : mapping.getServletName();
    }
}
