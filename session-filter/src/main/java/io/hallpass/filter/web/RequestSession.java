package io.hallpass.filter.web;

import io.hallpass.filter.event.Events;
import io.hallpass.filter.event.HallpassEvent;
import io.hallpass.filter.risk.RiskAssessment;
import io.hallpass.filter.risk.RiskPolicy;
import io.hallpass.realm.AuditEvent;
import io.hallpass.realm.AuditRealm;
import io.hallpass.realm.ClientFacts;
import io.hallpass.realm.OpenedSession;
import io.hallpass.realm.RealmUnavailableException;
import io.hallpass.realm.SessionRealm;
import io.hallpass.realm.SessionView;
import jakarta.servlet.ServletRequest;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * The session of one request, looked up at most once and only when something needs it: the decision for a
 * protected path, or the application asking on a public one ({@code getRemoteUser()},
 * {@code Hallpass.session(request)}). Public paths that nobody asks about never touch the database.
 *
 * <p>A session is only ever handed out after the risk policy has seen it with this request's facts: if the
 * policy says the session must end (a user agent that changed mid-session, by default), it is revoked here
 * and the request continues as signed out.
 *
 * <p>Looking the session up is not activity ({@link SessionRealm#peek}): only a request the gate lets through
 * ({@link #admit()}) counts as one, so that a refused request (say, one refused for being idle too long) can not
 * refresh the session it was refused for. Not thread-safe: it belongs to one request.
 */
public final class RequestSession {

    private static final System.Logger LOG = System.getLogger(RequestSession.class.getName());
    /** The request attribute that carries a request's session to its dispatches and to {@code Hallpass.session}. */
    private static final String ATTRIBUTE = "io.hallpass.request-session";

    private final Supplier<? extends SessionRealm> realm;
    private final Supplier<? extends AuditRealm> audit;
    private final Supplier<ClientFacts> facts;
    private final RiskPolicy riskPolicy;
    private final Events events;
    private String token;
    private Optional<SessionView> resolved;
    private RiskAssessment risk = RiskAssessment.CALM;
    private boolean admitted;
    private boolean active;
    private Runnable askedByApplication = () -> { };

    /**
     * @param realm      the realm's sessions (its supplier throws {@link RealmUnavailableException} while it cannot be
     *                   reached)
     * @param audit      the realm's audit trail, for the risk policy's signals
     * @param token      the session cookie's value, or null if the request carried none
     * @param facts      this request's client facts, computed only if a session is found
     * @param riskPolicy the policy that sees every resolved session, or null for none
     * @param events     where a session the risk policy ends is published
     */
    public RequestSession(Supplier<? extends SessionRealm> realm, Supplier<? extends AuditRealm> audit, String token,
                          Supplier<ClientFacts> facts, RiskPolicy riskPolicy, Events events) {
        this.realm = realm;
        this.audit = audit;
        this.token = token;
        this.facts = facts;
        this.riskPolicy = riskPolicy;
        this.events = events;
    }

    /** Makes this the session of {@code request} and of every forward or include it makes. */
    public void attachTo(ServletRequest request) {
        request.setAttribute(ATTRIBUTE, this);
    }

    /** The session attached to {@code request} by the filter, if any. */
    public static Optional<RequestSession> attachedTo(ServletRequest request) {
        return request.getAttribute(ATTRIBUTE) instanceof RequestSession s ? Optional.of(s) : Optional.empty();
    }

    /** The cookie's token as presented (or as replaced by a login or rotation during this request), or null. */
    public String token() {
        return token;
    }

    public boolean hasToken() {
        return token != null;
    }

    /**
     * The live session, resolving it on first use.
     *
     * @throws RealmUnavailableException if the realm cannot be reached (callers on protected paths fail closed)
     */
    public Optional<SessionView> resolve() {
        if (resolved == null) {
            resolved = token == null ? Optional.empty() : assess(realm.get());
            if (admitted) {
                recordActivity();
            }
        }
        return resolved;
    }

    /**
     * The gate lets this request through: its session, if it was or will be looked up, counts one activity. Never
     * called for a refusal, nor for the filter's own endpoints.
     */
    public void admit() {
        admitted = true;
        if (resolved != null) {
            recordActivity();
        }
    }

    private void recordActivity() {
        if (!active && resolved.isPresent()) {
            active = true;
            realm.get().recordActivity(resolved.get());
        }
    }

    private Optional<SessionView> assess(SessionRealm r) {
        Optional<SessionView> view = r.peek(token);
        if (view.isEmpty() || riskPolicy == null) {
            return view;
        }
        SessionView v = view.get();
        ClientFacts current = facts.get();
        risk = riskPolicy.assess(v, current, r.clock().instant());
        if (risk == null) {
            risk = RiskAssessment.CALM;
        }
        if (risk.revoke()) {
            r.revoke(token, "ended by the risk policy: " + risk.reason());
            audit.get().audit(AuditEvent.Type.RISK_SIGNAL, v.accountId(), v.publicId(), current.ip(),
                    "session ended: " + risk.reason());
            events.publish(new HallpassEvent.SessionRevoked(events.now(), v.username(), v.publicId(),
                    HallpassEvent.Cause.RISK_POLICY, 1));
            LOG.log(System.Logger.Level.INFO, "Hallpass: session " + v.publicId() + " ended by the risk policy ("
                    + risk.reason() + ")");
            return Optional.empty();
        }
        return view;
    }

    /** The session if something has already resolved it (and it is live); never asks the realm. */
    public Optional<SessionView> ifResolved() {
        return resolved == null ? Optional.empty() : resolved;
    }

    /**
     * The live session for the application's own questions on any path ({@code getRemoteUser()},
     * {@code Hallpass.session(request)}, ...): like {@link #current()}, and it tells the listener set by
     * {@link #whenAskedByApplication} first, since the answer now depends on who is signed in.
     */
    public Optional<SessionView> lookup() {
        askedByApplication.run();
        return current();
    }

    /**
     * The live session, for Hallpass's own use on any path: like {@link #resolve()}, but an unreachable realm
     * reads as "not signed in" (logged) instead of failing the request.
     */
    public Optional<SessionView> current() {
        try {
            return resolve();
        } catch (RealmUnavailableException e) {
            LOG.log(System.Logger.Level.WARNING, "session lookup skipped: " + e.getMessage());
            return Optional.empty();
        }
    }

    /**
     * Runs {@code action} whenever the application asks for the session through {@link #lookup()} (for
     * example, to keep a page that depends on it out of shared caches). Replaces an earlier action.
     */
    public void whenAskedByApplication(Runnable action) {
        this.askedByApplication = action;
    }

    /** The risk policy's assessment of the resolved session ({@link RiskAssessment#CALM} if none yet). */
    public RiskAssessment risk() {
        return risk;
    }

    /** After a login or rotation within this request: the new token and view apply from now on. */
    public void replace(OpenedSession session) {
        this.token = session.token();
        this.resolved = Optional.of(session.view());
        this.risk = RiskAssessment.CALM;
        this.active = true; // opening or re-stamping a session is activity of its own
    }

    /** After a logout within this request. */
    public void clear() {
        this.token = null;
        this.resolved = Optional.empty();
        this.risk = RiskAssessment.CALM;
    }
}
