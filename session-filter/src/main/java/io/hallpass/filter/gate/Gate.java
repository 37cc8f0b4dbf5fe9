package io.hallpass.filter.gate;

import io.hallpass.filter.config.FilterSettings;
import io.hallpass.filter.decision.Decider;
import io.hallpass.filter.decision.Decision;
import io.hallpass.filter.event.Events;
import io.hallpass.filter.event.HallpassEvent;
import io.hallpass.filter.path.Firewall;
import io.hallpass.filter.path.RequestPath;
import io.hallpass.filter.policy.Permission;
import io.hallpass.filter.policy.Policy;
import io.hallpass.filter.risk.RiskPolicy;
import io.hallpass.filter.web.AuthEndpoints;
import io.hallpass.filter.web.ClientAddress;
import io.hallpass.filter.web.Cookies;
import io.hallpass.filter.web.CrossOriginCheck;
import io.hallpass.filter.web.DeviceIds;
import io.hallpass.filter.web.Refusal;
import io.hallpass.filter.web.RequestSession;
import io.hallpass.realm.AuditEvent;
import io.hallpass.realm.AuditRealm;
import io.hallpass.realm.RealmUnavailableException;
import io.hallpass.realm.SessionRealm;
import jakarta.servlet.DispatcherType;
import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletMapping;
import jakarta.servlet.http.HttpServletRequest;
import java.time.Clock;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * Everything Hallpass decides about a request, in a fixed order, with no hand on the response or the filter
 * chain: it takes the request and names the {@link Outcome}; the filter acts on it and the responder answers
 * refusals.
 *
 * <ol>
 *   <li>the firewall refuses an ambiguous target ({@link Refusal.Kind#FIREWALL});</li>
 *   <li>an unsafe method must come from this site ({@link Refusal.Kind#CROSS_SITE});</li>
 *   <li>two session cookies are refused ({@link Refusal.Kind#DUPLICATE_COOKIE});</li>
 *   <li>the request gets its lazy {@link RequestSession}: the realm is asked at most once, only if needed;</li>
 *   <li>the filter's own endpoints run themselves ({@link Outcome.RunEndpoint});</li>
 *   <li>else the policy names the path's permission and the pure {@link Decider} decides: admit, or refuse.</li>
 * </ol>
 * The session is only peeked at to decide; a request that is admitted counts as its activity
 * ({@link RequestSession#admit()}), a refused one never does.
 * An unreachable realm becomes {@link Refusal.Kind#REALM_UNAVAILABLE} (only paths whose decision needs the
 * session ask it: never a {@code deny} or unmatched one), any other failure {@link Refusal.Kind#INTERNAL},
 * logged here once, for requests and dispatches alike.
 *
 * <p>Forward, include and async dispatches are decided against their target with the request's session. A
 * refused include is {@link Outcome.LeftOut} (it cannot change the status).
 *
 * <pre>{@code
 * Outcome outcome = gate.request(request);   // or gate.dispatch(request) for FORWARD, INCLUDE and ASYNC
 * outcome.accept(filterActions);
 * }</pre>
 */
public final class Gate {

    private static final System.Logger LOG = System.getLogger(Gate.class.getName());
    /** How long a client is asked to wait when the realm cannot be reached. */
    static final long RETRY_AFTER_SECONDS = 5;

    private final Policy policy;
    private final Firewall firewall = Firewall.strict();
    private final CrossOriginCheck crossOrigin;
    private final String cookieName;
    private final String deviceCookieName;
    private final AuthEndpoints endpoints;
    private final Supplier<? extends SessionRealm> realm;
    private final Supplier<? extends AuditRealm> audit;
    private final RiskPolicy riskPolicy;
    private final Clock clock;
    private final Events events;

    /**
     * @param realm the realm's sessions; its supplier throws {@link RealmUnavailableException} while it cannot be
     *              reached
     * @param audit the realm's audit trail, for a step-up the risk policy demanded
     * @param clock the realm's clock: decisions and the realm never disagree about now
     * @param events where a demanded step-up and a session the risk policy ended are published
     */
    public Gate(FilterSettings settings, Policy policy, AuthEndpoints endpoints, Supplier<? extends SessionRealm> realm,
                Supplier<? extends AuditRealm> audit, RiskPolicy riskPolicy, Clock clock, Events events) {
        this.policy = policy;
        this.crossOrigin = new CrossOriginCheck(settings.csrfAllowSameSite(),
                new ClientAddress(settings.trustedProxies()));
        this.cookieName = settings.cookieName();
        this.deviceCookieName = settings.deviceCookieName();
        this.endpoints = endpoints;
        this.realm = realm;
        this.audit = audit;
        this.riskPolicy = riskPolicy;
        this.clock = clock;
        this.events = events;
    }

    /** A request as the client sent it (the REQUEST dispatch). */
    public Outcome request(HttpServletRequest request) {
        String path = null;
        try {
            Optional<String> ambiguous = firewall.check(request.getMethod(), request.getRequestURI(),
                    request.getServletPath(), request.getPathInfo());
            if (ambiguous.isPresent()) {
                return new Outcome.Refused(Refusal.firewall(ambiguous.get()));
            }
            Optional<String> crossSite = crossOrigin.check(request);
            if (crossSite.isPresent()) {
                return new Outcome.Refused(Refusal.crossSite(crossSite.get()));
            }
            Cookies.Pair cookies = Cookies.read(request, cookieName, deviceCookieName);
            if (cookies.first().duplicated()) {
                return new Outcome.Refused(Refusal.duplicateCookie());
            }
            RequestSession session = newSession(request, cookies);
            session.attachTo(request);
            path = RequestPath.of(request.getServletPath(), request.getPathInfo());
            Optional<AuthEndpoints.Endpoint> endpoint = endpoints.endpointAt(path);
            if (endpoint.isPresent()) {
                return new Outcome.RunEndpoint(endpoint.get(), path, session);
            }
            Permission permission = policy.lookup(request.getMethod(), path,
                    servletName(request.getHttpServletMapping()));
            return decide(permission, session).match(new Verdict(path, session, DispatcherType.REQUEST));
        } catch (RuntimeException e) {
            return new Outcome.Refused(failure(request, path, e));
        }
    }

    /**
     * A FORWARD, INCLUDE or ASYNC dispatch inside the application, checked against the rules of its target with
     * the session already established for the request, so a public page cannot hand out a protected one. Targets
     * under {@code /WEB-INF/} and {@code /META-INF/} that no rule names proceed: no client can request them
     * directly, only the application's own dispatch reaches them (its views).
     *
     * <p>A failure while deciding or refusing (an unreachable realm, a fault of Hallpass's own) becomes the
     * same refusal as for a request ({@link #failure}); a refused include is left out with it.
     */
    public Outcome dispatch(HttpServletRequest request) {
        DispatcherType type = request.getDispatcherType();
        boolean include = type == DispatcherType.INCLUDE;
        String path = include
                ? RequestPath.of((String) request.getAttribute(RequestDispatcher.INCLUDE_SERVLET_PATH),
                        (String) request.getAttribute(RequestDispatcher.INCLUDE_PATH_INFO))
                : RequestPath.of(request.getServletPath(), request.getPathInfo());
        try {
            RequestSession session = RequestSession.attachedTo(request)
                    .orElseGet(() -> newSession(request, Cookies.read(request, cookieName, deviceCookieName)));
            String servlet = servletName(include
                    ? (HttpServletMapping) request.getAttribute(RequestDispatcher.INCLUDE_MAPPING)
                    : request.getHttpServletMapping());
            Permission permission = policy.lookup(request.getMethod(), path, servlet);
            boolean internal = path.startsWith("/WEB-INF/") || path.startsWith("/META-INF/");
            Decision decision = internal && permission.isUnmatched()
                    ? new Decision.Allow(Optional.empty())
                    : decide(permission, session);
            return decision.match(new Verdict(path, session, type));
        } catch (RuntimeException e) {
            Refusal refusal = failure(request, path, e);
            return include ? new Outcome.LeftOut(path, refusal) : new Outcome.Refused(refusal);
        }
    }

    /**
     * What a failure while deciding or answering becomes: {@link Refusal.Kind#REALM_UNAVAILABLE} if the realm
     * cannot be reached, else {@link Refusal.Kind#INTERNAL} (a fault of Hallpass's own, not of the request:
     * logged in full here, answered shortly by the responder).
     *
     * @param path the request's path, or null if the failure came before it was known
     */
    public Refusal failure(HttpServletRequest request, String path, RuntimeException e) {
        if (e instanceof RealmUnavailableException) {
            LOG.log(System.Logger.Level.WARNING, "Hallpass: 503 for " + request.getMethod() + " " + path + ": "
                    + e.getMessage());
            return Refusal.realmUnavailable(RETRY_AFTER_SECONDS);
        }
        LOG.log(System.Logger.Level.ERROR, "Hallpass: internal error on " + request.getMethod() + " " + path, e);
        return new Refusal.InternalFault();
    }

    private Decision decide(Permission permission, RequestSession session) {
        return Decider.decide(permission, session::resolve, view -> session.risk(), clock);
    }

    /** The request's session, from its session cookie; its client facts use the device cookie read with it. */
    private RequestSession newSession(HttpServletRequest request, Cookies.Pair cookies) {
        String deviceId = DeviceIds.of(cookies.second());
        return new RequestSession(realm, audit, cookies.first().value(),
                () -> endpoints.facts(request, deviceId), riskPolicy, events);
    }

    private static String servletName(HttpServletMapping mapping) {
        return mapping == null ? null : mapping.getServletName();
    }

    /**
     * A decision as an outcome. A refusal never looks the session up: a forbidden request or forward carries the
     * session only if the decision resolved it (a missing role), so that the application's 403 page can name
     * the user; on a {@code deny} or unmatched path, decided without it, the page may still ask
     * ({@code Hallpass.session(request)}), and a scanner with a cookie costs no realm call. A step-up the risk
     * policy demanded is audited (the session was resolved to assess it). A refused include is left out.
     */
    private final class Verdict implements Decision.Cases<Outcome> {

        private final String path;
        private final RequestSession session;
        private final DispatcherType type;

        Verdict(String path, RequestSession session, DispatcherType type) {
            this.path = path;
            this.session = session;
            this.type = type;
        }

        private Outcome refused(Refusal refusal) {
            if (type == DispatcherType.INCLUDE) {
                LOG.log(System.Logger.Level.WARNING, "Hallpass: include of " + path + " refused (" + refusal + ")");
                return new Outcome.LeftOut(path, refusal);
            }
            return new Outcome.Refused(refusal);
        }

        @Override
        public Outcome allow(Decision.Allow allow) {
            if (type != DispatcherType.REQUEST) {
                return new Outcome.Proceed(path);
            }
            session.admit(); // only a request let through is activity of its session
            return new Outcome.Admit(path, session, allow.session());
        }

        @Override
        public Outcome unauthenticated(Decision.Unauthenticated unauthenticated) {
            return refused(new Refusal.Unauthenticated(session.hasToken()));
        }

        @Override
        public Outcome forbidden(Decision.Forbidden forbidden) {
            Refusal.Kind kind = Decider.UNMATCHED.equals(forbidden.reason())
                    ? Refusal.Kind.UNMATCHED : Refusal.Kind.FORBIDDEN;
            Refusal refusal = new Refusal.Forbidden(kind, forbidden.reason());
            return type == DispatcherType.INCLUDE ? refused(refusal)
                    : new Outcome.Refused(refusal, session.ifResolved());
        }

        @Override
        public Outcome stepUp(Decision.StepUp stepUp) {
            if (type != DispatcherType.INCLUDE && Decider.RISK.equals(stepUp.reason())) {
                session.resolve().ifPresent(view -> audit.get().audit(AuditEvent.Type.STEP_UP_REQUIRED,
                        view.accountId(), view.publicId(), null, "sensitive action after: " + session.risk().reason()));
            }
            if (type != DispatcherType.INCLUDE) { // a step-up is decided on a resolved session
                session.ifResolved().ifPresent(view -> events.publish(new HallpassEvent.StepUpDemanded(events.now(),
                        view.username(), view.publicId(), stepUp.reason(), stepUp.maxAge())));
            }
            return refused(new Refusal.StepUp(stepUp.maxAge(), stepUp.reason()));
        }

        @Override
        public Outcome reject(Decision.Reject reject) {
            return refused(new Refusal.Rejected(Refusal.Kind.METHOD, reject.status(), reject.reason(),
                    reject.allow()));
        }
    }
}
