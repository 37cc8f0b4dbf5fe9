package io.hallpass.realm.bench;

import io.hallpass.realm.token.TokenCodec;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.function.IntPredicate;

/**
 * Bulk-loads accounts, role grants and sessions into a realm's empty tables, as they would be after months of
 * traffic: one account per four sessions, each account with two grants (one expiring), sessions with a browser's
 * user agent. The rows are made by the database itself ({@code INSERT ... SELECT} over H2's {@code SYSTEM_RANGE} or
 * PostgreSQL's {@code generate_series}, 100,000 rows a statement and a commit), which costs a fraction of the
 * CPU of JDBC batches; a session's token hash is then SHA-256 of its id, a token nobody holds. The sessions the
 * caller wants to resolve are then given real tokens made by {@link TokenCodec} (an {@code UPDATE} of their hash,
 * in JDBC batches), and those tokens are returned.
 *
 * <p>Row {@code n} (from 1) is live when {@code n % liveEvery == 0}; the others are, by {@code n % 3}, revoked
 * (0), past the absolute timeout (1) or idle (2): the three kinds of row {@code purge} deletes. Ids are written
 * explicitly (a session's account is {@code 1 + (n - 1) % accounts}) and the identity columns then moved past them,
 * so that the realm can go on inserting. Statistics are refreshed at the end ({@code ANALYZE}), as autovacuum would
 * after a bulk load.
 */
final class SessionLoad {

    static final Duration IDLE_TIMEOUT = Duration.ofMinutes(30);
    static final Duration ABSOLUTE_TIMEOUT = Duration.ofHours(12);
    static final int SESSIONS_PER_ACCOUNT = 4;

    private static final int CHUNK = 100_000;
    private static final int BATCH = 5_000;
    private static final String PASSWORD_HASH = "$argon2id$v=19$m=19456,t=2,p=1$c2NhbGUtYmVuY2gtc2FsdA"
            + "$bm90LWEtcmVhbC1oYXNoLW5ldmVyLXZlcmlmaWVkLWhlcmU";
    private static final String USER_AGENT =
            "Mozilla/5.0 (X11; Linux x86_64; rv:140.0) Gecko/20100101 Firefox/140.0";

    private SessionLoad() {
    }

