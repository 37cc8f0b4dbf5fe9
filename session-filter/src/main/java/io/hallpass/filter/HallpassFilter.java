package io.hallpass.filter;

import io.hallpass.filter.config.FilterSettings;
import io.hallpass.filter.config.SettingsException;
import io.hallpass.filter.decision.Decider;
import io.hallpass.filter.decision.Decision;
import io.hallpass.filter.path.Firewall;
import io.hallpass.filter.path.RequestPath;
import io.hallpass.filter.policy.Permission;
import io.hallpass.filter.policy.Policy;
import io.hallpass.filter.policy.PolicyException;
import io.hallpass.filter.policy.PolicySettings;
import io.hallpass.filter.policy.RuleSource;
import io.hallpass.filter.policy.ServletInfo;
import io.hallpass.filter.web.AuthEndpoints;
import io.hallpass.filter.web.ClientAddress;
import io.hallpass.filter.web.Cookies;
import io.hallpass.filter.web.CrossOriginCheck;
import io.hallpass.filter.web.Pages;
import io.hallpass.filter.web.RequestSession;
import io.hallpass.filter.web.Responder;
import io.hallpass.filter.web.ReturnPath;
import io.hallpass.filter.risk.DefaultRiskPolicy;
import io.hallpass.filter.risk.RiskPolicy;
import io.hallpass.realm.AuditEvent;
import io.hallpass.realm.Realm;
import io.hallpass.realm.RealmBuilder;
import io.hallpass.realm.RealmException;
import io.hallpass.realm.RealmUnavailableException;
import jakarta.servlet.DispatcherType;
import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.FilterConfig;
import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.ServletContext;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRegistration;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.UnavailableException;
import jakarta.servlet.http.HttpServletMapping;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.InputStream;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import javax.naming.InitialContext;
import javax.naming.NamingException;
import javax.sql.DataSource;

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
    private static final Duration REALM_RETRY = Duration.ofSeconds(10);
    private static final int PURGE_BATCH = 500;
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
    private ScheduledExecutorService purger;

    @Override
    public void init(FilterConfig config) throws ServletException {
        context = config.getServletContext();
        Realm provided = context.getAttribute(Hallpass.REALM_ATTRIBUTE) instanceof Realm r ? r : null;
        try {
            settings = FilterSettings.read(config::getInitParameter, context::getInitParameter, System::getenv,
                    provided != null);
            policy = Policy.compile(ruleSource(), servlets(),
                    new PolicySettings(settings.denyUnmatched(), settings.reauthWithin()));
        } catch (SettingsException | PolicyException e) {
            throw refuse(e.getMessage());
        }
        LOG.log(System.Logger.Level.INFO, () -> "Hallpass effective policy for context '" + context.getContextPath()
                + "':\n  " + String.join("\n  ", policy.describe()));

        if (provided != null) {
            realm = RealmHolder.of(provided);
            clock = provided.clock();
        } else {
            clock = Clock.systemUTC();
            RealmBuilder builder = realmBuilder();
            try {
                realm = RealmHolder.starting(builder::build, REALM_RETRY, clock);
            } catch (RealmException | IllegalArgumentException e) {
                throw refuse("the realm cannot start: " + e.getMessage());
            }
            context.setAttribute(Hallpass.REALM_ATTRIBUTE, deferredRealm(realm));
            publishedRealm = true;
            purger = Executors.newSingleThreadScheduledExecutor(runnable -> {
                Thread t = new Thread(runnable, "hallpass-purge");
                t.setDaemon(true);
                return t;
            });
            long every = settings.purgeInterval().toSeconds();
            purger.scheduleWithFixedDelay(this::purge, every, every, TimeUnit.SECONDS);
        }

        riskPolicy = riskPolicy();
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
        if (purger != null) {
            purger.shutdownNow();
        }
        if (publishedRealm) {
            context.removeAttribute(Hallpass.REALM_ATTRIBUTE);
        }
        if (realm != null) {
            realm.close();
        }
    }

    // ------------------------------------------------------------------------------------------ start-up

    private RuleSource ruleSource() throws SettingsException {
        if (settings.rules() != null) {
            return new RuleSource("init-param rules", settings.rules());
        }
        if (settings.rulesFile() == null) {
            LOG.log(System.Logger.Level.WARNING, "Hallpass: no rules configured (rules or rules-file); only "
                    + "annotations apply and every other path is " + (settings.denyUnmatched() ? "denied" : "open"));
            return new RuleSource("no rules", "");
        }
        try (InputStream in = context.getResourceAsStream(settings.rulesFile())) {
            if (in == null) {
                throw new SettingsException(List.of("rules-file ('" + settings.rulesFile() + "'): no such file"));
            }
            return new RuleSource(settings.rulesFile(), new String(in.readAllBytes(), StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new SettingsException(List.of("rules-file ('" + settings.rulesFile() + "'): cannot be read: "
                    + e.getMessage()));
        }
    }

    private List<ServletInfo> servlets() {
        List<ServletInfo> out = new ArrayList<>();
        for (ServletRegistration registration : context.getServletRegistrations().values()) {
            String className = registration.getClassName();
            if (className == null) {
                continue;
            }
            Class<?> type = loadClass(className);
            if (type == null) {
                LOG.log(System.Logger.Level.WARNING, "Hallpass: servlet '" + registration.getName() + "' (" + className
                        + ") cannot be loaded to read its annotations; only rules apply to it");
                continue;
            }
            out.add(new ServletInfo(registration.getName(), type, List.copyOf(registration.getMappings())));
        }
        return out;
    }

    /**
     * The application's class loader: the context's, or, in embedded set-ups that have none, the thread's
     * context class loader, or Hallpass's own.
     */
    private ClassLoader applicationLoader() {
        ClassLoader loader = context.getClassLoader();
        if (loader == null) {
            loader = Thread.currentThread().getContextClassLoader();
        }
        return loader != null ? loader : HallpassFilter.class.getClassLoader();
    }

    /** A class of the application (a servlet, a risk policy), or null if it cannot be loaded. */
    private Class<?> loadClass(String className) {
        for (ClassLoader loader : new ClassLoader[] {applicationLoader(), HallpassFilter.class.getClassLoader()}) {
            try {
                return Class.forName(className, false, loader);
            } catch (ClassNotFoundException | LinkageError e) {
                // try the next loader
            }
        }
        return null;
    }

    private RealmBuilder realmBuilder() throws UnavailableException {
        RealmBuilder builder = Realm.builder()
                .idleTimeout(settings.idleTimeout())
                .absoluteTimeout(settings.absoluteTimeout())
                .rotationGrace(settings.rotationGrace())
                .lockout(settings.lockoutThreshold(), settings.lockoutWindow(), settings.lockoutDuration())
                .passwordCost(settings.passwordCost());
        if (settings.schemaAction() != null) {
            builder.schemaAction(settings.schemaAction());
        }
        if (settings.tokenPepper() != null) {
            builder.tokenPepper(settings.tokenPepper());
        }
        if (settings.jndiDataSource() != null) {
            try {
                Object found = new InitialContext().lookup(settings.jndiDataSource());
                if (!(found instanceof DataSource dataSource)) {
                    throw refuse("jndi-datasource ('" + settings.jndiDataSource() + "') is not a javax.sql.DataSource");
                }
                builder.dataSource(dataSource);
            } catch (NamingException e) {
                throw refuse("jndi-datasource ('" + settings.jndiDataSource() + "') cannot be looked up: " + e);
            }
        } else {
            builder.jdbcUrl(settings.jdbcUrl()).poolSize(settings.jdbcPoolSize());
            if (settings.jdbcUser() != null || settings.jdbcPassword() != null) {
                builder.credentials(settings.jdbcUser(), settings.jdbcPassword());
            }
        }
        try {
            builder.settings(); // check the combination now, so a conflict stops the start-up, not a request
        } catch (IllegalArgumentException e) {
            throw refuse(e.getMessage());
        }
        return builder;
    }

    private UnavailableException refuse(String message) {
        LOG.log(System.Logger.Level.ERROR, "Hallpass refuses to start: " + message);
        return new UnavailableException(message);
    }

    private void purge() {
        Realm current = realm.current();
        if (current == null) {
            return;
        }
        try {
            var result = current.purge(PURGE_BATCH);
            if (result.total() > 0) {
                LOG.log(System.Logger.Level.DEBUG, "Hallpass purge: " + result);
            }
        } catch (RuntimeException e) {
            LOG.log(System.Logger.Level.WARNING, "Hallpass purge failed: " + e.getMessage());
        }
    }

    private RequestSession newSession(HttpServletRequest request, String token) {
        return new RequestSession(realm, token, () -> endpoints.facts(request, endpoints.deviceIdOf(request)),
                riskPolicy);
    }

    /**
     * The risk policy: the class named by {@code risk-policy}, else one provided through
     * {@code META-INF/services/io.hallpass.filter.risk.RiskPolicy}, else {@link DefaultRiskPolicy} with the
     * {@code risk-*} settings.
     */
    private RiskPolicy riskPolicy() throws UnavailableException {
        if (settings.riskPolicy() != null) {
            Class<?> type = loadClass(settings.riskPolicy());
            if (type == null) {
                throw refuse("risk-policy ('" + settings.riskPolicy() + "'): no such class");
            }
            try {
                Object policy = type.getConstructor().newInstance();
                if (policy instanceof RiskPolicy p) {
                    return p;
                }
                throw refuse("risk-policy ('" + settings.riskPolicy() + "') does not implement " + RiskPolicy.class.getName());
            } catch (ReflectiveOperationException | LinkageError e) {
                throw refuse("risk-policy ('" + settings.riskPolicy() + "') cannot be created: " + e);
            }
        }
        for (RiskPolicy provided : java.util.ServiceLoader.load(RiskPolicy.class, applicationLoader())) {
            LOG.log(System.Logger.Level.INFO, "Hallpass: risk policy " + provided.getClass().getName());
            return provided;
        }
        return new DefaultRiskPolicy(settings.newDeviceReauthWithin(),
                DefaultRiskPolicy.Reaction.parse(settings.networkChange()),
                DefaultRiskPolicy.Reaction.parse(settings.userAgentChange()), settings.failedLoginsBeforeSuccess());
    }

    private static String servletName(HttpServletMapping mapping) {
        return mapping == null ? null : mapping.getServletName();
    }

    /**
     * The realm as the application sees it through {@link Hallpass#realm}: every call goes to the running realm,
     * or fails with {@link RealmUnavailableException} while it cannot start; {@code close()} is the filter's.
     */
    private static Realm deferredRealm(RealmHolder holder) {
        return (Realm) Proxy.newProxyInstance(Realm.class.getClassLoader(), new Class<?>[] {Realm.class},
                (proxy, method, args) -> {
                    switch (method.getName()) {
                        case "close":
                            return null;
                        case "toString":
                            return "Hallpass realm";
                        case "hashCode":
                            return System.identityHashCode(proxy);
                        case "equals":
                            return proxy == args[0];
                        default:
                            try {
                                return method.invoke(holder.get(), args);
                            } catch (InvocationTargetException e) {
                                throw e.getCause();
                            }
                    }
                });
    }
}
