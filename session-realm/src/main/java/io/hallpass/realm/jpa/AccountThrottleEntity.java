package io.hallpass.realm.jpa;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/**
 * A row of {@code hp_account_throttle}: the consecutive failures of an account (or of a name no account has) from
 * all clients together. Keyed by the fingerprint of the normalised username, never by the name.
 */
@Entity(name = "AccountThrottle")
@Table(name = "hp_account_throttle")
class AccountThrottleEntity {

    @Id
    @Column(name = "account_key", length = Columns.FINGERPRINT)
    String accountKey;

    @Column(name = "failures", nullable = false)
    int failures;

    @Column(name = "last_failure_at", nullable = false)
    Instant lastFailureAt;

    AccountThrottleEntity() {
    }
}
