package io.hallpass.realm;

import java.time.Instant;
import java.util.Objects;

/**
 * A role granted to an account, possibly until a set time (a contractor's temporary access).
 *
 * @param role      the role name
 * @param grantedAt when it was granted
 * @param expiresAt when it stops counting, or null if it does not expire
 * @param grantedBy who granted it
 */
public record RoleGrant(String role, Instant grantedAt, Instant expiresAt, String grantedBy) {

    public RoleGrant {
        Objects.requireNonNull(role, "role");
        Objects.requireNonNull(grantedAt, "grantedAt");
    }

    /** Whether the grant counts at {@code now}: it has no expiry, or its expiry is still ahead. */
    public boolean activeAt(Instant now) {
        return expiresAt == null || now.isBefore(expiresAt);
    }
}
