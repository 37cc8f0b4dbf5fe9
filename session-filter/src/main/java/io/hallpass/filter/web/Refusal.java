package io.hallpass.filter.web;

import java.io.IOException;
import java.time.Duration;
import java.util.EnumSet;
import java.util.Objects;
import java.util.Set;

/**
 * A request Hallpass refuses, as a value: why ({@link #kind()}, machine-readable, one constant per reason) and
 * what the answer needs. Only {@link Responder#refuse} turns a refusal into HTTP, so every 4xx and 5xx Hallpass
 * writes has one author; the gate, the endpoints and the request wrapper only name the refusal.
 *
 * <p>Reasons and messages are short fixed texts: never a token, a password, a path or a username.
 *
 * <pre>{@code
 * responder.refuse(request, response, Refusal.firewall("encoded slash in path"));
 * }</pre>
 */
public sealed interface Refusal {

    /** Why a request was refused: for answers, logs, metrics and events alike. */
    enum Kind {
        /** The firewall refused an ambiguous request target: 400. */
        FIREWALL,
        /** An unsafe method sent from another site: 403. */
        CROSS_SITE,
        /** More than one session cookie (cookie tossing): 400. */
        DUPLICATE_COOKIE,
        /** A method the path's rules, or the endpoint, do not accept: 405 with {@code Allow}. */
        METHOD,
        /** An endpoint's input is unreadable, too large or incomplete: 400, 413 or 415. */
        BAD_INPUT,
        /** No live session where one is required: the sign-in page, or 401. */
        UNAUTHENTICATED,
        /** A {@code deny} rule, or a role the session lacks: 403. */
        FORBIDDEN,
        /** No rule and no annotation covers the request, and unmatched requests are denied: 403. */
        UNMATCHED,
        /** A more recent authentication is required: the re-authentication page, or 401 with {@code max_age}. */
        STEP_UP,
        /** A wrong username or password at sign-in, or a wrong password at re-authentication: 401. */
        INVALID_CREDENTIALS,
        /** The username is locked after too many failures: 429 with {@code Retry-After}. */
        TOO_MANY_ATTEMPTS,
        /** The right password, but the account has all the live sessions its limit allows (refuse-new): 409. */
        TOO_MANY_SESSIONS,
        /**
         * Every password-hashing slot is taken by other sign-ins (load shedding): 503 with {@code Retry-After},
         * saying so; not a database problem.
         */
        BUSY,
        /** The realm cannot be reached: 503 with {@code Retry-After}. */
        REALM_UNAVAILABLE,
        /** A fault of Hallpass's own: 500 with a fixed text. */
        INTERNAL
    }

    Kind kind();

    /** Calls the one method of {@code visitor} that answers this refusal. */
    void accept(Visitor visitor) throws IOException;

    /**
     * One method per refusal record: implementing it answers every refusal, and a new record does not compile
     * until its method exists and every visitor answers it (Java 17 has no pattern {@code switch}).
     */
    interface Visitor {
        void rejected(Rejected refusal) throws IOException;

        void unauthenticated(Unauthenticated refusal) throws IOException;

        void forbidden(Forbidden refusal) throws IOException;

        void stepUp(StepUp refusal) throws IOException;

        void invalidCredentials(InvalidCredentials refusal) throws IOException;

        void tooManyAttempts(TooManyAttempts refusal) throws IOException;

        void unavailable(Unavailable refusal) throws IOException;

        void busy(Busy refusal) throws IOException;

        void internalFault(InternalFault refusal) throws IOException;
    }

    static Rejected firewall(String reason) {
        return new Rejected(Kind.FIREWALL, 400, reason, Set.of());
    }

    static Rejected crossSite(String reason) {
        return new Rejected(Kind.CROSS_SITE, 403, reason, Set.of());
    }

    static Rejected duplicateCookie() {
        return new Rejected(Kind.DUPLICATE_COOKIE, 400, "more than one session cookie", Set.of());
    }

    static Rejected methodNotAllowed(String reason, Set<String> allow) {
        return new Rejected(Kind.METHOD, 405, reason, allow);
    }

    static Rejected badInput(int status, String reason) {
        return new Rejected(Kind.BAD_INPUT, status, reason, Set.of());
    }

    /** A sign-in past the account's session limit, whose policy refuses new sessions. */
    static Rejected tooManySessions() {
        return new Rejected(Kind.TOO_MANY_SESSIONS, 409, "signed in on too many devices; sign out elsewhere",
                Set.of());
    }

    /** The realm cannot be reached: ask to retry after {@code seconds}. */
    static Unavailable realmUnavailable(long seconds) {
        return new Unavailable(seconds);
    }

    /**
     * Refused outright, whoever asks: a short text for browsers, a small JSON body for API clients.
     *
     * @param allow the methods to name in {@code Allow} (405 only); empty for none
     */
    record Rejected(Kind kind, int status, String reason, Set<String> allow) implements Refusal {
        private static final Set<Kind> KINDS = EnumSet.of(Kind.FIREWALL, Kind.CROSS_SITE, Kind.DUPLICATE_COOKIE,
                Kind.METHOD, Kind.BAD_INPUT, Kind.TOO_MANY_SESSIONS);

