package io.hallpass.realm;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/** The outcome of {@link Realm#login} and {@link Realm#reauthenticate}. */
public sealed interface LoginResult {

    /**
     * The password was right. For a login, a new session was opened; for a re-authentication, the session
     * was stamped and its token rotated.
     *
     * @param session        the (new or rotated) session and its token, handed out once
     * @param newDevice      the client's device id was not yet known for this account (or it sent none)
     * @param recentFailures the account's consecutive failed attempts, from any client, just before this one
     */
    record Success(OpenedSession session, boolean newDevice, int recentFailures) implements LoginResult {
        public Success {
            Objects.requireNonNull(session, "session");
        }
    }

    /**
     * Wrong password, unknown username, disabled account, or (for re-authentication) a session that is no
     * longer live: deliberately indistinguishable.
     */
    record Failed() implements LoginResult {
    }

    /**
     * Refused without looking at the password until {@code until}: this client failed too often and waits (see
     * {@link SignInThrottle}), or the account reached its ceiling and this client is not known to it. Says nothing
     * about whether the account exists.
     */
    record Locked(Instant until) implements LoginResult {
        public Locked {
            Objects.requireNonNull(until, "until");
        }

        /** Whole seconds to wait from {@code now}, at least 1: the value of a {@code Retry-After} header. */
        public long retryAfterSeconds(Instant now) {
            long millis = Duration.between(now, until).toMillis();
            return Math.max(1, (millis + 999) / 1000);
        }
    }

    /**
     * The password was right, but the account already has its {@code max} live sessions and the limit's policy is
     * {@link SessionLimit.Policy#REFUSE_NEW}: no session was opened. The holder can sign out elsewhere first.
     */
    record TooManySessions(int max) implements LoginResult {
    }

    /**
     * Too many password hashes were already running; nothing was verified or counted. Try again shortly
     * (the filter answers 503 with {@code Retry-After}).
     */
    record Busy() implements LoginResult {
    }
}