    /**
     * Loads {@code sessions} sessions, every {@code liveEvery}-th live, and their accounts; answers real tokens for
     * the live sessions whose id {@code keep} accepts, in id order.
     */
    static List<String> load(Connection c, int sessions, int liveEvery, IntPredicate keep) throws SQLException {
        boolean postgres = c.getMetaData().getDatabaseProductName().toLowerCase().contains("postgres");
        String range = postgres ? " FROM generate_series(?, ?) AS r(n)"
                : " FROM (SELECT X AS n FROM SYSTEM_RANGE(?, ?)) r";
        String hash = postgres ? "sha256(CAST(CAST(n AS text) AS bytea))" : "HASH('SHA-256', CAST(n AS VARCHAR))";
        Instant now = Instant.now().truncatedTo(ChronoUnit.MICROS);
        int accounts = Math.max(1, sessions / SESSIONS_PER_ACCOUNT);
        boolean autoCommit = c.getAutoCommit();
        c.setAutoCommit(false);
        try {
            LocalDateTime longAgo = utc(now.minus(Duration.ofDays(90)));
            inChunks(c, accounts, "INSERT INTO hp_account (id, username, password_hash, enabled, created_at,"
                    + " password_changed_at) SELECT n, 'scale-' || n || '@example.com', ?, TRUE, ?, ?" + range,
                    s -> {
                        s.setString(1, PASSWORD_HASH);
                        s.setObject(2, longAgo);
                        s.setObject(3, longAgo);
                        return 4;
                    });
            inChunks(c, accounts, "INSERT INTO hp_role_grant (id, account_id, role, granted_at, expires_at,"
                    + " granted_by) SELECT 2 * n - 1, n, 'customer', ?, NULL, 'scale-bench'" + range, s -> {
                        s.setObject(1, longAgo);
                        return 2;
                    });
            inChunks(c, accounts, "INSERT INTO hp_role_grant (id, account_id, role, granted_at, expires_at,"
                    + " granted_by) SELECT 2 * n, n, 'support', ?, ?, 'scale-bench'" + range, s -> {
                        s.setObject(1, longAgo);
                        s.setObject(2, utc(now.plus(Duration.ofDays(30))));
                        return 3;
                    });

            // created, last seen, absolute expiry: live (no touch due for the first minute of a run), revoked,
            // past the absolute timeout, idle
            Instant liveCreated = now.minus(Duration.ofHours(1));
            Instant revokedCreated = now.minus(Duration.ofHours(2));
            Instant absoluteCreated = now.minus(ABSOLUTE_TIMEOUT).minus(Duration.ofHours(1));
            Instant idleCreated = now.minus(Duration.ofHours(3));
            Instant[] created = {liveCreated, revokedCreated, absoluteCreated, idleCreated};
            Instant[] lastSeen = {now, revokedCreated.plus(Duration.ofMinutes(5)),
                    absoluteCreated.plus(Duration.ofMinutes(5)), now.minus(IDLE_TIMEOUT).minus(Duration.ofHours(1))};
            String live = "MOD(n, " + liveEvery + ") = 0";
            String byState = " CASE WHEN " + live + " THEN ? WHEN MOD(n, 3) = 0 THEN ? WHEN MOD(n, 3) = 1 THEN ?"
                    + " ELSE ? END";
            inChunks(c, sessions, "INSERT INTO hp_session (id, public_id, token_hash, account_id, created_at,"
                    + " last_seen_at, absolute_expires_at, last_authenticated_at, ip, user_agent, device_id, new_device,"
                    + " failures_before_login, revoked_at, revoked_reason, idle_gap_ms) SELECT n, 'scale-' || n, "
                    + hash + ", 1 + MOD(n - 1, " + accounts + ")," + byState + "," + byState + "," + byState + ","
                    + byState + ", '198.51.100.' || MOD(n, 250), ?, 'device-' || n, FALSE, 0,"
                    + " CASE WHEN NOT " + live + " AND MOD(n, 3) = 0 THEN ? END,"
                    + " CASE WHEN NOT " + live + " AND MOD(n, 3) = 0 THEN 'logout' END, 0" + range, s -> {
                        int p = 1;
                        for (Instant[] column : new Instant[][] {created, lastSeen, plus(created, ABSOLUTE_TIMEOUT),
                                created}) {
                            for (Instant value : column) {
                                s.setObject(p++, utc(value));
                            }
                        }
                        s.setString(p++, USER_AGENT);
                        s.setObject(p++, utc(lastSeen[1]));
                        return p;
                    });

            TokenCodec codec = new TokenCodec(null);
            List<String> kept = new ArrayList<>();
            try (PreparedStatement s = c.prepareStatement("UPDATE hp_session SET token_hash = ? WHERE id = ?")) {
                int pending = 0;
                for (int n = liveEvery; n <= sessions; n += liveEvery) {
                    if (keep.test(n)) {
                        String token = codec.newToken();
                        kept.add(token);
                        s.setBytes(1, codec.hash(token));
                        s.setLong(2, n);
                        s.addBatch();
                        if (++pending == BATCH) {
                            s.executeBatch();
                            pending = 0;
                        }
                    }
                }
                s.executeBatch();
            }
            try (Statement s = c.createStatement()) {
                restartIdentity(postgres, s, "hp_account", accounts + 1L);
                restartIdentity(postgres, s, "hp_role_grant", 2L * accounts + 1);
                restartIdentity(postgres, s, "hp_session", sessions + 1L);
            }
            c.commit();
            try (Statement s = c.createStatement()) {
                s.execute("ANALYZE");
            }
            c.commit();
            return kept;
        } finally {
            c.setAutoCommit(autoCommit);
        }
    }

    /** Binds a chunk statement's leading parameters and answers the index of the range's first. */
    @FunctionalInterface
    private interface Binder {
        int bind(PreparedStatement s) throws SQLException;
    }

    /** Runs {@code sql} (ending in the range's two parameters) for 1..rows, 100,000 rows a statement and commit. */
    private static void inChunks(Connection c, int rows, String sql, Binder binder) throws SQLException {
        try (PreparedStatement s = c.prepareStatement(sql)) {
            for (int from = 1; from <= rows; from += CHUNK) {
                int p = binder.bind(s);
                s.setLong(p, from);
                s.setLong(p + 1, Math.min(rows, from + CHUNK - 1L));
                s.executeUpdate();
                c.commit();
            }
        }
    }

    private static Instant[] plus(Instant[] instants, Duration d) {
        Instant[] result = new Instant[instants.length];
        for (int i = 0; i < instants.length; i++) {
            result[i] = instants[i].plus(d);
        }
        return result;
    }

    private static void restartIdentity(boolean postgres, Statement s, String table, long next) throws SQLException {
        if (postgres) {
            s.execute("SELECT setval(pg_get_serial_sequence('" + table + "', 'id'), " + (next - 1) + ")");
        } else {
            s.execute("ALTER TABLE " + table + " ALTER COLUMN id RESTART WITH " + next);
        }
    }

    private static LocalDateTime utc(Instant instant) {
        return LocalDateTime.ofInstant(instant, ZoneOffset.UTC);
    }
}
