package io.hallpass.realm.jpa;

import io.hallpass.realm.RealmSettings;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Savepoint;
import java.time.Duration;
import java.time.Instant;
import org.hibernate.LockMode;

/**
 * The only writer of {@code hp_login_throttle}: failed attempts per normalised username, counted under a row lock
 * so that every node counts into the same row, whether or not an account has that name.
 */
final class LoginThrottle {

    /**
     * How an attempt was counted. While a lock runs, {@code lockedUntil} is set, {@code lockedNow} is false and
     * nothing was counted ({@link #refused()}). The attempt that reaches the threshold sets the lock
     * ({@code lockedNow}) and is itself still verified.
     *
     * @param failuresBefore the attempts counted in the window before this one
     */
    record Count(Instant lockedUntil, boolean lockedNow, int failuresBefore) {

        /** Whether the name was already locked: the attempt must be answered without verifying anything. */
        boolean refused() {
            return lockedUntil != null && !lockedNow;
        }
    }

    private final int threshold;
    private final Duration window;
    private final Duration duration;
    /** The insert that does nothing when the row exists, or null where only a savepoint will do (H2, unknown). */
    private final String insertIfMissing;

    LoginThrottle(RealmSettings settings, Schema schema) {
        this.threshold = settings.lockoutThreshold();
        this.window = settings.lockoutWindow();
        this.duration = settings.lockoutDuration();
        this.insertIfMissing = schema == null ? null : schema.insertThrottleIfMissing();
    }

    /** Counts an attempt on a normalised username, at {@code t.now}. */
    Count count(Tx t, String username) {
        // Create the counter first if it is missing, then lock it: every node then counts into the same row. (Locking
        // first and inserting after would deadlock two MariaDB transactions on the gap lock of the missing row.)
        insertIfMissing(t, username);
        LoginThrottleEntity row = t.db.get(LoginThrottleEntity.class, username, LockMode.PESSIMISTIC_WRITE);
        if (row.lockedUntil != null && t.now.isBefore(row.lockedUntil)) {
            return new Count(row.lockedUntil, false, row.attempts);
        }
        boolean fresh = row.lockedUntil != null || !t.now.isBefore(row.windowStartedAt.plus(window));
        int before = fresh ? 0 : row.attempts;
        Instant lockedUntil = before + 1 >= threshold ? t.now.plus(duration) : null;
        row.attempts = before + 1;
        row.windowStartedAt = fresh ? t.now : row.windowStartedAt;
        row.lockedUntil = lockedUntil;
        t.db.update(row);
        return new Count(lockedUntil, lockedUntil != null, before);
    }

    /** Forgets a username's counter (and lock): after a success, or an administrator's reset. */
    void clear(Tx t, String username) {
        t.db.createMutationQuery("delete from LoginThrottle l where l.username = :u")
                .setParameter("u", username).executeUpdate();
    }

    /** Deletes one batch of counters whose window and lock have both passed. */
    Purge.Batch deleteAged(Tx t, int batchSize) {
        return Purge.deleteFound(t, t.db.createSelectionQuery("select l.username from LoginThrottle l"
                        + " where l.windowStartedAt <= :window and (l.lockedUntil is null or l.lockedUntil <= :now)",
                        Object.class).setParameter("now", t.now).setParameter("window", t.now.minus(window)),
                "delete from LoginThrottle l where l.username in (:ids)", batchSize);
    }

    /**
     * Inserts an empty counter unless one exists. Done in plain JDBC, and without ever failing on PostgreSQL and
     * MariaDB, because a duplicate-key error would carry the username into Hibernate's warning log and the database
     * server's error log, and the "username" may be a password typed into the wrong field.
     */
    private void insertIfMissing(Tx t, String username) {
        t.db.doWork(connection -> {
            if (insertIfMissing != null) {
                try (PreparedStatement insert = connection.prepareStatement(insertIfMissing)) {
                    insert.setString(1, username);
                    insert.executeUpdate();
                }
                return;
            }
            Savepoint savepoint = connection.setSavepoint();
            try (PreparedStatement insert = connection.prepareStatement(Schema.INSERT_THROTTLE)) {
                insert.setString(1, username);
                insert.executeUpdate();
                connection.releaseSavepoint(savepoint);
            } catch (SQLException e) {
                if (e.getSQLState() == null || !e.getSQLState().startsWith("23")) {
                    throw e;
                }
                connection.rollback(savepoint); // it exists: another transaction was first
            }
        });
    }
}
