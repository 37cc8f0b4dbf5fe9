package io.hallpass.realm.jpa;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.zaxxer.hikari.HikariDataSource;
import io.hallpass.realm.AccountView;
import io.hallpass.realm.AuditEvent;
import io.hallpass.realm.ClientFacts;
import io.hallpass.realm.InvalidInputException;
import io.hallpass.realm.LoginResult;
import io.hallpass.realm.OpenedSession;
import io.hallpass.realm.PasswordChange;
import io.hallpass.realm.Realm;
import io.hallpass.realm.SchemaAction;
import io.hallpass.realm.SessionLimit;
import io.hallpass.realm.SessionView;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * Attacks on an account's sessions, each test named after the attack it shows closed: a token that outlives the
 * password change meant to end it; a session that slips past a revoke-all; parallel sign-ins that pass the
 * session limit. Run on H2, PostgreSQL and MariaDB by its subclasses.
 */
abstract class AccountSessionsContract extends DatabaseContract {

    static final int LIMIT = 3;

    // ================================================================================= password change

    @Test
    void aPasswordChangeRotatesTheKeptSessionSoTheOldTokensStopAtOnce() {
        AccountView account = newAccount("rotated-by-change");
        OpenedSession signedIn = login(account, LAPTOP);
        clock.advance(Duration.ofMinutes(1));
        // a re-authentication a moment ago: the token it replaced is still inside its grace
        OpenedSession reauthenticated = assertInstanceOf(LoginResult.Success.class,
                realm.reauthenticate(signedIn.token(), PASSWORD, LAPTOP)).session();
        assertTrue(realm.resolve(signedIn.token()).isPresent(), "inside the grace before the change");
        OpenedSession other = login(account, network(1));

        Instant changedAt = clock.advance(Duration.ofSeconds(2));
        PasswordChange.Changed changed = assertInstanceOf(PasswordChange.Changed.class, realm.changePassword(
                account.id(), PASSWORD, "a brand new password", reauthenticated.view().publicId()));
        assertEquals(Optional.empty(), realm.resolve(reauthenticated.token()), "the token it had stops at once");
        assertEquals(Optional.empty(), realm.resolve(signedIn.token()), "so does the one still inside the grace");
        assertEquals(Optional.empty(), realm.resolve(other.token()), "and every other session ends");
        OpenedSession kept = changed.kept().orElseThrow();
        assertEquals(1, changed.otherSessionsRevoked());
        assertNotEquals(reauthenticated.token(), kept.token());
        SessionView view = realm.resolve(kept.token()).orElseThrow();
        assertEquals(reauthenticated.view().publicId(), view.publicId(), "the same session, with a new token");
        assertEquals(changedAt.truncatedTo(java.time.temporal.ChronoUnit.MICROS), view.lastAuthenticatedAt(),
                "proving the current password is a fresh authentication");
        assertEquals(List.of(view.publicId()), realm.listSessions(account.id()).stream().map(SessionView::publicId)
                .toList());
        assertEquals(Optional.empty(), realm.rotate(reauthenticated.token()), "the old token can not rotate either");
    }

    @Test
    void aPasswordChangeKeepingNoSessionEndsEveryOne() {
        AccountView account = newAccount("ends-all");
        OpenedSession one = login(account, LAPTOP);
        OpenedSession two = login(account, network(1));
        PasswordChange.Changed changed = assertInstanceOf(PasswordChange.Changed.class,
                realm.changePassword(account.id(), PASSWORD, "a brand new password", null));
        assertNull(changed.keptSession());
        assertEquals(2, changed.otherSessionsRevoked());
        assertEquals(Optional.empty(), realm.resolve(one.token()));
        assertEquals(Optional.empty(), realm.resolve(two.token()));

        OpenedSession mine = login(account, LAPTOP, "a brand new password");
        realm.revoke(mine.token(), "logout");
        PasswordChange.Changed noneLive = assertInstanceOf(PasswordChange.Changed.class, realm.changePassword(
                account.id(), "a brand new password", "a third password", mine.view().publicId()));
        assertEquals(Optional.empty(), noneLive.kept(), "a session that is no longer live is not brought back");
        assertEquals(Optional.empty(), realm.resolve(mine.token()));
    }

    // ==================================================================================== revoke all

    @Test
    void aSignInCommittingWhileAllSessionsAreRevokedCanNotKeepItsSession() throws Exception {
        AccountView account = newAccount("race-revoke-all");
        OpenedSession before = login(account, LAPTOP);
        ExecutorService threads = Executors.newFixedThreadPool(2);
        try (HikariDataSource pool = db.pool(4)) {
            PausingDataSource pausing = new PausingDataSource(pool);
            try (Realm node = Realm.builder().dataSource(pausing).clock(clock).passwordCost(CHEAP)
                    .schemaAction(SchemaAction.NONE).build()) {
                // a sign-in on another node that has written its session and not yet committed
                pausing.pauseAfter("insert into hp_session");
                Future<LoginResult> signIn = threads.submit(() -> node.login(account.username(), PASSWORD, LAPTOP));
                assertTrue(pausing.reached.await(60, TimeUnit.SECONDS), "the sign-in reached its insert");
                Future<Integer> revokeAll = threads.submit(() -> realm.revokeAllSessions(account.id(), "panic"));
                try {
                    // the race is reached for sure: revoke-all is seen waiting for a lock in the database (or, were
                    // it to take none, done), before the sign-in may commit
                    assertTrue(awaitALockWaitOr(revokeAll), "revoke-all waits for the sign-in's lock on the account");
                } finally {
                    pausing.release();
                }
                OpenedSession opened = assertInstanceOf(LoginResult.Success.class, signIn.get(60, TimeUnit.SECONDS))
                        .session();
                int revoked = revokeAll.get(60, TimeUnit.SECONDS);
                assertEquals(Optional.empty(), realm.resolve(opened.token()),
                        "a session committed at the same moment as revoke-all must not survive it");
                assertEquals(Optional.empty(), realm.resolve(before.token()));
                assertEquals(2, revoked);
            }
        } finally {
            threads.shutdownNow();
        }
    }

