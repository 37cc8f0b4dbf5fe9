package io.hallpass.filter.event;

import io.hallpass.filter.web.Refusal;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/**
 * One thing Hallpass did, as a value: what a {@link HallpassListener} receives. A closed set: a {@code switch} (or an
 * {@code instanceof} chain) over it sees every kind.
 *
 * <p>Accounts are named by username, sessions by their public id ({@code SessionView.publicId()}, the name of the
 * session in listings and audit rows), clients by the address the filter trusts ({@code trusted-proxies}). No event
 * holds a token or a password, and no event names the account of a failed sign-in: the realm deliberately does not
 * tell a wrong password from a username nobody has, and the name as typed may be a password typed in the wrong
 * field. Times come from the realm's clock.
 */
public sealed interface HallpassEvent {

    /** When it happened, by the realm's clock. */
    Instant at();

    /** Why a sign-in or a re-authentication did not succeed. */
    enum Failure {
        /**
         * A wrong password, a username nobody has, or a disabled account (for a re-authentication: a session that
         * is no longer live): deliberately indistinguishable.
         */
        WRONG_CREDENTIALS,
        /** The client (or the account) failed too often and must wait: answered 429 with {@code Retry-After}. */
        THROTTLED,
        /** Every password-hashing slot was taken; nothing was checked: answered 503. */
        BUSY,
        /** The right password, but the account already has all the live sessions its limit allows: 409. */
        TOO_MANY_SESSIONS
    }

    /** Why a session ended other than by its own sign-out. */
    enum Cause {
        /** A sign-in in the same browser replaced the session it presented. */
        REPLACED_BY_SIGN_IN,
        /** The risk policy ended it (by default: a user agent that changed mid-session). */
        RISK_POLICY,
        /** Its holder changed the password from another session. */
        PASSWORD_CHANGED
    }

    /**
     * A sign-in succeeded and opened a session.
     *
     * @param newDevice     the client's device was not known for this account: the case for a notification
     * @param clientAddress the client's address, or null if unknown
     */
    record SignedIn(Instant at, String account, String sessionId, boolean newDevice, String clientAddress)
            implements HallpassEvent {
        public SignedIn {
            Objects.requireNonNull(at, "at");
            Objects.requireNonNull(account, "account");
            Objects.requireNonNull(sessionId, "sessionId");
        }
    }

    /**
     * A sign-in did not open a session. The account is not named (see the type's documentation).
     *
     * @param clientAddress the client's address, or null if unknown
     */
    record SignInFailed(Instant at, Failure reason, String clientAddress) implements HallpassEvent {
        public SignInFailed {
            Objects.requireNonNull(at, "at");
            Objects.requireNonNull(reason, "reason");
        }
    }

    /** A session was ended by its holder (the sign-out endpoint, or {@code request.logout()}). */
    record SignedOut(Instant at, String account, String sessionId) implements HallpassEvent {
        public SignedOut {
            Objects.requireNonNull(at, "at");
            Objects.requireNonNull(account, "account");
            Objects.requireNonNull(sessionId, "sessionId");
        }
    }

    /**
     * A request needs a more recent password than the session's: the user is sent to re-authenticate.
     *
     * @param reason the decision's fixed reason (a stale authentication, an idle gap, a risk signal)
     * @param maxAge how recent the password must be
     */
    record StepUpDemanded(Instant at, String account, String sessionId, String reason, Duration maxAge)
            implements HallpassEvent {
        public StepUpDemanded {
            Objects.requireNonNull(at, "at");
            Objects.requireNonNull(account, "account");
            Objects.requireNonNull(sessionId, "sessionId");
            Objects.requireNonNull(reason, "reason");
            Objects.requireNonNull(maxAge, "maxAge");
        }
    }

    /** The session's holder proved the password again. */
    record StepUpPassed(Instant at, String account, String sessionId) implements HallpassEvent {
        public StepUpPassed {
            Objects.requireNonNull(at, "at");
            Objects.requireNonNull(account, "account");
            Objects.requireNonNull(sessionId, "sessionId");
        }
    }

    /** A re-authentication did not pass ({@link Failure#TOO_MANY_SESSIONS} never happens here). */
    record StepUpFailed(Instant at, String account, String sessionId, Failure reason) implements HallpassEvent {
        public StepUpFailed {
            Objects.requireNonNull(at, "at");
            Objects.requireNonNull(account, "account");
            Objects.requireNonNull(sessionId, "sessionId");
            Objects.requireNonNull(reason, "reason");
        }
    }

    /**
     * Sessions ended for {@code cause}: one, or (a password change) every other session of the account.
     *
     * @param sessionId the session ended, or (a password change) the session that made it and was kept
     * @param count     how many sessions ended
     */
    record SessionRevoked(Instant at, String account, String sessionId, Cause cause, int count)
            implements HallpassEvent {
        public SessionRevoked {
            Objects.requireNonNull(at, "at");
            Objects.requireNonNull(account, "account");
            Objects.requireNonNull(sessionId, "sessionId");
            Objects.requireNonNull(cause, "cause");
        }
    }

    /** The holder of a session changed the account's password (through {@code Hallpass.changePassword}). */
    record PasswordChanged(Instant at, String account, String sessionId) implements HallpassEvent {
        public PasswordChanged {
            Objects.requireNonNull(at, "at");
            Objects.requireNonNull(account, "account");
            Objects.requireNonNull(sessionId, "sessionId");
        }
    }

    /**
     * Hallpass answered a request with a refusal: a 4xx or 5xx, or the redirect to the sign-in or re-authentication
     * page that a browser gets instead of a 401. The kinds cover the firewall, cross-site requests, methods,
     * unauthenticated, forbidden and unmatched paths, step-ups, throttling (429), shed sign-ins (busy) and an
     * unreachable realm (503). A browser's failed sign-in is sent back to the form, not refused: count sign-ins with
     * {@link SignInFailed}.
     *
     * @param method        the request's method (refused methods included)
     * @param clientAddress the client's address, or null if unknown
     */
    record Refused(Instant at, Refusal.Kind kind, String method, String clientAddress) implements HallpassEvent {
        public Refused {
            Objects.requireNonNull(at, "at");
            Objects.requireNonNull(kind, "kind");
            Objects.requireNonNull(method, "method");
        }
    }

    /** A run of the purge of the filter's own realm: what it deleted (zeros included). */
    record Purged(Instant at, int sessions, int throttleCounts, int auditEvents) implements HallpassEvent {
        public Purged {
            Objects.requireNonNull(at, "at");
        }
    }
}
