package io.hallpass.realm.jpa;

import io.hallpass.realm.RealmException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/**
 * The only writer of {@code hp_session_change} and {@code hp_change_counter}: the change log through which every
 * node's session cache hears of the changes made on other nodes (or by the command line, or by a node without a
 * cache). It is the only cross-node mechanism; there is nothing else to deploy.
 *
 * <h2>The invariant: ids are dense and in commit order</h2>
 * A transaction that changed what a cached session resolves to ({@link Tx#sessionsChanged}) appends its k changes
 * as the very last thing before it commits ({@link Tx#beforeCommit()}): it adds k to the counter row (which locks
 * that row until the commit), reads the new value back and inserts its rows with the k ids below and up to it. So
 * <ul>
 *   <li>two transactions can not hold ids at the same time: the second waits for the first to commit or roll back,
 *       then counts on from what is committed;</li>
 *   <li>a rolled-back transaction rolls its increment back too: no id is skipped;</li>
 *   <li>hence when a reader sees id N committed, every id below N is committed and visible too. A poller that has
 *       read every row up to N has heard of every change committed before N's, and a missing id can only mean that
 *       the purge deleted it (then the poller clears its cache: {@link ChangePoller}).</li>
 * </ul>
 * The counter lock is the last lock the transaction takes and nothing but the commit follows it, so it can not be
 * part of a deadlock cycle: whoever holds it waits for nobody. The price is that transactions which change sessions
 * commit one at a time for the few microseconds between the increment and the commit.
 */
final class ChangeLog {

    /** The name of the counter row. */
    static final String COUNTER = "session";
    /** How long change rows are kept: a node that has not polled for longer than this clears its cache. */
    static final Duration RETENTION = Duration.ofMinutes(10);

    private static final String INCREMENT = "update hp_change_counter set last_id = last_id + ? where name = '"
            + COUNTER + "'";
    private static final String READ_COUNTER = "select last_id from hp_change_counter where name = '" + COUNTER + "'";
    private static final String INSERT = "insert into hp_session_change (id, at, account_id, session_id, cause)"
            + " values (?, ?, ?, ?, ?)";
    private static final String AFTER = "select id, account_id, session_id from hp_session_change"
            + " where id > ? and id <= ? order by id";

    /** A change as the pollers read it. */
    record Entry(long id, long accountId, Long sessionId) {
    }

    private ChangeLog() {
    }

    /**
     * Appends {@code changes} with the next ids, in the caller's transaction: it must be the last thing the
     * transaction does before it commits (see the class documentation).
     */
    static void append(Connection c, Instant at, Collection<SessionChange> changes) throws SQLException {
        int k = changes.size();
        long last;
        try (PreparedStatement increment = c.prepareStatement(INCREMENT)) {
            increment.setLong(1, k);
            if (increment.executeUpdate() != 1) {
                throw new RealmException("the change counter row of hp_change_counter is missing;"
                        + " restart the realm to create it", null);
            }
        }
        last = counter(c);
        try (PreparedStatement insert = c.prepareStatement(INSERT)) {
            long id = last - k + 1;
            for (SessionChange change : changes) {
                insert.setLong(1, id++);
                insert.setObject(2, SessionReader.utc(at));
                insert.setLong(3, change.accountId());
                if (change.sessionId() == null) {
                    insert.setNull(4, java.sql.Types.BIGINT);
                } else {
                    insert.setLong(4, change.sessionId());
                }
                String cause = change.cause();
                insert.setString(5, cause == null || cause.length() <= Columns.CHANGE_CAUSE ? cause
                        : cause.substring(0, Columns.CHANGE_CAUSE));
                insert.addBatch();
            }
            insert.executeBatch();
        }
    }

    /** The last id handed out (committed, or this transaction's own). */
    static long counter(Connection c) throws SQLException {
        try (PreparedStatement s = c.prepareStatement(READ_COUNTER); ResultSet rs = s.executeQuery()) {
            if (!rs.next()) {
                throw new RealmException("the change counter row of hp_change_counter is missing;"
                        + " restart the realm to create it", null);
            }
            return rs.getLong(1);
        }
    }

    /**
     * Creates the counter row if it is missing (a schema created by an older DDL, or by hand). Outside any other
     * transaction; another node doing the same at the same moment makes one of the two inserts fail, which is fine.
     */
    static void ensureCounter(Connection c) throws SQLException {
        try (PreparedStatement s = c.prepareStatement(READ_COUNTER); ResultSet rs = s.executeQuery()) {
            if (rs.next()) {
                return;
            }
        }
        try (PreparedStatement insert = c.prepareStatement(
                "insert into hp_change_counter (name, last_id) values ('" + COUNTER + "', 0)")) {
            insert.executeUpdate();
        } catch (SQLException e) {
            if (e.getSQLState() == null || !e.getSQLState().startsWith("23")) {
                throw e; // not "another node created it first"
            }
        }
    }

    /** At most {@code limit} changes with ids in (after, upTo], in id order. */
    static List<Entry> between(Connection c, long after, long upTo, int limit) throws SQLException {
        List<Entry> entries = new ArrayList<>();
        try (PreparedStatement s = c.prepareStatement(AFTER)) {
            s.setMaxRows(limit);
            s.setLong(1, after);
            s.setLong(2, upTo);
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    long session = rs.getLong(3);
                    Long sessionId = rs.wasNull() ? null : session; // before any other get
                    entries.add(new Entry(rs.getLong(1), rs.getLong(2), sessionId));
                }
            }
        }
        return entries;
    }

    /** Deletes one batch of change rows older than {@link #RETENTION}, by id. */
    static Purge.Batch deleteAged(Tx t, int batchSize) {
        return Purge.deleteFound(t, t.db.createSelectionQuery("select c.id from SessionChangeRow c where c.at < :cut"
                        + " order by c.id", Object.class).setParameter("cut", t.now.minus(RETENTION)),
                "delete from SessionChangeRow c where c.id in (:ids)", batchSize);
    }
}
