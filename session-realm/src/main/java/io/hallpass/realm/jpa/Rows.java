package io.hallpass.realm.jpa;

import java.time.Instant;

/** Projections the realm reads: plain values, never managed entities. */
final class Rows {

    private Rows() {
    }

    private static final String SESSION_COLUMNS = "select s.id, s.publicId, s.accountId, a.username, a.enabled,"
            + " s.createdAt, s.lastSeenAt, s.absoluteExpiresAt, s.lastAuthenticatedAt, s.ip, s.userAgent, s.deviceId,"
            + " s.newDevice, s.failuresBeforeLogin, s.prevValidUntil, s.prevAuthenticatedAt, s.revokedAt";

    /** The columns of {@link SessionRow}, in order, joined with the account. */
    static final String SESSION_SELECT = SESSION_COLUMNS + " from Session s join s.account a ";

    /** A session row and its account's name and state. Holds only the token's hash, never the token. */
    record SessionRow(long id, String publicId, long accountId, String username, boolean enabled,
                      Instant createdAt, Instant lastSeenAt, Instant absoluteExpiresAt, Instant lastAuthenticatedAt,
                      String ip, String userAgent, String deviceId, boolean newDevice, int failuresBeforeLogin,
                      Instant prevValidUntil, Instant prevAuthenticatedAt, Instant revokedAt) {

        static SessionRow of(Object[] c) {
            return new SessionRow((Long) c[0], (String) c[1], (Long) c[2], (String) c[3], (Boolean) c[4],
                    (Instant) c[5], (Instant) c[6], (Instant) c[7], (Instant) c[8], (String) c[9], (String) c[10],
                    (String) c[11], (Boolean) c[12], (Integer) c[13], (Instant) c[14], (Instant) c[15],
                    (Instant) c[16]);
        }
    }

    /** The columns of {@link AccountRow}, in order. */
    static final String ACCOUNT_SELECT = "select a.id, a.username, a.passwordHash, a.enabled, a.createdAt,"
            + " a.passwordChangedAt from Account a ";

    /** An account row. {@link #toString()} leaves the password hash out. */
    record AccountRow(long id, String username, String passwordHash, boolean enabled, Instant createdAt,
                      Instant passwordChangedAt) {

        static AccountRow of(Object[] c) {
            return new AccountRow((Long) c[0], (String) c[1], (String) c[2], (Boolean) c[3], (Instant) c[4],
                    (Instant) c[5]);
        }

        @Override
        public String toString() {
            return "AccountRow[id=" + id + ", username=" + username + ", enabled=" + enabled + "]";
        }
    }
}
