package io.hallpass.realm.jpa;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/**
 * A row of {@code hp_login_throttle}: failed attempts on one normalised username, whether or not an account has
 * that name. Rows exist only while a window or a lock is running; success deletes the row and purge removes
 * aged-out ones, so random usernames cannot grow the table without bound.
 */
@Entity(name = "LoginThrottle")
@Table(name = "hp_login_throttle")
class LoginThrottleEntity {

    @Id
    @Column(name = "username", length = Columns.USERNAME)
    String username;

    @Column(name = "attempts", nullable = false)
    int attempts;

    @Column(name = "window_started_at", nullable = false)
    Instant windowStartedAt;

    @Column(name = "locked_until")
    Instant lockedUntil;

    LoginThrottleEntity() {
    }
}
