package io.hallpass.filter.decision;

import io.hallpass.filter.policy.Permission;
import io.hallpass.filter.policy.Requirement;
import io.hallpass.filter.risk.RiskAssessment;
import io.hallpass.realm.SessionView;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * The decision: a pure function of the request's {@link Permission}, its session (looked up only if needed)
 * and the time. It does no I/O of its own and keeps no state, so every combination is tested without a
 * container, and the filter only has to act on the answer.
 *
 * <p>The checks, in this order; the first that fails decides:
 * <ol>
 *   <li>the method is not one the path's rules name: {@link Decision.Reject} 405 with the allowed methods;</li>
 *   <li>{@code deny} (including an unmatched request when unmatched requests are denied):
 *       {@link Decision.Forbidden}, without looking up the session;</li>
 *   <li>{@code public}: {@link Decision.Allow} with no session, without looking it up (public pages never
 *       touch the database);</li>
 *   <li>otherwise the session is looked up, once. None: {@link Decision.Unauthenticated};</li>
 *   <li>a role requirement one of whose any-of sets the session holds no role of: {@link Decision.Forbidden}
 *       (before any step-up: a user who lacks the role is never asked for the password again);</li>
 *   <li>an idle limit, and the session left unattended for longer than that at any point since the password was
 *       last proved ({@link SessionView#longestIdleSinceAuthentication()}, the current gap included):
 *       {@link Decision.StepUp} with reason {@link #IDLE}. Retrying the refused request, or a detour through a calm
 *       page, does not pass it: only a new authentication does;</li>
 *   <li>a re-authentication window (capped by the risk assessment, if it caps windows) the last full
 *       authentication is older than, or a session presented with the token its last rotation replaced (still
 *       in its grace): {@link Decision.StepUp} with reason {@link #STALE_AUTHENTICATION} and that window as
 *       {@code maxAge};</li>
 *   <li>a re-authentication window and a risk assessment demanding step-up (say, the network changed since
 *       the session last proved itself): {@link Decision.StepUp} with reason {@link #RISK}, even inside the
 *       window;</li>
 *   <li>else {@link Decision.Allow} with the session.</li>
 * </ol>
 * Boundaries: a session left unattended exactly {@code idleWithin} at most, or authenticated exactly
 * {@code reauthWithin} ago, still passes.
 *
 * <pre>{@code
 * Decision d = Decider.decide(permission, () -> realm.resolve(token), clock.instant());
 * }</pre>
 */
public final class Decider {

    /** The path's rules do not name the request's method. */
    public static final String METHOD_NOT_ALLOWED = "method not allowed";
    /** A {@code deny} rule applies. */
    public static final String DENIED = "denied by policy";
    /** No rule or annotation applies, and unmatched requests are denied. */
    public static final String UNMATCHED = "not covered by any rule";
    /** No live session. */
    public static final String NO_SESSION = "no session";
    /** The session lacks a required role. */
    public static final String MISSING_ROLE = "missing role";
    /** The session has been left unattended longer than the path allows since the password was last proved. */
    public static final String IDLE = "idle";
    /** The last full authentication is older than the path's re-authentication window. */
    public static final String STALE_AUTHENTICATION = "reauth";
    /** The risk policy demands a new authentication for sensitive actions now. */
    public static final String RISK = "risk";

    private static final Decision.Allow ANONYMOUS = new Decision.Allow(Optional.empty());
    private static final Decision.Forbidden FORBIDDEN_DENIED = new Decision.Forbidden(DENIED);
    private static final Decision.Forbidden FORBIDDEN_UNMATCHED = new Decision.Forbidden(UNMATCHED);
    private static final Decision.Forbidden FORBIDDEN_ROLE = new Decision.Forbidden(MISSING_ROLE);
    private static final Decision.Unauthenticated UNAUTHENTICATED = new Decision.Unauthenticated(NO_SESSION);

    private Decider() {
    }

    /**
     * Decides one request.
     *
     * @param permission what the policy demands ({@code Policy.lookup})
     * @param session    the realm lookup of the request's session, called at most once and only when the
     *                   requirement needs a session; a null result counts as no session. It may throw
     *                   {@code RealmUnavailableException}, which propagates (the filter answers 503)
     * @param now        the current time, from the filter's clock
     * @return the decision; never null
     */
    public static Decision decide(Permission permission, Supplier<Optional<SessionView>> session, Instant now) {
        return decide(permission, session, view -> RiskAssessment.CALM, now);
    }

    /**
     * Decides one request, with the risk policy's assessment of the session adding friction to sensitive
     * actions (it can cap their window or demand a step-up; it never grants anything).
     *
     * @param risk the assessment of the resolved session, asked only for sensitive actions
     */
    public static Decision decide(Permission permission, Supplier<Optional<SessionView>> session,
                                  Function<SessionView, RiskAssessment> risk, Instant now) {
        Objects.requireNonNull(now, "now");
        return decide(permission, session, risk, Clock.fixed(now, ZoneOffset.UTC));
    }

    /**
     * As {@link #decide(Permission, Supplier, Function, Instant)}, reading {@code clock} only if the decision needs
     * the time (a re-authentication window): the filter's way, which spares most requests a clock read.
     */
    public static Decision decide(Permission permission, Supplier<Optional<SessionView>> session,
                                  Function<SessionView, RiskAssessment> risk, Clock clock) {
        Objects.requireNonNull(permission, "permission");
        Objects.requireNonNull(risk, "risk");
        Objects.requireNonNull(session, "session");
        Objects.requireNonNull(clock, "clock");
        if (!permission.methodAllowed()) {
            return new Decision.Reject(405, METHOD_NOT_ALLOWED, permission.allowedMethods());
        }
        Requirement requirement = permission.requirement();
        if (requirement instanceof Requirement.Deny) {
            return permission.isUnmatched() ? FORBIDDEN_UNMATCHED : FORBIDDEN_DENIED;
        }
        if (requirement instanceof Requirement.Public) {
            return ANONYMOUS;
        }
        Optional<SessionView> found = session.get();
        if (found == null || found.isEmpty()) {
            return UNAUTHENTICATED;
        }
        SessionView view = found.get();
        if (requirement instanceof Requirement.Roles roles && !roles.satisfiedBy(view.roles())) {
            return FORBIDDEN_ROLE;
        }
        Duration idle = permission.idleWithin();
        Duration reauth = permission.reauthWithin();
        if (idle != null && view.longestIdleSinceAuthentication().compareTo(idle) > 0) {
            // any new authentication clears an idle lapse; ask for one recent enough for the reauth window too
            return new Decision.StepUp(reauth != null && reauth.compareTo(idle) < 0 ? reauth : idle, IDLE);
        }
        if (reauth != null) {
            RiskAssessment assessment = risk.apply(view);
            Duration window = assessment == null ? reauth : assessment.capWindow(reauth);
            // a token replaced by the last rotation, in its grace: it may read calm pages, never pass the check
            // the re-authentication that replaced it was for
            if (view.previousToken() || !view.authenticatedWithin(window, clock.instant())) {
                return new Decision.StepUp(window, STALE_AUTHENTICATION);
            }
            if (assessment != null && assessment.stepUp()) {
                return new Decision.StepUp(window, RISK);
            }
        }
        return new Decision.Allow(found);
    }
}
