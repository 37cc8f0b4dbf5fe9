package io.hallpass.filter;

import io.hallpass.filter.policy.PolicyReport;
import io.hallpass.filter.web.AuthEndpoints;
import io.hallpass.filter.web.RequestSession;
import io.hallpass.realm.PasswordChange;
import io.hallpass.realm.Realm;
import io.hallpass.realm.SessionView;
import jakarta.servlet.ServletContext;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.Optional;

/**
 * What an application may ask of Hallpass from its own servlets: the realm the filter started (to manage
 * accounts, roles and sessions), the session of the current request, the holder's own password change (which
 * must set a new cookie), and the effective policy.
 *
 * <pre>{@code
 * Realm realm = Hallpass.realm(getServletContext());
 * SessionView me = Hallpass.session(request).orElseThrow();
 * realm.revokeOtherSessions(me.accountId(), me.publicId(), "user asked");
 * PolicyReport report = Hallpass.policyReport(getServletContext());   // mappings, what they need, the gaps
 * }</pre>
 */
public final class Hallpass {

    /** What the names of Hallpass's request and context attributes start with. */
    static final String ATTRIBUTE_PREFIX = "io.hallpass.";

    /** Servlet context attribute holding the started {@link Realm}. */
    public static final String REALM_ATTRIBUTE = "io.hallpass.realm";

    /**
     * Request attribute holding the resolved {@link SessionView}, once resolved and if live. Read-only: behind the
     * filter it is answered from the request's session (a login or logout during the request shows at once).
     */
    public static final String SESSION_ATTRIBUTE = "io.hallpass.session";

    /**
     * Request attribute holding the risk policy's {@link io.hallpass.filter.risk.RiskAssessment} of the request's
     * session, on requests that let a signed-in session through (for example to tell the user about a sign-in
     * from a new device).
     */
    public static final String RISK_ATTRIBUTE = "io.hallpass.risk";

    /** Servlet context attribute holding the {@link PolicyReport} of the policy the filter compiled at start-up. */
    public static final String POLICY_REPORT_ATTRIBUTE = "io.hallpass.policy-report";

    /** Request attribute holding the filter's endpoints, for {@link #changePassword}; not for applications. */
    static final String ENDPOINTS_ATTRIBUTE = "io.hallpass.endpoints";

    private Hallpass() {
    }

    /**
     * The realm started by the {@link HallpassFilter} of this context.
     *
     * @throws IllegalStateException if no Hallpass filter has started in this context (yet)
     */
    public static Realm realm(ServletContext context) {
        Object realm = context.getAttribute(REALM_ATTRIBUTE);
        if (realm instanceof Realm r) {
            return r;
        }
        throw new IllegalStateException("no Hallpass realm in this context: is HallpassFilter declared and started?");
    }

    /**
     * The session of this request, if it has a live one. On a public path the filter does not look the
     * session up unless asked; this call asks, once per request.
     */
    public static Optional<SessionView> session(ServletRequest request) {
        Object value = request.getAttribute(SESSION_ATTRIBUTE);
        if (value instanceof SessionView view) {
            return Optional.of(view);
        }
        Optional<SessionView> view = RequestSession.attachedTo(request).flatMap(RequestSession::lookup);
        if (!HallpassRequest.wraps(request)) {
            view.ifPresent(v -> request.setAttribute(SESSION_ATTRIBUTE, v)); // behind the filter it is answered
        }
        return view;
    }

    /**
     * The effective policy of this application, as the {@link HallpassFilter} compiled it at start-up: every
     * servlet mapping with what each method needs there and where that comes from, and the gaps. To check the
     * roles it names against the accounts, which change at run time, ask for
     * {@link PolicyReport#withRolesHeld} when you show it.
     *
     * @throws IllegalStateException if no Hallpass filter has started in this context (yet)
     */
    public static PolicyReport policyReport(ServletContext context) {
        if (context.getAttribute(POLICY_REPORT_ATTRIBUTE) instanceof PolicyReport report) {
            return report;
        }
        throw new IllegalStateException("no Hallpass policy report in this context: is HallpassFilter declared and "
                + "started?");
    }

    /**
     * The signed-in user's own password change, for the application's password page: the realm checks
     * {@code currentPassword} (throttled with this session as the client), stores the new password, ends every other
     * session of the account and gives this session a new token, in one transaction. The old token, and one still
     * inside the grace of the last re-authentication, stop working at once; this sets the new cookie on
     * {@code response} and makes the new session the request's, so the rest of the request and the next one go on
     * signed in. Call it before the response is committed.
     *
     * <pre>{@code
     * PasswordChange outcome = Hallpass.changePassword(request, response, current, next);
     * if (outcome instanceof PasswordChange.Changed changed) { ... changed.otherSessionsRevoked() ... }
     * }</pre>
     *
     * A password the realm's rules refuse (missing, too long, an invalid character, a new one too short) throws
     * {@link io.hallpass.realm.InvalidInputException}: catch it and show its message, which names the rule and
     * never the value, with a 400; left uncaught it becomes the container's 500.
     *
     * @throws IllegalStateException if the request did not pass the Hallpass filter, or has no live session
     * @throws io.hallpass.realm.InvalidInputException if a password is refused by the realm's rules
     * @throws io.hallpass.realm.RealmUnavailableException if the realm cannot be reached
     */
    public static PasswordChange changePassword(HttpServletRequest request, HttpServletResponse response,
                                                String currentPassword, String newPassword) {
        RequestSession session = RequestSession.attachedTo(request).orElseThrow(
                () -> new IllegalStateException("this request did not pass the Hallpass filter"));
        if (!(request.getAttribute(ENDPOINTS_ATTRIBUTE) instanceof AuthEndpoints endpoints)) {
            throw new IllegalStateException("this request did not pass the Hallpass filter");
        }
        PasswordChange outcome = endpoints.changePassword(request, response, session, currentPassword, newPassword);
        if (outcome instanceof PasswordChange.Changed changed && !HallpassRequest.wraps(request)) {
            changed.kept().ifPresent(kept -> request.setAttribute(SESSION_ATTRIBUTE, kept.view()));
        }
        return outcome;
    }

    /** The risk assessment of this request's session, if the filter let a signed-in session through. */
    public static Optional<io.hallpass.filter.risk.RiskAssessment> risk(ServletRequest request) {
        return request.getAttribute(RISK_ATTRIBUTE) instanceof io.hallpass.filter.risk.RiskAssessment a
                ? Optional.of(a) : Optional.empty();
    }
}