    /**
     * Waits (at most 60 s) until a transaction of this test's own database is observed waiting for a lock, as the
     * database itself reports it; answers false if {@code other} finished first (it took no lock that had to wait).
     */
    private boolean awaitALockWaitOr(Future<?> other) throws Exception {
        String waiting = switch (kind()) {
            case H2 -> "select count(*) from information_schema.sessions where blocker_id is not null";
            case POSTGRESQL -> "select count(*) from pg_stat_activity where datname = current_database()"
                    + " and wait_event_type = 'Lock'";
            case MARIADB -> "select count(*) from information_schema.innodb_trx t join information_schema.processlist p"
                    + " on p.id = t.trx_mysql_thread_id where t.trx_state = 'LOCK WAIT' and p.db = database()";
        };
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        try (java.sql.Connection c = db.connect(); java.sql.PreparedStatement query = c.prepareStatement(waiting)) {
            while (System.nanoTime() < deadline) {
                if (other.isDone()) {
                    return false;
                }
                try (java.sql.ResultSet r = query.executeQuery()) {
                    if (r.next() && r.getLong(1) > 0) {
                        return true;
                    }
                }
                if (!c.getAutoCommit()) {
                    c.commit();
                }
                Thread.sleep(20);
            }
        }
        throw new AssertionError("nothing was seen waiting for a lock within 60 s");
    }

    // ================================================================================== session limit

    @Test
    void twentySimultaneousSignInsNeverLeaveMoreThanTheLimitLiveWhenNewOnesAreRefused() throws Exception {
        AccountView account = newAccount("limit-refuse");
        List<LoginResult> results = simultaneousSignIns(account, SessionLimit.Policy.REFUSE_NEW);
        assertEquals(LIMIT, results.stream().filter(r -> r instanceof LoginResult.Success).count(), results.toString());
        assertEquals(20 - LIMIT, results.stream().filter(r -> r instanceof LoginResult.TooManySessions).count());
        assertEquals(LIMIT, realm.listSessions(account.id()).size());
        LoginResult.TooManySessions refused = (LoginResult.TooManySessions) results.stream()
                .filter(r -> r instanceof LoginResult.TooManySessions).findFirst().orElseThrow();
        assertEquals(LIMIT, refused.max());
    }

    @Test
    void twentySimultaneousSignInsNeverLeaveMoreThanTheLimitLiveWhenTheOldestEnd() throws Exception {
        AccountView account = newAccount("limit-oldest");
        OpenedSession oldest = login(account, LAPTOP);
        clock.advance(Duration.ofSeconds(1));
        List<LoginResult> results = simultaneousSignIns(account, SessionLimit.Policy.END_OLDEST);
        assertEquals(20, results.stream().filter(r -> r instanceof LoginResult.Success).count(), results.toString());
        List<SessionView> live = realm.listSessions(account.id());
        assertEquals(LIMIT, live.size(), live.toString());
        assertEquals(Optional.empty(), realm.resolve(oldest.token()), "the oldest was ended first");
        List<AuditEvent> revoked = trail(account.id()).stream()
                .filter(e -> e.type() == AuditEvent.Type.SESSION_REVOKED).toList();
        assertEquals(21 - LIMIT, revoked.size());
        assertTrue(revoked.stream().allMatch(e -> "session-limit".equals(e.detail())), revoked.toString());
    }

    @Test
    void theLimitAppliesToSessionsOpenedForAnAccountAuthenticatedElsewhere() {
        AccountView account = newAccount("limit-open");
        try (Realm limited = node(builder().maxSessions(1, SessionLimit.Policy.REFUSE_NEW))) {
            assertEquals(Optional.of(new SessionLimit(1, SessionLimit.Policy.REFUSE_NEW)), limited.sessionLimit());
            limited.open(account.id(), LAPTOP);
            assertThrows(InvalidInputException.class, () -> limited.open(account.id(), LAPTOP));
            assertEquals(1, realm.listSessions(account.id()).size());
        }
        try (Realm limited = node(builder().maxSessions(1, SessionLimit.Policy.END_OLDEST))) {
            OpenedSession newest = limited.open(account.id(), LAPTOP);
            assertEquals(List.of(newest.view().publicId()), realm.listSessions(account.id()).stream()
                    .map(SessionView::publicId).toList());
        }
        assertEquals(Optional.empty(), realm.sessionLimit(), "off by default");
    }

    /** Twenty sign-ins of one account, each from a client of its own, released at once through two nodes. */
    List<LoginResult> simultaneousSignIns(AccountView account, SessionLimit.Policy policy) throws Exception {
        try (Realm first = node(builder().maxSessions(LIMIT, policy).poolSize(8).connectionTimeout(
                Duration.ofSeconds(30)).hashingLimit(8, Duration.ofSeconds(30)));
             Realm second = node(builder().maxSessions(LIMIT, policy).poolSize(8).connectionTimeout(
                     Duration.ofSeconds(30)).hashingLimit(8, Duration.ofSeconds(30)))) {
            return inParallel(20, i -> (i % 2 == 0 ? first : second).login(account.username(), PASSWORD,
                    network(100 + i)));
        }
    }

    OpenedSession login(AccountView account, ClientFacts client, String password) {
        return assertInstanceOf(LoginResult.Success.class, realm.login(account.username(), password, client))
                .session();
    }
}
