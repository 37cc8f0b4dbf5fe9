package io.hallpass.realm.jpa;

import io.hallpass.realm.RoleGrant;
import io.hallpass.realm.jpa.Rows.SessionRow;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads the session a token hash stands for in plain JDBC: one indexed statement joining the session, its account
 * and all of the account's role grants with their expiries, by the hash of the current token, and a second one by
 * the hash of the previous token only when the first finds nothing (two equality lookups rather than one
 * {@code OR}, which H2 answers with a full table scan). This is the hot path of every request that is not answered
 * from the cache, and what the cache loads its entries with; the transactions that write run it on their own
 * connection ({@link SessionStore#find}).
 *
 * <p>No Hibernate, no {@code java.sql.Timestamp} and no {@code Calendar}: timestamps hold UTC wall-clock time in
 * columns without a time zone, so they are read as {@code LocalDateTime} and placed at UTC, which is exact and
 * cheap. Which grants count is {@link SessionRules}'s to say, at the instant a request is judged.
 */
final class SessionReader {

    private static final String SELECT = "select s.id, s.public_id, s.account_id, a.username, a.enabled,"
            + " s.created_at, s.last_seen_at, s.absolute_expires_at, s.last_authenticated_at, s.ip, s.user_agent,"
            + " s.device_id, s.new_device, s.failures_before_login, s.prev_valid_until, s.prev_authenticated_at,"
            + " s.revoked_at, s.idle_gap_ms, g.role, g.granted_at, g.expires_at"
            + " from hp_session s join hp_account a on a.id = s.account_id"
            + " left join hp_role_grant g on g.account_id = s.account_id where ";
    static final String BY_TOKEN = SELECT + "s.token_hash = ?";
    static final String BY_PREVIOUS_TOKEN = SELECT + "s.prev_token_hash = ?";

    private SessionReader() {
    }

    /**
     * The session with the token hash {@code hash}, else (when {@code allowPrevious}) the one whose last rotation
     * replaced it; null if there is none. Unjudged: revoked and expired sessions are found too.
     */
    static SessionStore.Lookup find(Connection c, byte[] hash, boolean allowPrevious) throws SQLException {
        SessionStore.Lookup found = find(c, BY_TOKEN, hash, false);
        return found == null && allowPrevious ? find(c, BY_PREVIOUS_TOKEN, hash, true) : found;
    }

    private static SessionStore.Lookup find(Connection c, String sql, byte[] hash, boolean previous)
            throws SQLException {
        try (PreparedStatement s = c.prepareStatement(sql)) {
            s.setBytes(1, hash);
            try (ResultSet rs = s.executeQuery()) {
                if (!rs.next()) {
                    return null;
                }
                SessionRow row = new SessionRow(rs.getLong(1), rs.getString(2), rs.getLong(3), rs.getString(4),
                        rs.getBoolean(5), instant(rs, 6), instant(rs, 7), instant(rs, 8), instant(rs, 9),
                        rs.getString(10), rs.getString(11), rs.getString(12), rs.getBoolean(13), rs.getInt(14),
                        instant(rs, 15), instant(rs, 16), instant(rs, 17));
                Duration idleGap = Duration.ofMillis(rs.getLong(18)); // null reads as 0: no gap recorded yet
                List<RoleGrant> grants = new ArrayList<>(2);
                do {
                    String role = rs.getString(19);
                    if (role != null) {
                        grants.add(new RoleGrant(role, instant(rs, 20), instant(rs, 21), null));
                    }
                } while (rs.next());
                return new SessionStore.Lookup(row, previous, List.copyOf(grants), idleGap);
            }
        }
    }

    /** A timestamp column holding UTC wall-clock time, or null. */
    static Instant instant(ResultSet rs, int column) throws SQLException {
        LocalDateTime value = rs.getObject(column, LocalDateTime.class);
        return value == null ? null : value.toInstant(ZoneOffset.UTC);
    }

    /** The value to bind for an instant in a timestamp column holding UTC wall-clock time. */
    static LocalDateTime utc(Instant instant) {
        return instant == null ? null : LocalDateTime.ofInstant(instant, ZoneOffset.UTC);
    }
}
