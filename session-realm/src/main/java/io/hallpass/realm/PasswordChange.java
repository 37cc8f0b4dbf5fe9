package io.hallpass.realm;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/** The outcome of {@link Realm#changePassword}. */
public sealed interface PasswordChange {

    /**
     * The password was changed and {@code otherSessionsRevoked} other sessions were ended.
     *
     * @param keptSession the session kept, with its new token (the caller must hand it to the client: the token it
     *                    had, and any still inside the grace of a rotation, stopped working with the change); null
     *                    when no live session was kept
     */
    record Changed(int otherSessionsRevoked, OpenedSession keptSession) implements PasswordChange {

        /** The kept session and its new token, if a live session was kept. */
        public Optional<OpenedSession> kept() {
            return Optional.ofNullable(keptSession);
        }
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
