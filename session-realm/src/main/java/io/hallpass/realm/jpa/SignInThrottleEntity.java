package io.hallpass.realm.jpa;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Index;
import jakarta.persistence.Table;
import java.time.Instant;

/**
 * A row of {@code hp_sign_in_throttle}: the consecutive failures of one client (a session, a known device or a
 * network) on one account or unknown name, and until when that client waits. Keyed by fingerprints, never by
 * the name or the client itself.
 */
@Entity(name = "SignInThrottle")
@Table(name = "hp_sign_in_throttle",
        indexes = @Index(name = "hp_sign_in_throttle_account_ix", columnList = "account_key"))
class SignInThrottleEntity {

    /** The fingerprint of the account (or unknown name) and the client together. */
    @Id
    @Column(name = "throttle_key", length = Columns.FINGERPRINT)
    String throttleKey;

    /** The fingerprint of the normalised username, to forget all of an account's clients at a reset. */
    @Column(name = "account_key", nullable = false, length = Columns.FINGERPRINT)
    String accountKey;

    @Column(name = "failures", nullable = false)
    int failures;

    @Column(name = "last_failure_at", nullable = false)
    Instant lastFailureAt;

    @Column(name = "blocked_until")
    Instant blockedUntil;

    SignInThrottleEntity() {
    }
}