        public Rejected {
            require(KINDS, kind);
            Objects.requireNonNull(reason, "reason");
            allow = Set.copyOf(allow);
            if (status < 400 || status > 499) {
                throw new IllegalArgumentException("a rejection is a 4xx status, not " + status);
            }
        }

        @Override
        public void accept(Visitor visitor) throws IOException {
            visitor.rejected(this);
        }
    }

    /**
     * No live session: browsers go to the sign-in page, API clients get 401 with a challenge.
     *
     * @param forgetCookie the request presented a token that is no longer live: tell the browser to forget it
     */
    record Unauthenticated(boolean forgetCookie) implements Refusal {
        @Override
        public Kind kind() {
            return Kind.UNAUTHENTICATED;
        }

        @Override
        public void accept(Visitor visitor) throws IOException {
            visitor.unauthenticated(this);
        }
    }

    /**
     * Not for this user, or for nobody: browsers see the application's 403 page, API clients a JSON 403.
     *
     * @param kind   {@link Kind#FORBIDDEN} or {@link Kind#UNMATCHED}
     * @param reason the decision's fixed reason ("denied by policy", "missing role", ...)
     */
    record Forbidden(Kind kind, String reason) implements Refusal {
        private static final Set<Kind> KINDS = EnumSet.of(Kind.FORBIDDEN, Kind.UNMATCHED);

        public Forbidden {
            require(KINDS, kind);
            Objects.requireNonNull(reason, "reason");
        }

        @Override
        public void accept(Visitor visitor) throws IOException {
            visitor.forbidden(this);
        }
    }

    /**
     * The password must be proved again first: browsers go to the re-authentication page, API clients get 401
     * with RFC 9470's {@code insufficient_user_authentication}.
     *
     * @param maxAge how recent the new authentication must be
     * @param reason the decision's fixed reason (idle, stale authentication, risk)
     */
    record StepUp(Duration maxAge, String reason) implements Refusal {
        public StepUp {
            Objects.requireNonNull(maxAge, "maxAge");
            Objects.requireNonNull(reason, "reason");
        }

        @Override
        public Kind kind() {
            return Kind.STEP_UP;
        }

        @Override
        public void accept(Visitor visitor) throws IOException {
            visitor.stepUp(this);
        }
    }

    /**
     * A wrong password, answered to an API client (browsers are sent back to the form instead).
     *
     * @param challenge whether to send {@code WWW-Authenticate} (at sign-in; not at re-authentication)
     */
    record InvalidCredentials(String message, boolean challenge) implements Refusal {
        public InvalidCredentials {
            Objects.requireNonNull(message, "message");
        }

        @Override
        public Kind kind() {
            return Kind.INVALID_CREDENTIALS;
        }

        @Override
        public void accept(Visitor visitor) throws IOException {
            visitor.invalidCredentials(this);
        }
    }

    /**
     * A locked username: 429 with {@code Retry-After}.
     *
     * @param page answer with the built-in page (a browser's form post) rather than JSON
     */
    record TooManyAttempts(long retryAfterSeconds, boolean page) implements Refusal {
        @Override
        public Kind kind() {
            return Kind.TOO_MANY_ATTEMPTS;
        }

        @Override
        public void accept(Visitor visitor) throws IOException {
            visitor.tooManyAttempts(this);
        }
    }

    /** The realm cannot be reached: 503 with {@code Retry-After}. */
    record Unavailable(long retryAfterSeconds) implements Refusal {
        @Override
        public Kind kind() {
            return Kind.REALM_UNAVAILABLE;
        }

        @Override
        public void accept(Visitor visitor) throws IOException {
            visitor.unavailable(this);
        }
    }

    /**
     * A sign-in or re-authentication shed because every password-hashing slot is taken by others: 503 with
     * {@code Retry-After}, saying that the server is busy (a different answer, code and log line from
     * {@link Unavailable}, which sends an operator to the database).
     *
     * @param page answer with the built-in page (a browser's form post) rather than JSON
     */
    record Busy(long retryAfterSeconds, boolean page) implements Refusal {
        @Override
        public Kind kind() {
            return Kind.BUSY;
        }

        @Override
        public void accept(Visitor visitor) throws IOException {
            visitor.busy(this);
        }
    }

    /** A fault of Hallpass's own (logged where it happened): 500 with a fixed text, never the exception. */
    record InternalFault() implements Refusal {
        @Override
        public Kind kind() {
            return Kind.INTERNAL;
        }

        @Override
        public void accept(Visitor visitor) throws IOException {
            visitor.internalFault(this);
        }
    }

    private static void require(Set<Kind> allowed, Kind kind) {
        if (!allowed.contains(Objects.requireNonNull(kind, "kind"))) {
            throw new IllegalArgumentException(kind + " is not one of " + allowed);
        }
    }
}
