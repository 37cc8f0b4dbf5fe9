package io.hallpass.filter.decision;

import io.hallpass.realm.SessionView;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * What to do with a request: the closed set of answers {@link Decider#decide} gives. The filter's gate turns
 * each into an outcome through {@link #match}, so that a sixth case would not compile until it is handled, and
 * nothing else decides.
 *
 * <p>Reasons are short fixed texts (constants of {@link Decider}), safe to log and to put in a JSON body;
 * they never contain a token, a path or a username.
 */
public sealed interface Decision {

    /** Calls the one method of {@code cases} that takes this decision, and returns its answer. */
    <R> R match(Cases<R> cases);

    /**
     * One method per decision: an implementation handles them all (Java 17 has no pattern {@code switch}; this
     * makes the same compile-time check).
     */
    interface Cases<R> {
        R allow(Allow allow);

        R unauthenticated(Unauthenticated unauthenticated);

        R forbidden(Forbidden forbidden);

        R stepUp(StepUp stepUp);

        R reject(Reject reject);
    }

    /**
     * Let the request through.
     *
     * @param session the session that satisfied the requirement; empty on a public path, where the session was
     *                not looked up (it may still exist: the application can ask for it lazily)
     */
    record Allow(Optional<SessionView> session) implements Decision {
        public Allow {
            Objects.requireNonNull(session, "session");
        }

        @Override
        public <R> R match(Cases<R> cases) {
            return cases.allow(this);
        }
    }

    /**
     * No live session where one is required: send a browser to the login page (303), answer an API client
     * 401 with a {@code WWW-Authenticate} challenge.
     */
    record Unauthenticated(String reason) implements Decision {
        public Unauthenticated {
            Objects.requireNonNull(reason, "reason");
        }

        @Override
        public <R> R match(Cases<R> cases) {
            return cases.unauthenticated(this);
        }
    }

    /** Refused whoever asks (a {@code deny} rule, an unmatched path) or for lack of a role: 403. */
    record Forbidden(String reason) implements Decision {
        public Forbidden {
            Objects.requireNonNull(reason, "reason");
        }

        @Override
        public <R> R match(Cases<R> cases) {
            return cases.forbidden(this);
        }
    }

    /**
     * The user may do this, but must prove the password again first (RFC 9470 vocabulary:
     * {@code error="insufficient_user_authentication"}, {@code max_age=maxAge.toSeconds()}).
     *
     * @param maxAge how recent the new authentication must be
     * @param reason {@link Decider#STALE_AUTHENTICATION}, {@link Decider#IDLE} or {@link Decider#RISK}
     */
    record StepUp(Duration maxAge, String reason) implements Decision {
        public StepUp {
            Objects.requireNonNull(maxAge, "maxAge");
            Objects.requireNonNull(reason, "reason");
        }

        @Override
        public <R> R match(Cases<R> cases) {
            return cases.stepUp(this);
        }
    }

    /**
     * A protocol-level refusal with a status code: 405 with an {@code Allow} header listing {@code allow}.
     * (The firewall's 400 is answered before any decision is made.)
     */
    record Reject(int status, String reason, Set<String> allow) implements Decision {
        public Reject {
            Objects.requireNonNull(reason, "reason");
            allow = allow == null ? Set.of() : allow;
        }

        @Override
        public <R> R match(Cases<R> cases) {
            return cases.reject(this);
        }
    }
}
