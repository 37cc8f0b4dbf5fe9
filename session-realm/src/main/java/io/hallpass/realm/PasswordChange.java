package io.hallpass.realm;

import java.time.Instant;
import java.util.Objects;

/** The outcome of {@link Realm#changePassword}. */
public sealed interface PasswordChange {

    /** The password was changed and {@code otherSessionsRevoked} other sessions were ended. */
    record Changed(int otherSessionsRevoked) implements PasswordChange {
    }

    /** The current password was wrong (or the account is gone or disabled); nothing changed. */
    record Rejected() implements PasswordChange {
    }

    /** Too many failures on this username: refused without verifying until {@code until}. */
    record Locked(Instant until) implements PasswordChange {
        public Locked {
            Objects.requireNonNull(until, "until");
        }
    }

    /** Too many password hashes were already running; try again shortly. */
    record Busy() implements PasswordChange {
    }
}
