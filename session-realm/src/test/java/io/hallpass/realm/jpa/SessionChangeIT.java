package io.hallpass.realm.jpa;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.zaxxer.hikari.HikariDataSource;
import io.hallpass.realm.AccountView;
import io.hallpass.realm.AuditEvent;
import io.hallpass.realm.ClientFacts;
import io.hallpass.realm.LoginResult;
import io.hallpass.realm.OpenedSession;
import io.hallpass.realm.PasswordChange;
import io.hallpass.realm.PasswordCost;
import io.hallpass.realm.Realm;
import io.hallpass.realm.RealmUnavailableException;
import io.hallpass.realm.SchemaAction;
import io.hallpass.realm.testing.MutableClock;
import io.hallpass.realm.testing.ScratchDatabase;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.logging.Handler;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import org.hibernate.SessionFactory;
import org.hibernate.exception.LockAcquisitionException;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.function.Executable;

/**
 * Every change a cached session must see is told, after commit, through the one place that says so
 * ({@link Tx#sessionsChanged}): exactly the right account or session, once, and never for work that was rolled back.
 * On H2; what is shown here does not depend on the database.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SessionChangeIT {

    static final Instant START = Instant.parse("2026-03-01T09:00:00Z");
    static final String PASSWORD = "correct horse battery staple";
    static final ClientFacts LAPTOP = new ClientFacts("192.0.2.10", "Firefox/140", "device-laptop-1");
    static final Duration IDLE = Duration.ofMinutes(30);

    final MutableClock clock = new MutableClock(START);
    final Recorder recorder = new Recorder();
    final AtomicInteger names = new AtomicInteger();
    ScratchDatabase db;
    JpaRealm realm;

    /** Records each change told, with how many audit rows of its account were committed when it was told. */
    final class Recorder implements SessionChangeListener {
        final List<SessionChange> changes = Collections.synchronizedList(new ArrayList<>());
        final List<Long> committedAuditRows = Collections.synchronizedList(new ArrayList<>());
        volatile boolean fail;

        @Override
        public void sessionsChanged(SessionChange change) {
            changes.add(change);
            committedAuditRows.add(auditRows(change.accountId()));
            if (fail) {
                throw new IllegalStateException("test: a listener that fails");
            }
        }
    }

    @BeforeAll
    void start() {
        db = ScratchDatabase.create(ScratchDatabase.Kind.H2);
        realm = JpaRealm.start(Realm.builder().jdbcUrl(db.url).credentials(db.user, db.password).clock(clock)
                .passwordCost(new PasswordCost(64, 1, 1)).schemaAction(SchemaAction.CREATE_IF_MISSING)
                .idleTimeout(IDLE).absoluteTimeout(Duration.ofHours(12)).settings(), recorder);
    }

    @AfterAll
    void stop() {
        if (realm != null) {
            realm.close();
        }
        if (db != null) {
            db.close();
        }
    }

    @BeforeEach
    void reset() {
        clock.set(START);
        recorder.fail = false;
    }

    // ====================================================================================== one session

    @Test
    void revokingByTokenTellsThatSessionOnceCommitted() {
        AccountView account = newAccount();
        OpenedSession session = login(account);
        assertEquals(List.of(change(session, "logout")), changes(() -> realm.revoke(session.token(), "logout")));
    }

    @Test
    void revokingWithTheOldTokenInsideTheGraceTellsTheSameSession() {
        AccountView account = newAccount();
        OpenedSession old = login(account);
        realm.rotate(old.token()).orElseThrow();
        assertEquals(List.of(change(old, "logout")), changes(() -> realm.revoke(old.token(), "logout")));
    }

    @Test
    void revokingByPublicIdTellsThatSession() {
        AccountView account = newAccount();
        OpenedSession session = login(account);
        assertEquals(List.of(change(session, "user")),
                changes(() -> realm.revokeSession(account.id(), session.view().publicId(), "user")));
    }

    @Test
    void rotatingTellsTheSessionWhoseOldTokenChanged() {
        AccountView account = newAccount();
        OpenedSession session = login(account);
        assertEquals(List.of(change(session, "rotated")), changes(() -> realm.rotate(session.token())));
    }

    @Test
    void reStampingTellsTheSessionBothWays() {
        AccountView account = newAccount();
        OpenedSession session = login(account);
        List<OpenedSession> rotated = new ArrayList<>();
        assertEquals(List.of(change(session, "reauthenticated")),
                changes(() -> rotated.add(realm.markReauthenticated(session.token(), LAPTOP).orElseThrow())));
        assertEquals(List.of(change(session, "reauthenticated")), changes(() -> assertInstanceOf(
                LoginResult.Success.class, realm.reauthenticate(rotated.get(0).token(), PASSWORD, LAPTOP))));
    }

    @Test
    void aSessionMarkedExpiredIsTold() {
        AccountView account = newAccount();
        OpenedSession idle = login(account);
        clock.advance(IDLE);
        assertEquals(List.of(change(idle, "idle-expired")),
                changes(() -> assertTrue(realm.resolve(idle.token()).isEmpty())));
        OpenedSession old = login(account);
        clock.advance(Duration.ofHours(12));
        assertEquals(List.of(change(old, "absolute-expired")),
                changes(() -> assertFalse(realm.revokeSession(account.id(), old.view().publicId(), "x"))),
                "marked by the revocation that found it expired, which then revokes nothing");
    }

    // ======================================================================================= an account

    @Test
    void revokingAllTellsTheWholeAccountOnce() {
        AccountView account = newAccount();
        login(account);
        login(account);
        assertEquals(List.of(SessionChange.ofAccount(account.id(), "panic")),
                changes(() -> assertEquals(2, realm.revokeAllSessions(account.id(), "panic"))));
        assertEquals(List.of(), changes(() -> realm.revokeAllSessions(account.id(), "panic")), "nothing left");
    }

    @Test
    void revokingTheOthersTellsEachOfThemAndNotTheOneKept() {
        AccountView account = newAccount();
        OpenedSession kept = login(account);
        OpenedSession second = login(account);
        OpenedSession third = login(account);
        assertEquals(Set.of(change(second, "elsewhere"), change(third, "elsewhere")), Set.copyOf(changes(
                () -> realm.revokeOtherSessions(account.id(), kept.view().publicId(), "elsewhere"))));
    }

    @Test
    void disablingTellsTheWholeAccountOnceAndEnablingTellsItAgain() {
        AccountView account = newAccount();
        login(account);
        login(account);
        assertEquals(List.of(SessionChange.ofAccount(account.id(), "account-disabled")),
                changes(() -> realm.setEnabled(account.id(), false, "admin")),
                "the flag and the sessions it ended are one change");
        assertEquals(List.of(), changes(() -> realm.setEnabled(account.id(), false, "admin")), "no change");
        assertEquals(List.of(SessionChange.ofAccount(account.id(), "account-enabled")),
                changes(() -> realm.setEnabled(account.id(), true, "admin")));
    }

    @Test
    void anAdministratorsResetTellsTheWholeAccount() {
        AccountView account = newAccount();
        login(account);
        assertEquals(List.of(SessionChange.ofAccount(account.id(), "password-reset")),
                changes(() -> realm.setPassword(account.id(), "brand new password", "helpdesk")));
    }

    @Test
    void aPasswordChangeTellsTheSessionsItEndsAndTheKeptOneWhoseTokenChanged() {
        AccountView account = newAccount();
        OpenedSession kept = login(account);
        OpenedSession other = login(account);
        assertEquals(Set.of(change(other, "password-changed"), change(kept, "password-changed")),
                Set.copyOf(changes(() -> assertInstanceOf(PasswordChange.Changed.class, realm.changePassword(
                        account.id(), PASSWORD, "another password 1", kept.view().publicId())))),
                "a cache must drop the kept session too: its old token stopped with the change");
        assertEquals(List.of(SessionChange.ofAccount(account.id(), "password-changed")), changes(() ->
                realm.changePassword(account.id(), "another password 1", "a third password", null)));
    }

    @Test
    void grantingAndRevokingARoleTellTheWholeAccount() {
        AccountView account = newAccount();
        login(account);
        assertEquals(List.of(SessionChange.ofAccount(account.id(), "role-granted")),
                changes(() -> realm.grantRole(account.id(), "customer", START.plusSeconds(60), "hr")));
        assertEquals(List.of(SessionChange.ofAccount(account.id(), "role-revoked")),
                changes(() -> realm.revokeRole(account.id(), "customer", "hr")));
        assertEquals(List.of(), changes(() -> realm.revokeRole(account.id(), "customer", "hr")), "not held");
        assertEquals(List.of(), changes(() -> realm.grantRole(-1, "customer", null, "hr")), "no such account");
    }

    @Test
    void whatChangesNoSessionTellsNothing() {
        AccountView account = newAccount();
        assertEquals(List.of(), changes(() -> {
            OpenedSession session = login(account);
            realm.open(account.id(), LAPTOP);
            realm.resolve(session.token()).orElseThrow();
            clock.advance(Duration.ofMinutes(5));
            realm.resolve(session.token()).orElseThrow(); // writes last-seen
            realm.listSessions(account.id());
            realm.findAccount(account.id());
            realm.login(account.username(), "wrong password", LAPTOP);
            realm.reauthenticate(session.token(), "wrong password", LAPTOP);
            realm.changePassword(account.id(), "wrong password", "another password 1", null);
            realm.audit(AuditEvent.Type.RISK_SIGNAL, account.id(), null, null, "x");
        }));
    }

    // ==================================================================================== after commit only

    @Test
    void aChangeRolledBackByAFailingTransactionTellsNothing() throws SQLException {
        AccountView account = newAccount();
        OpenedSession session = login(account);
        // each of these writes its change, then an audit row; with the audit table gone that insert fails and the
        // whole transaction rolls back
        Map<String, Executable> calls = Map.of(
                "revoke", () -> realm.revoke(session.token(), "x"),
                "rotate", () -> realm.rotate(session.token()),
                "revokeAllSessions", () -> realm.revokeAllSessions(account.id(), "x"),
                "setEnabled", () -> realm.setEnabled(account.id(), false, "x"),
                "grantRole", () -> realm.grantRole(account.id(), "r", null, "x"));
        execute("alter table hp_audit_event rename to hp_audit_event_away");
        try {
            calls.forEach((name, call) -> assertEquals(List.of(), changes(
                    () -> assertThrows(RealmUnavailableException.class, call, name)), name));
        } finally {
            execute("alter table hp_audit_event_away rename to hp_audit_event");
        }
        assertTrue(realm.resolve(session.token()).isPresent(), "nothing of it was committed");
        assertEquals(Set.of(), realm.findAccount(account.id()).orElseThrow().roles());
    }

    @Test
    void aFailingListenerDoesNotUndoNorFailTheCommittedChange() {
        AccountView account = newAccount();
        OpenedSession session = login(account);
        recorder.fail = true;
        assertEquals(List.of(change(session, "logout")),
                changes(() -> assertTrue(realm.revoke(session.token(), "logout"))));
        recorder.fail = false;
        assertTrue(realm.resolve(session.token()).isEmpty());
    }

    @Test
    void onlyTheAttemptThatCommitsIsToldWhenAConflictIsRetried() {
        List<SessionChange> told = new ArrayList<>();
        try (HikariDataSource pool = db.pool(2);
             SessionFactory factory = Mapping.sessionFactory(pool, "none", Map.of())) {
            Transactions transactions = new Transactions(factory, clock, told::add);
            AtomicInteger attempts = new AtomicInteger();
            transactions.run(t -> {
                int attempt = attempts.incrementAndGet();
                t.sessionsChanged(new SessionChange(1, (long) attempt, "attempt " + attempt));
                if (attempt == 1) {
                    throw new LockAcquisitionException("test: a lost race",
                            new SQLException("deadlock", "40001"));
                }
                return null;
            });
            assertEquals(2, attempts.get());
            assertEquals(List.of(new SessionChange(1, 2L, "attempt 2")), told);

            told.clear();
            assertThrows(RealmUnavailableException.class, () -> transactions.run(t -> {
                t.sessionsChanged(new SessionChange(1, 1L, "doomed"));
                throw new IllegalStateException("test: a failure inside the transaction");
            }));
            assertEquals(List.of(), told, "rolled back: nothing told");
        }
    }

    @Test
    void afterCommitActionsRunAfterTheAuditLinesInOrderAndAFailingOneStopsNoOther() {
        List<String> events = Collections.synchronizedList(new ArrayList<>());
        Handler audit = new Handler() {
            @Override
            public void publish(LogRecord record) {
                events.add("audit line");
            }

            @Override
            public void flush() {
            }

            @Override
            public void close() {
            }
        };
        Logger logger = Logger.getLogger("io.hallpass.audit");
        logger.addHandler(audit);
        try (HikariDataSource pool = db.pool(2);
             SessionFactory factory = Mapping.sessionFactory(pool, "none", Map.of())) {
            Transactions transactions = new Transactions(factory, clock, change -> events.add("told"));
            String answer = transactions.run(t -> {
                t.afterCommit(() -> events.add("first"));
                t.sessionsChanged(new SessionChange(1, null, "x"));
                t.sessionsChanged(new SessionChange(1, null, "x"));
                t.afterCommit(() -> {
                    throw new IllegalStateException("test: an action that fails");
                });
                t.afterCommit(() -> events.add("last"));
                t.audit(AuditEvent.Type.RISK_SIGNAL, null, null, null, null, "after-commit test");
                assertEquals(List.of(), events, "nothing runs before the commit");
                return "committed";
            });
            assertEquals("committed", answer);
            assertEquals(List.of("audit line", "first", "told", "last"), events);
        } finally {
            logger.removeHandler(audit);
        }
    }

    // =========================================================================================== helpers

    AccountView newAccount() {
        return realm.createAccount("change-" + names.incrementAndGet(), PASSWORD);
    }

    OpenedSession login(AccountView account) {
        return assertInstanceOf(LoginResult.Success.class, realm.login(account.username(), PASSWORD, LAPTOP))
                .session();
    }

    /**
     * The changes told while {@code call} ran, each checked to have been told only once its transaction had
     * committed (by then every audit row of its account was visible to another connection), and to have been written
     * to the change log, for the other nodes, exactly as told.
     */
    List<SessionChange> changes(Executable call) {
        long logged = Long.parseLong(query("select coalesce(max(id), 0) from hp_session_change where 1 = ?", 1));
        recorder.changes.clear();
        recorder.committedAuditRows.clear();
        try {
            call.execute();
        } catch (Throwable e) {
            throw new AssertionError(e);
        }
        List<SessionChange> told = List.copyOf(recorder.changes);
        for (int i = 0; i < told.size(); i++) {
            assertEquals(auditRows(told.get(i).accountId()), recorder.committedAuditRows.get(i),
                    "told before its transaction committed: " + told.get(i));
        }
        assertEquals(told, changeLogAfter(logged), "the change log holds exactly what was told, in order");
        return told;
    }

    /** The rows of the change log after id {@code after}, in id order. */
    List<SessionChange> changeLogAfter(long after) {
        List<SessionChange> rows = new ArrayList<>();
        try (Connection c = db.connect(); PreparedStatement s = c.prepareStatement(
                "select account_id, session_id, cause from hp_session_change where id > ? order by id")) {
            s.setLong(1, after);
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    long session = rs.getLong(2);
                    Long sessionId = rs.wasNull() ? null : session;
                    rows.add(new SessionChange(rs.getLong(1), sessionId, rs.getString(3)));
                }
            }
        } catch (SQLException e) {
            throw new AssertionError(e);
        }
        return rows;
    }

    SessionChange change(OpenedSession session, String cause) {
        return new SessionChange(session.view().accountId(), sessionId(session), cause);
    }

    long sessionId(OpenedSession session) {
        return Long.parseLong(query("select id from hp_session where public_id = ?", session.view().publicId()));
    }

    long auditRows(long accountId) {
        return Long.parseLong(query("select count(*) from hp_audit_event where account_id = ?", accountId));
    }

    String query(String sql, Object parameter) {
        try (Connection c = db.connect(); PreparedStatement s = c.prepareStatement(sql)) {
            s.setObject(1, parameter);
            try (ResultSet rs = s.executeQuery()) {
                assertTrue(rs.next(), sql);
                return rs.getString(1);
            }
        } catch (SQLException e) {
            throw new AssertionError(e);
        }
    }

    void execute(String sql) throws SQLException {
        try (Connection c = db.connect(); Statement s = c.createStatement()) {
            s.execute(sql);
        }
    }
}
