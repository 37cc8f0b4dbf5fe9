package io.hallpass.realm.jpa;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.zaxxer.hikari.HikariDataSource;
import io.hallpass.realm.AccountView;
import io.hallpass.realm.AuditEvent;
import io.hallpass.realm.ClientFacts;
import io.hallpass.realm.DuplicateUsernameException;
import io.hallpass.realm.InvalidInputException;
import io.hallpass.realm.LoginResult;
import io.hallpass.realm.OpenedSession;
import io.hallpass.realm.PasswordChange;
import io.hallpass.realm.PasswordCost;
import io.hallpass.realm.PurgeResult;
import io.hallpass.realm.Realm;
import io.hallpass.realm.RealmBuilder;
import io.hallpass.realm.RealmException;
import io.hallpass.realm.RealmUnavailableException;
import io.hallpass.realm.RoleGrant;
import io.hallpass.realm.SchemaAction;
import io.hallpass.realm.SessionView;
import io.hallpass.realm.SignInThrottle;
import io.hallpass.realm.password.PasswordHasher;
import io.hallpass.realm.testing.ScratchDatabase;
import io.hallpass.realm.testing.SwitchableDataSource;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Base64;
import java.util.EnumSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

/**
 * The realm's contract, run unchanged against every supported database (see the subclasses). Each run works in a
 * database of its own, created for it and dropped afterwards. Expiry is tested by moving a fake clock, never by
 * sleeping; nothing asserts on timing.
 */
abstract class RealmContract extends DatabaseContract {

    // START (nanoseconds on purpose: the realm must truncate to what the databases store), CHEAP, PASSWORD, WRONG and
    // LAPTOP are DatabaseContract's
    static final Duration IDLE = Duration.ofMinutes(30);
    static final Duration ABSOLUTE = Duration.ofHours(12);
    static final Duration GRACE = Duration.ofSeconds(10);
    /** The throttle here: a client waits after THRESHOLD failures, first FIRST_WAIT, at most LOCK. */
    static final Duration LOCK = Duration.ofMinutes(15);
    static final Duration FIRST_WAIT = Duration.ofSeconds(1);
    static final int THRESHOLD = 3;
    static final Duration COOL_DOWN = Duration.ofHours(1);

    private final List<String> everyToken = new ArrayList<>();

    @Override
    RealmBuilder builder() {
        return super.builder().signInThrottle(SignInThrottle.defaults().withFreeFailures(THRESHOLD).withMaxDelay(LOCK)
                .withCoolDown(COOL_DOWN));
    }

    @Override
    OpenedSession login(AccountView account, ClientFacts client) {
        LoginResult result = realm.login(account.username(), PASSWORD, client);
        OpenedSession session = assertInstanceOf(LoginResult.Success.class, result).session();
        everyToken.add(session.token());
        return session;
    }

    OpenedSession login(AccountView account) {
        return login(account, LAPTOP);
    }

    <T extends OpenedSession> T remember(T session) {
        everyToken.add(session.token());
        return session;
    }

    // ================================================================================ resolve and expiry

    @Test
    void resolveAfterOpenAnswersTheSessionWithItsRolesAndTimes() {
        AccountView alice = newAccount("alice");
        realm.grantRole(alice.id(), "customer", null, "setup");
        OpenedSession opened = login(alice);
        Instant t0 = now();

        SessionView view = realm.resolve(opened.token()).orElseThrow();
        assertEquals(opened.view().publicId(), view.publicId());
        assertEquals(alice.id(), view.accountId());
        assertEquals(alice.username(), view.username());
        assertEquals(Set.of("customer"), view.roles());
        assertEquals(t0, view.createdAt());
        assertEquals(t0, view.lastSeenAt());
        assertEquals(t0, view.lastAuthenticatedAt());
        assertEquals(t0.plus(IDLE), view.idleExpiresAt());
        assertEquals(t0.plus(ABSOLUTE), view.absoluteExpiresAt());
        assertEquals(stored(LAPTOP), view.client());
        assertTrue(view.newDevice(), "the first login from a device");
        assertEquals(0, view.failuresBeforeLogin());
        assertFalse(view.previousToken());
        assertFalse(opened.toString().contains(opened.token()));
    }

    @Test
    void openForAnAccountAuthenticatedElsewhereAnswersATokenThatResolves() {
        AccountView account = newAccount("sso");
        OpenedSession opened = remember(realm.open(account.id(), ClientFacts.UNKNOWN));
        assertEquals(account.id(), realm.resolve(opened.token()).orElseThrow().accountId());
        assertThrows(InvalidInputException.class, () -> realm.open(-42, ClientFacts.UNKNOWN));
        realm.setEnabled(account.id(), false, "admin");
        assertThrows(InvalidInputException.class, () -> realm.open(account.id(), ClientFacts.UNKNOWN));
    }

    @Test
    void resolveAfterRevokeAnswersNothing() {
        AccountView account = newAccount("revoked");
        OpenedSession opened = login(account);
        assertTrue(realm.revoke(opened.token(), "logout"));
        assertEquals(Optional.empty(), realm.resolve(opened.token()));
        assertFalse(realm.revoke(opened.token(), "logout"), "not live any more");
        assertTrue(realm.listSessions(account.id()).isEmpty());
    }

    @Test
    void resolveAfterAccountDisabledAnswersNothingAndEnablingDoesNotRevive() {
        AccountView account = newAccount("disabled");
        OpenedSession first = login(account);
        OpenedSession second = login(account);
        assertTrue(realm.setEnabled(account.id(), false, "admin"));
        assertEquals(Optional.empty(), realm.resolve(first.token()));
        assertEquals(Optional.empty(), realm.resolve(second.token()));
        assertInstanceOf(LoginResult.Failed.class, realm.login(account.username(), PASSWORD, LAPTOP));
        assertFalse(realm.findAccount(account.id()).orElseThrow().enabled());

        assertTrue(realm.setEnabled(account.id(), true, "admin"));
        assertEquals(Optional.empty(), realm.resolve(first.token()), "disabling ended the sessions for good");
        login(account);
        assertFalse(realm.setEnabled(-1, false, "admin"));
    }

    @Test
    void idleExpiryEndsASessionAndIsAuditedOnce() throws SQLException {
        AccountView account = newAccount("idle");
        OpenedSession opened = login(account);
        clock.advance(IDLE.minusSeconds(1));
        assertTrue(realm.resolve(opened.token()).isPresent(), "one second before the idle limit");

        clock.advance(IDLE);
        assertEquals(Optional.empty(), realm.resolve(opened.token()));
        assertEquals(Optional.empty(), realm.resolve(opened.token()));
        assertEquals("idle-expired", column("select revoked_reason from hp_session where public_id = ?",
                opened.view().publicId()));
        assertEquals(1, types(account).stream().filter(t -> t == AuditEvent.Type.SESSION_EXPIRED).count());
    }

    @Test
    void idleExpirySlidesWithUseAndLastSeenIsWrittenAtMostOncePerTouchInterval() throws SQLException {
        AccountView account = newAccount("sliding");
        OpenedSession opened = login(account);
        Instant t0 = now();
        String publicId = opened.view().publicId();

        // within the touch interval (a tenth of 30 minutes, capped at one minute): nothing is written, but the idle
        // end slides with every use (this node's activity counts before it is written)
        Instant early30s = clock.advance(Duration.ofSeconds(30)).truncatedTo(java.time.temporal.ChronoUnit.MICROS);
        SessionView early = realm.resolve(opened.token()).orElseThrow();
        assertEquals(t0, early.lastSeenAt());
        assertEquals(early30s.plus(IDLE), early.idleExpiresAt());
        ((JpaRealm) realm).flushActivity();
        assertEquals(t0, lastSeen(publicId), "no write inside the touch interval");

        // past it: written by the background writer (flushed here rather than waited for), and the view shows the
        // previous activity
        Instant t1 = clock.advance(Duration.ofMinutes(20)).truncatedTo(java.time.temporal.ChronoUnit.MICROS);
        SessionView touched = realm.resolve(opened.token()).orElseThrow();
        assertEquals(t0, touched.lastSeenAt(), "last-seen as stored before this request");
        assertEquals(t1.plus(IDLE), touched.idleExpiresAt());
        ((JpaRealm) realm).flushActivity();
        assertEquals(t1, lastSeen(publicId));

        // 40 minutes after opening, 20 after the last use: still live
        clock.advance(Duration.ofMinutes(20));
        SessionView later = realm.resolve(opened.token()).orElseThrow();
        assertEquals(t1, later.lastSeenAt());
    }

    @Test
    void aPeekIsNotActivityAndDoesNotSlideTheIdleExpiry() {
        AccountView account = newAccount("peeked");
        OpenedSession opened = login(account);
        Instant t0 = now();
        clock.advance(IDLE.minusMinutes(1));
        SessionView peeked = realm.peek(opened.token()).orElseThrow();
        assertEquals(t0.plus(IDLE), peeked.idleExpiresAt(), "a peek does not slide the idle end");
        assertEquals(IDLE.minusMinutes(1), peeked.longestIdleSinceAuthentication(), "the current gap counts");
        clock.advance(Duration.ofMinutes(2));
        assertEquals(Optional.empty(), realm.peek(opened.token()), "refused and peeked requests kept nobody alive");
    }

    @Test
    void recordedActivitySlidesTheIdleExpiryAndTheLongestGapLastsUntilReauthentication() {
        AccountView account = newAccount("gaps");
        OpenedSession opened = login(account);
        clock.advance(Duration.ofMinutes(10));
        SessionView first = realm.peek(opened.token()).orElseThrow();
        assertEquals(Duration.ofMinutes(10), first.longestIdleSinceAuthentication());
        Instant active = now();
        realm.recordActivity(first);
        clock.advance(Duration.ofMinutes(1));
        SessionView later = realm.peek(opened.token()).orElseThrow();
        assertEquals(active.plus(IDLE), later.idleExpiresAt(), "recorded activity slides the idle end");
        assertEquals(Duration.ofMinutes(10), later.longestIdleSinceAuthentication(),
                "activity after a long gap does not make the gap go away");
        clock.advance(IDLE.minusMinutes(2));
        assertTrue(realm.peek(opened.token()).isPresent(), "alive by the recorded activity alone");

        OpenedSession fresh = remember(realm.markReauthenticated(opened.token(), LAPTOP).orElseThrow());
        assertEquals(Duration.ZERO, realm.peek(fresh.token()).orElseThrow().longestIdleSinceAuthentication(),
                "re-authenticating starts the gaps over");
        clock.advance(Duration.ofMinutes(2));
        assertEquals(Duration.ofMinutes(2), realm.resolve(fresh.token()).orElseThrow()
                .longestIdleSinceAuthentication());
        ((JpaRealm) realm).flushActivity();
        clock.advance(Duration.ofMinutes(1));
        assertEquals(Duration.ofMinutes(2), realm.peek(fresh.token()).orElseThrow().longestIdleSinceAuthentication());
    }

    @Test
    void absoluteExpiryNeverMovesHoweverActiveTheSession() throws SQLException {
        AccountView account = newAccount("absolute");
        OpenedSession opened = login(account);
        Instant t0 = now();
        while (clock.instant().plus(Duration.ofMinutes(20)).isBefore(t0.plus(ABSOLUTE))) {
            clock.advance(Duration.ofMinutes(20));
            SessionView view = realm.resolve(opened.token()).orElseThrow();
            assertEquals(t0.plus(ABSOLUTE), view.absoluteExpiresAt());
            assertFalse(view.idleExpiresAt().isAfter(view.absoluteExpiresAt()), "idle expiry capped by absolute");
        }
        clock.set(t0.plus(ABSOLUTE));
        assertEquals(Optional.empty(), realm.resolve(opened.token()));
        assertEquals("absolute-expired", column("select revoked_reason from hp_session where public_id = ?",
                opened.view().publicId()));
    }

    @Test
    void aShortenedAbsoluteTimeoutAppliesToSessionsOpenedBefore() {
        AccountView account = newAccount("shortened");
        OpenedSession opened = login(account);
        try (Realm strict = builder().absoluteTimeout(Duration.ofHours(1)).schemaAction(SchemaAction.NONE).build()) {
            clock.advance(Duration.ofMinutes(29));
            SessionView view = strict.resolve(opened.token()).orElseThrow();
            assertEquals(opened.view().createdAt().plus(Duration.ofHours(1)), view.absoluteExpiresAt());
            clock.advance(Duration.ofMinutes(29));
            assertTrue(strict.resolve(opened.token()).isPresent());
            clock.advance(Duration.ofMinutes(2));
            assertEquals(Optional.empty(), strict.resolve(opened.token()));
        }
        assertEquals(Optional.empty(), realm.resolve(opened.token()), "it was marked expired");
    }

    @Test
    void anExpiredGrantDropsOutOfTheRolesByItself() {
        AccountView account = newAccount("contractor");
        Instant until = now().plus(Duration.ofMinutes(50));
        assertTrue(realm.grantRole(account.id(), "contractor", until, "hr"));
        assertTrue(realm.grantRole(account.id(), "customer", null, "hr"));
        OpenedSession opened = login(account);
        assertEquals(Set.of("contractor", "customer"), realm.resolve(opened.token()).orElseThrow().roles());
        assertEquals(Set.of("contractor", "customer"), realm.findAccount(account.id()).orElseThrow().roles());

        clock.advance(Duration.ofMinutes(25));
        assertEquals(Set.of("contractor", "customer"), realm.resolve(opened.token()).orElseThrow().roles());
        clock.advance(Duration.ofMinutes(25));
        assertEquals(Set.of("customer"), realm.resolve(opened.token()).orElseThrow().roles());
        assertEquals(Set.of("customer"), realm.findAccount(account.id()).orElseThrow().roles());

        List<RoleGrant> grants = realm.listGrants(account.id());
        assertEquals(List.of("contractor", "customer"), grants.stream().map(RoleGrant::role).toList());
        assertEquals(until, grants.get(0).expiresAt());
        assertFalse(grants.get(0).activeAt(now()));
        assertEquals("hr", grants.get(1).grantedBy());

        assertTrue(realm.revokeRole(account.id(), "customer", "hr"));
        assertFalse(realm.revokeRole(account.id(), "customer", "hr"));
        assertEquals(Set.of(), realm.resolve(opened.token()).orElseThrow().roles(), "effective at once");
        assertTrue(realm.grantRole(account.id(), "contractor", null, "hr"), "a new grant replaces the old one");
        assertEquals(1, realm.listGrants(account.id()).size());
        assertEquals(Set.of("contractor"), realm.resolve(opened.token()).orElseThrow().roles());
        assertThrows(InvalidInputException.class,
                () -> realm.grantRole(account.id(), "late", now().minusSeconds(1), "hr"));
        assertFalse(realm.grantRole(-7, "customer", null, "hr"));
    }

    // ========================================================== throttle (the attacks: SignInContract)

    @Test
    void pastItsFreeFailuresAClientWaitsAndEvenTheRightPasswordIsNotVerified() {
        AccountView account = newAccount("locked");
        for (int i = 0; i < THRESHOLD; i++) {
            assertInstanceOf(LoginResult.Failed.class, realm.login(account.username(), WRONG, LAPTOP));
        }
        Instant lockedAt = now();
        LoginResult.Locked wrong = assertInstanceOf(LoginResult.Locked.class,
                realm.login(account.username(), WRONG, LAPTOP));
        assertEquals(lockedAt.plus(FIRST_WAIT), wrong.until());
        assertEquals(FIRST_WAIT.toSeconds(), wrong.retryAfterSeconds(now()));
        assertInstanceOf(LoginResult.Locked.class, realm.login(account.username(), PASSWORD, LAPTOP),
                "refused without verifying: the right password is not even looked at");
        assertEquals(THRESHOLD, count(account, AuditEvent.Type.LOGIN_FAILED), "waiting attempts are not verified");
        assertEquals(1, count(account, AuditEvent.Type.LOGIN_LOCKED), "one audit event when the client starts waiting");

        clock.advance(FIRST_WAIT.minusNanos(1_000));
        assertInstanceOf(LoginResult.Locked.class, realm.login(account.username(), PASSWORD, LAPTOP));
        clock.advance(Duration.ofNanos(1_000));
        LoginResult.Success ok = assertInstanceOf(LoginResult.Success.class,
                realm.login(account.username(), PASSWORD, LAPTOP));
        everyToken.add(ok.session().token());
    }

    @Test
    void successResetsTheCountAndReportsTheFailuresBeforeIt() {
        AccountView account = newAccount("reset");
        for (int i = 0; i < THRESHOLD - 1; i++) {
            assertInstanceOf(LoginResult.Failed.class, realm.login(account.username(), WRONG, LAPTOP));
        }
        LoginResult.Success ok = assertInstanceOf(LoginResult.Success.class,
                realm.login(account.username().toUpperCase(Locale.ROOT), PASSWORD, LAPTOP));
        everyToken.add(ok.session().token());
        assertEquals(THRESHOLD - 1, ok.recentFailures());
        assertEquals(THRESHOLD - 1, realm.resolve(ok.session().token()).orElseThrow().failuresBeforeLogin());
        for (int i = 0; i < THRESHOLD - 1; i++) {
            assertInstanceOf(LoginResult.Failed.class, realm.login(account.username(), WRONG, LAPTOP));
        }
        assertInstanceOf(LoginResult.Success.class, realm.login(account.username(), PASSWORD, LAPTOP),
                "the count started over after the success");
    }

    @Test
    void failuresOlderThanTheCoolDownAreForgotten() {
        AccountView account = newAccount("window");
        for (int i = 0; i < THRESHOLD - 1; i++) {
            assertInstanceOf(LoginResult.Failed.class, realm.login(account.username(), WRONG, LAPTOP));
        }
        clock.advance(COOL_DOWN);
        assertInstanceOf(LoginResult.Failed.class, realm.login(account.username(), WRONG, LAPTOP));
        assertInstanceOf(LoginResult.Failed.class, realm.login(account.username(), WRONG, LAPTOP));
        LoginResult.Success ok = assertInstanceOf(LoginResult.Success.class,
                realm.login(account.username(), PASSWORD, LAPTOP));
        everyToken.add(ok.session().token());
        assertEquals(2, ok.recentFailures());
    }

    @Test
    void unknownUsernamesAreCountedAndLockedTheSameWayWithoutStoringTheName() {
        String ghost = uniqueName("ghost") + "-Hunter2Password";
        for (int i = 0; i < THRESHOLD; i++) {
            assertInstanceOf(LoginResult.Failed.class, realm.login(ghost, WRONG, LAPTOP));
        }
        assertInstanceOf(LoginResult.Locked.class, realm.login(ghost, WRONG, LAPTOP));
        List<AuditEvent> trail = realm.auditTrail(null, 50).stream()
                .filter(e -> e.type() == AuditEvent.Type.LOGIN_FAILED && e.accountId() == null).toList();
        assertFalse(trail.isEmpty());
        for (AuditEvent e : trail) {
            assertTrue(e.username().matches("unknown:[0-9a-f]{12}"), e.username());
            assertFalse(e.toString().toLowerCase(Locale.ROOT).contains("hunter2"));
        }
    }

    @Test
    void parallelFailedLoginsOnOneUsernameNeverPassTheThreshold() throws Exception {
        AccountView account = newAccount("storm");
        int threads = 8;
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            CountDownLatch go = new CountDownLatch(1);
            List<Future<LoginResult>> results = new ArrayList<>();
            for (int i = 0; i < threads; i++) {
                results.add(pool.submit(() -> {
                    go.await();
                    return realm.login(account.username(), WRONG, LAPTOP);
                }));
            }
            go.countDown();
            int failed = 0;
            int locked = 0;
            for (Future<LoginResult> f : results) {
                LoginResult r = f.get(60, TimeUnit.SECONDS);
                if (r instanceof LoginResult.Failed) {
                    failed++;
                } else if (r instanceof LoginResult.Locked) {
                    locked++;
                }
            }
            assertEquals(THRESHOLD, failed, "exactly the threshold was verified");
            assertEquals(threads - THRESHOLD, locked);
            assertEquals(THRESHOLD, count(account, AuditEvent.Type.LOGIN_FAILED));
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void parallelFirstAttemptsOnAnUnknownNameNeverWriteTheNameToAnyLog() throws Exception {
        // what was typed as a username may be a password: a lost race on creating its throttle counter must not
        // put it in a duplicate-key message that Hibernate logs
        String typed = uniqueName("hunter2-typed-in-the-wrong-field");
        List<java.util.logging.LogRecord> records = java.util.Collections.synchronizedList(new ArrayList<>());
        java.util.logging.Handler capture = new java.util.logging.Handler() {
            @Override
            public void publish(java.util.logging.LogRecord record) {
                records.add(record);
            }

            @Override
            public void flush() {
            }

            @Override
            public void close() {
            }
        };
        java.util.logging.Logger root = java.util.logging.Logger.getLogger("");
        root.addHandler(capture);
        ExecutorService pool = Executors.newFixedThreadPool(6);
        try {
            CountDownLatch go = new CountDownLatch(1);
            List<Future<LoginResult>> results = new ArrayList<>();
            for (int i = 0; i < 6; i++) {
                results.add(pool.submit(() -> {
                    go.await();
                    return realm.login(typed, WRONG, LAPTOP);
                }));
            }
            go.countDown();
            for (Future<LoginResult> f : results) {
                assertTrue(f.get(60, TimeUnit.SECONDS) instanceof LoginResult.Failed
                        || f.get() instanceof LoginResult.Locked);
            }
        } finally {
            pool.shutdownNow();
            root.removeHandler(capture);
        }
        assertFalse(records.isEmpty(), "the audit log lines were captured");
        String name = typed.toLowerCase(Locale.ROOT);
        synchronized (records) {
            for (java.util.logging.LogRecord r : records) {
                String text = String.valueOf(r.getMessage()) + " " + String.valueOf(r.getThrown());
                assertFalse(text.toLowerCase(Locale.ROOT).contains(name), "logged: " + text);
            }
        }
    }

    /**
     * The decoy hash, observed: a sign-in with a name no account has, or with a disabled account, runs exactly the one
     * Argon2id verification that a wrong password runs, so neither is told apart by the work it costs. (Counted, not
     * timed: the counter is the hasher's own.)
     */
    @Test
    void anUnknownUsernameCostsExactlyOneArgon2idVerificationLikeAWrongPassword() {
        AccountView account = newAccount("decoy");
        AccountView disabled = newAccount("decoy-disabled");
        assertTrue(realm.setEnabled(disabled.id(), false, "admin"));
        PasswordHasher hasher = ((JpaRealm) realm).hasher();

        assertEquals(1, argon2Runs(hasher, () -> assertInstanceOf(LoginResult.Failed.class,
                realm.login(account.username(), WRONG, client(1)))), "a wrong password");
        assertEquals(1, argon2Runs(hasher, () -> assertInstanceOf(LoginResult.Failed.class,
                realm.login(uniqueName("nobody-has-this-name"), WRONG, client(2)))), "an unknown username");
        assertEquals(1, argon2Runs(hasher, () -> assertInstanceOf(LoginResult.Failed.class,
                realm.login(disabled.username(), PASSWORD, client(3)))), "a disabled account");
        assertEquals(1, argon2Runs(hasher, () -> assertInstanceOf(LoginResult.Success.class,
                realm.login(account.username(), PASSWORD, client(4)))), "the right password");
    }

    private static ClientFacts client(int n) {
        return new ClientFacts("192.0.2." + (100 + n), "Firefox/140", "device-decoy-" + n);
    }

    /** How many Argon2id computations {@code action} ran on {@code hasher}. */
    private static long argon2Runs(PasswordHasher hasher, Runnable action) {
        long before = hasher.computations();
        action.run();
        return hasher.computations() - before;
    }

    @Test
    @SuppressWarnings("try") // the permits are held, not used
    void busyWhenEveryHashingPermitIsTakenAndNothingIsCounted() throws SQLException {
        AccountView account = newAccount("busy");
        OpenedSession opened = login(account);
        String countersBefore = counters();
        try (Realm bounded = builder().hashingLimit(1, Duration.ZERO).hashingReserve(1)
                .schemaAction(SchemaAction.NONE).build()) {
            PasswordHasher hasher = ((JpaRealm) bounded).hasher();
            try (PasswordHasher.Permit taken = hasher.tryAcquire(Duration.ZERO);
                 PasswordHasher.Permit reserve = hasher.tryAcquireReserved(Duration.ZERO)) {
                assertInstanceOf(LoginResult.Busy.class, bounded.login(account.username(), WRONG, LAPTOP));
                assertInstanceOf(LoginResult.Busy.class, bounded.reauthenticate(opened.token(), "wrong", LAPTOP));
                assertInstanceOf(PasswordChange.Busy.class,
                        bounded.changePassword(account.id(), WRONG, "another password 1", null));
            }
            assertEquals(1, hasher.availablePermits());
            assertEquals(1, hasher.availableReserve());
        }
        assertEquals(countersBefore, counters());
        assertEquals(0, count(account, AuditEvent.Type.LOGIN_FAILED));
        assertEquals(0, count(account, AuditEvent.Type.REAUTH_FAILED));
    }

    // ===================================================================== rotation and re-authentication

    @Test
    void rotationKeepsTheOldTokenForTheGraceWithTheOldStampOnly() {
        AccountView account = newAccount("rotation");
        OpenedSession old = login(account);
        Instant loggedInAt = now();

        Instant reauthAt = clock.advance(Duration.ofMinutes(5)).truncatedTo(java.time.temporal.ChronoUnit.MICROS);
        ClientFacts phone = new ClientFacts("198.51.100.7", "Mobile Safari", "device-phone");
        OpenedSession fresh = remember(realm.markReauthenticated(old.token(), phone).orElseThrow());
        assertNotEquals(old.token(), fresh.token());
        assertEquals(old.view().publicId(), fresh.view().publicId(), "the same session");
        assertEquals(reauthAt, fresh.view().lastAuthenticatedAt());

        SessionView viaOld = realm.resolve(old.token()).orElseThrow();
        assertTrue(viaOld.previousToken());
        assertEquals(loggedInAt, viaOld.lastAuthenticatedAt(), "the old token never carries the new stamp");
        SessionView viaNew = realm.resolve(fresh.token()).orElseThrow();
        assertFalse(viaNew.previousToken());
        assertEquals(reauthAt, viaNew.lastAuthenticatedAt());
        assertEquals(stored(phone), viaNew.client());

        assertEquals(Optional.empty(), realm.rotate(old.token()), "the old token can not rotate");
        assertEquals(Optional.empty(), realm.markReauthenticated(old.token(), phone), "nor be re-stamped");

        clock.advance(GRACE.minusNanos(1000));
        assertTrue(realm.resolve(old.token()).isPresent(), "still inside the grace");
        clock.advance(Duration.ofNanos(1000));
        assertEquals(Optional.empty(), realm.resolve(old.token()), "dead after the grace");
        assertEquals(reauthAt, realm.resolve(fresh.token()).orElseThrow().lastAuthenticatedAt());

        OpenedSession third = remember(realm.rotate(fresh.token()).orElseThrow());
        assertEquals(reauthAt, realm.resolve(third.token()).orElseThrow().lastAuthenticatedAt(),
                "a plain rotation keeps the stamp");
        assertEquals(reauthAt, realm.resolve(fresh.token()).orElseThrow().lastAuthenticatedAt());
    }

    @Test
    void revokingWithTheOldTokenInsideTheGraceEndsTheSession() {
        AccountView account = newAccount("revoke-old");
        OpenedSession old = login(account);
        OpenedSession fresh = remember(realm.rotate(old.token()).orElseThrow());
        assertTrue(realm.revoke(old.token(), "logout"));
        assertEquals(Optional.empty(), realm.resolve(fresh.token()));
        assertEquals(Optional.empty(), realm.resolve(old.token()));
    }

    @Test
    void reauthenticateVerifiesTheSessionsOwnPasswordCountsFailuresAndRotates() {
        AccountView account = newAccount("reauth");
        OpenedSession old = login(account);
        assertInstanceOf(LoginResult.Failed.class, realm.reauthenticate(old.token(), WRONG, LAPTOP));
        assertInstanceOf(LoginResult.Failed.class, realm.reauthenticate("hp1_garbage", PASSWORD, LAPTOP));

        Instant at = clock.advance(Duration.ofMinutes(3)).truncatedTo(java.time.temporal.ChronoUnit.MICROS);
        LoginResult.Success ok = assertInstanceOf(LoginResult.Success.class,
                realm.reauthenticate(old.token(), PASSWORD, LAPTOP));
        everyToken.add(ok.session().token());
        assertEquals(1, ok.recentFailures());
        assertFalse(ok.newDevice(), "the laptop is known since the login");
        assertEquals(at, realm.resolve(ok.session().token()).orElseThrow().lastAuthenticatedAt());
        assertTrue(realm.resolve(old.token()).orElseThrow().previousToken());

        // failures are throttled as sign-ins are, with the session as the client: the session waits, nobody else
        for (int i = 0; i < THRESHOLD; i++) {
            assertInstanceOf(LoginResult.Failed.class,
                    realm.reauthenticate(ok.session().token(), WRONG, LAPTOP));
        }
        assertInstanceOf(LoginResult.Locked.class, realm.reauthenticate(ok.session().token(), PASSWORD, LAPTOP));
        everyToken.add(assertInstanceOf(LoginResult.Success.class,
                realm.login(account.username(), PASSWORD, LAPTOP)).session().token());
    }

    @Test
    void newDevicesAreFlaggedAndRememberedAfterASuccessfulLogin() {
        AccountView account = newAccount("devices");
        LoginResult.Success first = assertInstanceOf(LoginResult.Success.class,
                realm.login(account.username(), PASSWORD, LAPTOP));
        everyToken.add(first.session().token());
        assertTrue(first.newDevice());
        LoginResult.Success again = assertInstanceOf(LoginResult.Success.class,
                realm.login(account.username(), PASSWORD, LAPTOP));
        everyToken.add(again.session().token());
        assertFalse(again.newDevice());
        assertFalse(realm.resolve(again.session().token()).orElseThrow().newDevice());
        LoginResult.Success none = assertInstanceOf(LoginResult.Success.class,
                realm.login(account.username(), PASSWORD, ClientFacts.UNKNOWN));
        everyToken.add(none.session().token());
        assertTrue(none.newDevice(), "no device id at all counts as new");
        assertEquals(2, count(account, AuditEvent.Type.NEW_DEVICE));
    }

    // ============================================================================ sessions of an account

    @Test
    void listRevokeOneRevokeOthersAndRevokeAll() {
        AccountView account = newAccount("many");
        OpenedSession a = login(account);
        clock.advance(Duration.ofSeconds(1));
        OpenedSession b = login(account);
        clock.advance(Duration.ofSeconds(1));
        OpenedSession c = login(account);
        assertEquals(List.of(c.view().publicId(), b.view().publicId(), a.view().publicId()),
                realm.listSessions(account.id()).stream().map(SessionView::publicId).toList(), "newest first");

        AccountView other = newAccount("other");
        assertFalse(realm.revokeSession(other.id(), a.view().publicId(), "x"), "scoped to the account");
        assertTrue(realm.resolve(a.token()).isPresent());
        assertTrue(realm.revokeSession(account.id(), a.view().publicId(), "user"));
        assertFalse(realm.revokeSession(account.id(), a.view().publicId(), "user"));

        assertEquals(1, realm.revokeOtherSessions(account.id(), c.view().publicId(), "sign out elsewhere"));
        assertEquals(List.of(c.view().publicId()),
                realm.listSessions(account.id()).stream().map(SessionView::publicId).toList());
        assertEquals(Optional.empty(), realm.resolve(b.token()));
        assertEquals(1, realm.revokeAllSessions(account.id(), "panic"));
        assertEquals(List.of(), realm.listSessions(account.id()));
        assertEquals(0, realm.revokeAllSessions(account.id(), "panic"));
    }

    @Test
    void aSessionOpenedWhileTheAccountIsBeingDisabledCanNotComeBackWhenItIsEnabled() throws Exception {
        AccountView account = newAccount("race-disable");
        ExecutorService pool = Executors.newSingleThreadExecutor();
        try (Connection admin = db.connect()) {
            // another node disabling the account: row locked and changed, not yet committed
            admin.setAutoCommit(false);
            try (PreparedStatement lock = admin.prepareStatement("select id from hp_account where id = ? for update");
                 PreparedStatement disable = admin.prepareStatement("update hp_account set enabled = ? where id = ?")) {
                lock.setLong(1, account.id());
                lock.executeQuery().close();
                disable.setBoolean(1, false);
                disable.setLong(2, account.id());
                disable.executeUpdate();
            }
            Future<OpenedSession> opening = pool.submit(() -> remember(realm.open(account.id(), LAPTOP)));
            // give the open a moment to reach the database; the verdict below does not depend on it
            Thread.sleep(300);
            admin.commit();
            try {
                OpenedSession opened = opening.get(60, TimeUnit.SECONDS);
                realm.setEnabled(account.id(), true, "admin");
                assertEquals(Optional.empty(), realm.resolve(opened.token()),
                        "a session opened past a disable must not live again");
            } catch (java.util.concurrent.ExecutionException e) {
                assertInstanceOf(InvalidInputException.class, e.getCause(), "it waited and saw the account disabled");
            }
        } finally {
            pool.shutdownNow();
        }
    }

    // ========================================================================================= passwords

    @Test
    void changePasswordChecksTheCurrentOneAndEndsTheOtherSessions() {
        AccountView account = newAccount("change");
        OpenedSession keep = login(account);
        OpenedSession other = login(account);
        assertInstanceOf(PasswordChange.Rejected.class,
                realm.changePassword(account.id(), WRONG, "new password 123", keep.view().publicId()));
        PasswordChange.Changed changed = assertInstanceOf(PasswordChange.Changed.class,
                realm.changePassword(account.id(), PASSWORD, "new password 123", keep.view().publicId()));
        assertEquals(1, changed.otherSessionsRevoked());
        OpenedSession kept = remember(changed.kept().orElseThrow());
        assertEquals(keep.view().publicId(), realm.resolve(kept.token()).orElseThrow().publicId(),
                "the session stays, under a new token (AccountSessionsContract shows the old one stops)");
        assertEquals(Optional.empty(), realm.resolve(other.token()));
        assertInstanceOf(LoginResult.Failed.class, realm.login(account.username(), PASSWORD, LAPTOP));
        everyToken.add(assertInstanceOf(LoginResult.Success.class,
                realm.login(account.username(), "new password 123", LAPTOP)).session().token());
        assertInstanceOf(PasswordChange.Rejected.class,
                realm.changePassword(-3, PASSWORD, "new password 456", null));
        assertThrows(InvalidInputException.class,
                () -> realm.changePassword(account.id(), "new password 123", "short", null));
    }

    @Test
    void changePasswordFailuresAreThrottledLikeSignIns() {
        AccountView account = newAccount("change-lock");
        for (int i = 0; i < THRESHOLD; i++) {
            assertInstanceOf(PasswordChange.Rejected.class,
                    realm.changePassword(account.id(), WRONG, "new password 123", null));
        }
        assertInstanceOf(PasswordChange.Locked.class,
                realm.changePassword(account.id(), PASSWORD, "new password 123", null));
        everyToken.add(assertInstanceOf(LoginResult.Success.class,
                realm.login(account.username(), PASSWORD, LAPTOP), "another client is not slowed by it")
                .session().token());
    }

    @Test
    void anAdministratorsResetEndsEverySessionAndLiftsTheLock() throws SQLException {
        AccountView account = newAccount("reset-admin");
        OpenedSession opened = login(account);
        for (int i = 0; i < THRESHOLD; i++) {
            realm.login(account.username(), WRONG, LAPTOP);
        }
        Instant at = clock.advance(Duration.ofMinutes(1)).truncatedTo(java.time.temporal.ChronoUnit.MICROS);
        assertTrue(realm.setPassword(account.id(), "brand new password", "helpdesk"));
        assertEquals(Optional.empty(), realm.resolve(opened.token()));
        assertEquals(at, realm.findAccount(account.id()).orElseThrow().passwordChangedAt());
        everyToken.add(assertInstanceOf(LoginResult.Success.class,
                realm.login(account.username(), "brand new password", LAPTOP)).session().token());
        assertFalse(realm.setPassword(-5, "brand new password", "helpdesk"));
    }

    @Test
    void aStrongerConfiguredCostRehashesTheStoredHashAtTheNextLogin() throws SQLException {
        AccountView account = newAccount("rehash");
        String before = column("select password_hash from hp_account where id = ?", account.id());
        assertTrue(before.startsWith("$argon2id$v=19$m=64,t=1,p=1$"), before);
        try (Realm stronger = builder().passwordCost(new PasswordCost(128, 2, 1)).schemaAction(SchemaAction.NONE)
                .build()) {
            everyToken.add(assertInstanceOf(LoginResult.Success.class,
                    stronger.login(account.username(), PASSWORD, LAPTOP)).session().token());
        }
        String after = column("select password_hash from hp_account where id = ?", account.id());
        assertTrue(after.startsWith("$argon2id$v=19$m=128,t=2,p=1$"), after);
        assertEquals(account.passwordChangedAt(), realm.findAccount(account.id()).orElseThrow().passwordChangedAt(),
                "the same password, only stored more strongly");
        everyToken.add(login(account).token());
    }

    @Test
    void aCorruptStoredHashFailsTheLoginWithoutCrashing() throws SQLException {
        AccountView account = newAccount("corrupt");
        try (Connection c = db.connect();
             PreparedStatement s = c.prepareStatement("update hp_account set password_hash = ? where id = ?")) {
            s.setString(1, "$argon2id$v=19$m=64,t=1,p=1$broken");
            s.setLong(2, account.id());
            s.executeUpdate();
            if (!c.getAutoCommit()) {
                c.commit();
            }
        }
        assertInstanceOf(LoginResult.Failed.class, realm.login(account.username(), PASSWORD, LAPTOP));
        assertTrue(realm.setPassword(account.id(), "repaired password", "helpdesk"));
        everyToken.add(assertInstanceOf(LoginResult.Success.class,
                realm.login(account.username(), "repaired password", LAPTOP)).session().token());
    }

    // ========================================================================================== accounts

    @Test
    void aDuplicateUsernameIsATypedErrorAndExactlyNormalisedNamesStayApart() {
        String name = uniqueName("Bob");
        AccountView bob = realm.createAccount(name, PASSWORD);
        assertEquals(name.toLowerCase(Locale.ROOT), bob.username());
        DuplicateUsernameException e = assertThrows(DuplicateUsernameException.class,
                () -> realm.createAccount("  " + name.toUpperCase(Locale.ROOT) + " ", "another password"));
        assertEquals(bob.username(), e.username());

        // the database must not fold what the realm keeps apart (MariaDB's default collations would)
        String suffix = uniqueName("");
        AccountView plain = realm.createAccount("resume" + suffix, PASSWORD);
        AccountView accented = realm.createAccount("r\u00e9sum\u00e9" + suffix, PASSWORD);
        assertNotEquals(plain.id(), accented.id());
        assertEquals(accented.id(), realm.findAccount("R\u00c9SUM\u00c9" + suffix).orElseThrow().id());
        assertEquals(plain.id(), realm.findAccount("resume" + suffix).orElseThrow().id());
        assertEquals("r\u00e9sum\u00e9" + suffix, realm.findAccount(accented.id()).orElseThrow().username());
        assertTrue(realm.listAccounts().stream().anyMatch(a -> a.id() == accented.id()));
        assertEquals(Optional.empty(), realm.findAccount("nobody-" + suffix));
    }

    @Test
    void timestampsRoundTripExactlyAcrossDaylightSavingGapsAndPast2038() throws SQLException {
        // 02:30 UTC on 8 March 2026 does not exist as a New York wall-clock time (the tests run in that zone)
        for (Instant at : List.of(Instant.parse("2026-03-08T02:30:00.123456789Z"),
                Instant.parse("2040-01-19T03:14:08.999999999Z"), Instant.parse("2026-11-01T05:30:00.000001Z"))) {
            clock.set(at);
            AccountView account = newAccount("time");
            Instant expected = at.truncatedTo(java.time.temporal.ChronoUnit.MICROS);
            assertEquals(expected, account.createdAt());
            assertEquals(expected, realm.findAccount(account.id()).orElseThrow().createdAt());
            Instant until = Instant.parse("2099-12-31T23:59:59.999999Z");
            realm.grantRole(account.id(), "time", until, "test");
            assertEquals(until, realm.listGrants(account.id()).get(0).expiresAt());
            try (Connection c = db.connect();
                 PreparedStatement s = c.prepareStatement("select created_at from hp_account where id = ?")) {
                s.setLong(1, account.id());
                try (ResultSet rs = s.executeQuery()) {
                    assertTrue(rs.next());
                    assertEquals(LocalDateTime.ofInstant(expected, ZoneOffset.UTC),
                            rs.getObject(1, LocalDateTime.class), "stored as UTC wall-clock time");
                }
            }
        }
    }

    // ============================================================================================= audit

    @Test
    void everyKindOfEventIsAuditedAndNoRowHoldsATokenOrPassword() {
        AccountView account = newAccount("audited");
        realm.grantRole(account.id(), "auditor", null, "admin");
        realm.revokeRole(account.id(), "auditor", "admin");
        for (int i = 0; i < THRESHOLD; i++) {
            realm.login(account.username(), WRONG, LAPTOP);
        }
        clock.advance(LOCK);
        OpenedSession session = login(account);
        realm.reauthenticate(session.token(), WRONG, LAPTOP);
        OpenedSession rotated = assertInstanceOf(LoginResult.Success.class,
                realm.reauthenticate(session.token(), PASSWORD, LAPTOP)).session();
        everyToken.add(rotated.token());
        OpenedSession kept = remember(assertInstanceOf(PasswordChange.Changed.class,
                realm.changePassword(account.id(), PASSWORD, "the second password", rotated.view().publicId()))
                .kept().orElseThrow());
        assertTrue(realm.revoke(kept.token(), "logout"));
        OpenedSession idle = remember(realm.open(account.id(), LAPTOP));
        clock.advance(IDLE);
        assertEquals(Optional.empty(), realm.resolve(idle.token()));
        realm.setEnabled(account.id(), false, "admin");
        realm.setEnabled(account.id(), true, "admin");
        realm.audit(AuditEvent.Type.RISK_SIGNAL, account.id(), idle.view().publicId(), "203.0.113.9",
                "network changed");
        realm.audit(AuditEvent.Type.STEP_UP_REQUIRED, account.id(), null, null, "GET /payout\nforged line");

        List<AuditEvent> trail = realm.auditTrail(account.id(), 1000);
        Set<AuditEvent.Type> seen = EnumSet.noneOf(AuditEvent.Type.class);
        trail.forEach(e -> seen.add(e.type()));
        assertEquals(EnumSet.allOf(AuditEvent.Type.class), seen);
        for (AuditEvent e : trail) {
            for (String token : everyToken) {
                assertFalse(e.toString().contains(token.substring(4, 20)), "no token in " + e);
            }
            assertFalse(e.toString().contains(PASSWORD) || e.toString().contains(WRONG));
        }
        assertTrue(trail.stream().anyMatch(e -> "GET /payout?forged line".equals(e.detail())),
                "control characters are replaced, so no line can be forged in logs");
        assertTrue(trail.get(0).at().compareTo(trail.get(trail.size() - 1).at()) >= 0, "newest first");
        assertEquals(2, realm.auditTrail(account.id(), 2).size());
    }

    @Test
    void noTokenPasswordOrTokenFragmentIsStoredInAnyColumnOfAnyTable() throws SQLException {
        AccountView account = newAccount("at-rest");
        OpenedSession a = login(account);
        OpenedSession b = remember(realm.rotate(a.token()).orElseThrow());
        OpenedSession c = remember(realm.markReauthenticated(b.token(), LAPTOP).orElseThrow());
        everyToken.add(assertInstanceOf(LoginResult.Success.class,
                realm.reauthenticate(c.token(), PASSWORD, LAPTOP)).session().token());
        remember(realm.open(account.id(), ClientFacts.UNKNOWN));
        realm.revoke(c.token(), "logout");

        List<String> needles = new ArrayList<>();
        for (String token : everyToken) {
            needles.add(token);
            needles.add(token.substring(4, 47));                          // the random part
            needles.add(token.substring(token.length() - 16));            // a suffix
            byte[] random = Base64.getUrlDecoder().decode(token.substring(4, 47));
            needles.add(HexFormat.of().formatHex(random));                 // its bytes, as hex
            needles.add(new String(random, StandardCharsets.ISO_8859_1));  // and raw
        }
        needles.add(PASSWORD);
        needles.add(WRONG);

        int values = 0;
        try (Connection conn = db.connect()) {
            for (String table : hpTables(conn)) {
                try (Statement s = conn.createStatement(); ResultSet rs = s.executeQuery("select * from " + table)) {
                    ResultSetMetaData md = rs.getMetaData();
                    while (rs.next()) {
                        for (int i = 1; i <= md.getColumnCount(); i++) {
                            Object value = rs.getObject(i);
                            if (value == null) {
                                continue;
                            }
                            values++;
                            List<String> forms = value instanceof byte[] bytes
                                    ? List.of(HexFormat.of().formatHex(bytes),
                                    new String(bytes, StandardCharsets.ISO_8859_1))
                                    : List.of(value.toString());
                            for (String form : forms) {
                                for (String needle : needles) {
                                    assertFalse(form.contains(needle), table + "." + md.getColumnName(i)
                                            + " holds a token, a fragment of one, or a password");
                                }
                            }
                        }
                    }
                }
            }
        }
        assertTrue(values > 50, "the dump saw the data (" + values + " values)");
    }

    // ============================================================================================= purge

    /**
     * A node records activity in memory and writes last-seen at most a touch interval (here a minute) plus one flush
     * (a second) late; until then the stored last-seen looks idle, while the node that served the user keeps the
     * session alive by its own activity. The purge, run by any node or the command line, must not delete such a row.
     */
    /** The client facts as a session row keeps them: the device cookie only as its fingerprint. */
    static ClientFacts stored(ClientFacts facts) {
        return new ClientFacts(facts.ip(), facts.userAgent(), Devices.fingerprint(facts.deviceId()));
    }

    /**
     * The device cookie lets its holder past the account's sign-in ceiling, so whoever reads the session table (or a
     * log of what is sent to it) must not be able to present it.
     */
    @Test
    void theDeviceCookieIsStoredOnlyAsItsHash() throws SQLException {
        OpenedSession session = login(newAccount("device-at-rest"), LAPTOP);
        String deviceId = LAPTOP.deviceId();
        assertEquals("0", column("select count(*) from hp_session where device_id = ?", deviceId),
                "the cookie in clear on a session row");
        assertEquals(Devices.fingerprint(deviceId),
                column("select device_id from hp_session where public_id = ?", session.view().publicId()));
        assertEquals(43, Devices.fingerprint(deviceId).length(), "base64url SHA-256, no padding");
    }

    @Test
    void purgeLeavesASessionThatAnotherNodeMayStillBeKeepingAliveInMemory() throws SQLException {
        OpenedSession session = login(newAccount("purge-late"));
        String row = "select count(*) from hp_session where public_id = ?";
        Duration lateness = Duration.ofMinutes(1).plusSeconds(1);
        clock.advance(IDLE.plus(lateness).minusMillis(1)); // idle by its stored last-seen, yet within the lateness
        realm.purge(100);
        assertEquals("1", column(row, session.view().publicId()), "purged while a node may still hold it alive");

        clock.advance(Duration.ofMillis(1)); // exactly the lateness past the stored idle end
        realm.purge(100);
        assertEquals("0", column(row, session.view().publicId()), "kept past the idle end and the lateness");
    }

    @Test
    void purgeDeletesExpiredAndRevokedRowsInBatchesAndKeepsLiveOnes() throws SQLException {
        AccountView account = newAccount("purge");
        List<OpenedSession> dead = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            dead.add(login(account));
        }
        realm.revoke(dead.get(0).token(), "logout");
        realm.revoke(dead.get(1).token(), "logout");
        realm.login(uniqueName("purge-ghost"), WRONG, LAPTOP);
        clock.advance(Duration.ofHours(2)); // the other three sessions are now idle-expired, the counter aged out
        OpenedSession live = login(account);

        long sessions = Long.parseLong(column("select count(*) from hp_session where revoked_at is not null"
                + " or last_seen_at <= ?", LocalDateTime.ofInstant(now().minus(IDLE), ZoneOffset.UTC)));
        LocalDateTime forgotten = LocalDateTime.ofInstant(now().minus(COOL_DOWN), ZoneOffset.UTC);
        long counters = Long.parseLong(column("select count(*) from hp_sign_in_throttle where last_failure_at <= ?"
                + " and (blocked_until is null or blocked_until <= ?)", forgotten,
                LocalDateTime.ofInstant(now(), ZoneOffset.UTC)))
                + Long.parseLong(column("select count(*) from hp_account_throttle where last_failure_at <= ?",
                forgotten));
        assertTrue(sessions >= 5 && counters >= 1, sessions + " sessions, " + counters + " counters");

        String agedChanges = "select count(*) from hp_session_change where at < ?";
        LocalDateTime changeCut = LocalDateTime.ofInstant(now().minus(ChangeLog.RETENTION), ZoneOffset.UTC);
        assertTrue(Long.parseLong(column(agedChanges, changeCut)) > 0,
                "the revocations above were logged for the session caches");
        PurgeResult purged = realm.purge(2);
        assertEquals("0", column(agedChanges, changeCut), "change rows older than their retention are purged too");
        assertEquals(sessions, purged.sessions(), "every batch of two, until a short one");
        assertEquals(counters, purged.throttleCounts());
        assertEquals(0, purged.auditEvents(), "nothing is a year old");
        assertEquals(purged.sessions() + purged.throttleCounts(), purged.total());
        assertTrue(realm.resolve(live.token()).isPresent());
        assertEquals(new PurgeResult(0, 0, 0), realm.purge(2));

        clock.advance(Duration.ofDays(366));
        PurgeResult old = realm.purge(1000);
        assertTrue(old.auditEvents() > 0);
        assertEquals("0", column("select count(*) from hp_audit_event where at < ?",
                LocalDateTime.ofInstant(now().minus(Duration.ofDays(365)), ZoneOffset.UTC)));
        assertThrows(InvalidInputException.class, () -> realm.purge(0));
    }

    /**
     * Live sessions between aged ones, as they are in a busy table (the scale benchmark's shape): they must neither
     * end the purge's batches early (a batch ends the purge only when it finds fewer aged rows than its size) nor be
     * deleted.
     */
    @Test
    void purgeWalksPastLiveSessionsBetweenAgedOnesInEveryBatch() throws SQLException {
        AccountView account = newAccount("purge-walk");
        List<OpenedSession> live = new ArrayList<>();
        for (int i = 0; i < 12; i++) {
            OpenedSession session = login(account);
            if (i % 3 == 0) {
                live.add(session);
            } else {
                realm.revoke(session.token(), "logout");
            }
        }
        PurgeResult purged = realm.purge(2);
        assertTrue(purged.sessions() >= 8, purged + ": at least this account's eight revoked sessions");
        assertEquals("0", column("select count(*) from hp_session where account_id = ? and revoked_at is not null",
                account.id()), "no revoked session is left behind a live one");
        assertEquals(String.valueOf(live.size()), column("select count(*) from hp_session where account_id = ?",
                account.id()));
        for (OpenedSession session : live) {
            assertTrue(realm.resolve(session.token()).isPresent(), "the live sessions between them are kept");
        }
    }

    // =========================================================================================== failure

    @Test
    void anUnreachableDatabaseFailsEveryMethodWithOneExceptionAndNothingIsCached() throws Exception {
        AccountView account = newAccount("outage");
        try (HikariDataSource pool = db.pool(2)) {
            SwitchableDataSource switchable = new SwitchableDataSource(pool);
            try (Realm fragile = Realm.builder().dataSource(switchable).clock(clock).passwordCost(CHEAP)
                    .schemaAction(SchemaAction.NONE).idleTimeout(IDLE).absoluteTimeout(ABSOLUTE)
                    .rotationGrace(GRACE).hashingLimit(2, Duration.ofSeconds(10)).build()) {
                OpenedSession session = assertInstanceOf(LoginResult.Success.class,
                        fragile.login(account.username(), PASSWORD, LAPTOP)).session();
                everyToken.add(session.token());
                String token = session.token();
                String publicId = session.view().publicId();
                assertTrue(fragile.resolve(token).isPresent());

                switchable.down(true);
                Map<String, Executable> calls = new TreeMap<>();
                calls.put("createAccount", () -> fragile.createAccount(uniqueName("new"), PASSWORD));
                calls.put("findAccount(name)", () -> fragile.findAccount(account.username()));
                calls.put("findAccount(id)", () -> fragile.findAccount(account.id()));
                calls.put("listAccounts", fragile::listAccounts);
                calls.put("setPassword", () -> fragile.setPassword(account.id(), "another password", "x"));
                calls.put("changePassword", () -> fragile.changePassword(account.id(), PASSWORD, "another pw 1", null));
                calls.put("setEnabled", () -> fragile.setEnabled(account.id(), false, "x"));
                calls.put("grantRole", () -> fragile.grantRole(account.id(), "r", null, "x"));
                calls.put("revokeRole", () -> fragile.revokeRole(account.id(), "r", "x"));
                calls.put("listGrants", () -> fragile.listGrants(account.id()));
                calls.put("login", () -> fragile.login(account.username(), PASSWORD, LAPTOP));
                calls.put("reauthenticate", () -> fragile.reauthenticate(token, PASSWORD, LAPTOP));
                calls.put("open", () -> fragile.open(account.id(), LAPTOP));
                calls.put("resolve", () -> fragile.resolve(token));
                calls.put("rotate", () -> fragile.rotate(token));
                calls.put("markReauthenticated", () -> fragile.markReauthenticated(token, LAPTOP));
                calls.put("revoke", () -> fragile.revoke(token, "x"));
                calls.put("revokeSession", () -> fragile.revokeSession(account.id(), publicId, "x"));
                calls.put("revokeAllSessions", () -> fragile.revokeAllSessions(account.id(), "x"));
                calls.put("revokeOtherSessions", () -> fragile.revokeOtherSessions(account.id(), publicId, "x"));
                calls.put("listSessions", () -> fragile.listSessions(account.id()));
                calls.put("purge", () -> fragile.purge(10));
                calls.put("audit", () -> fragile.audit(AuditEvent.Type.RISK_SIGNAL, account.id(), null, null, "x"));
                calls.put("auditTrail", () -> fragile.auditTrail(account.id(), 10));
                assertEquals(24, calls.size(), "every method of Realm that touches the database");
                calls.forEach((name, call) -> {
                    RealmUnavailableException e = assertThrows(RealmUnavailableException.class, call, name);
                    assertFalse(e.getMessage().contains(token), name);
                });
                assertEquals(2, ((JpaRealm) fragile).hasher().availablePermits(), "no permit leaked");
                assertEquals(Optional.empty(), fragile.resolve("hp1_not-a-token"), "garbage needs no database");

                // revoked elsewhere while this node could not see the database: it must not answer from memory
                try (Connection c = db.connect();
                     PreparedStatement s = c.prepareStatement("update hp_session set revoked_at = ?,"
                             + " revoked_reason = 'elsewhere' where public_id = ?")) {
                    s.setObject(1, LocalDateTime.ofInstant(now(), ZoneOffset.UTC));
                    s.setString(2, publicId);
                    assertEquals(1, s.executeUpdate());
                    if (!c.getAutoCommit()) {
                        c.commit();
                    }
                }
                switchable.down(false);
                assertEquals(Optional.empty(), fragile.resolve(token));
                assertTrue(fragile.findAccount(account.id()).isPresent(), "back once the database is");
            }
        }
    }

    /**
     * An audit row is written in the transaction of the change it records: when that transaction fails at its commit,
     * after the row was written, neither the change nor the row is there, and nothing is logged as audited; when it
     * commits, both are. An audit written on a connection of its own (or in auto-commit) fails the first half.
     */
    @Test
    void anAuditRowCommitsWithItsChangeAndRollsBackWithIt() throws Exception {
        AccountView account = newAccount("audit-atomic");
        List<String> audited = java.util.Collections.synchronizedList(new ArrayList<>());
        java.util.logging.Logger auditLog = java.util.logging.Logger.getLogger("io.hallpass.audit");
        java.util.logging.Handler capture = new java.util.logging.Handler() {
            @Override
            public void publish(java.util.logging.LogRecord record) {
                audited.add(String.valueOf(record.getMessage()));
            }

            @Override
            public void flush() {
            }

            @Override
            public void close() {
            }
        };
        auditLog.addHandler(capture);
        try (HikariDataSource pool = db.pool(2)) {
            FailingCommitDataSource failing = new FailingCommitDataSource(pool);
            try (Realm fragile = Realm.builder().dataSource(failing).clock(clock).passwordCost(CHEAP)
                    .schemaAction(SchemaAction.NONE).build()) {
                failing.failNextCommit();
                assertThrows(RealmUnavailableException.class, () -> fragile.setEnabled(account.id(), false, "admin"));
                assertTrue(failing.failed(), "the change reached its commit");
                assertTrue(realm.findAccount(account.id()).orElseThrow().enabled(), "the change rolled back");
                assertEquals(0, count(account, AuditEvent.Type.ACCOUNT_DISABLED), "and its audit row with it");
                assertTrue(audited.stream().noneMatch(line -> line.contains(account.username())),
                        "nothing was logged as audited: " + audited);

                assertTrue(fragile.setEnabled(account.id(), false, "admin"));
                assertFalse(realm.findAccount(account.id()).orElseThrow().enabled(), "the change committed");
                assertEquals(1, count(account, AuditEvent.Type.ACCOUNT_DISABLED), "and its audit row with it");
                assertTrue(audited.stream().anyMatch(line -> line.contains(account.username())),
                        "the committed row was logged: " + audited);
            }
        } finally {
            auditLog.removeHandler(capture);
        }
    }

    @Test
    void startingAgainstAClosedPortOrUsingAClosedRealmIsUnavailable() throws Exception {
        int port;
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        String url = switch (kind()) {
            case H2 -> "jdbc:h2:tcp://127.0.0.1:" + port + "/mem:nowhere";
            case POSTGRESQL -> "jdbc:postgresql://127.0.0.1:" + port + "/nowhere";
            case MARIADB -> "jdbc:mariadb://127.0.0.1:" + port + "/nowhere";
        };
        RealmUnavailableException e = assertThrows(RealmUnavailableException.class, () -> Realm.builder()
                .jdbcUrl(url).credentials("nobody", "secret-db-password").connectionTimeout(Duration.ofMillis(500))
                .passwordCost(CHEAP).build());
        assertFalse(e.getMessage().contains("secret-db-password"));

        Realm closed = builder().schemaAction(SchemaAction.NONE).build();
        AccountView account = closed.createAccount(uniqueName("closing"), PASSWORD);
        closed.close();
        closed.close(); // twice is fine
        assertThrows(RealmUnavailableException.class, () -> closed.findAccount(account.id()));
        assertThrows(RealmUnavailableException.class, () -> closed.login(account.username(), PASSWORD, LAPTOP));
    }

    @Test
    void badInputIsRefusedWithMessagesThatNeverRepeatIt() throws SQLException {
        AccountView account = newAccount("input");
        String countersBefore = counters();
        String secret = "p".repeat(1025);
        Map<String, Executable> calls = new TreeMap<>();
        calls.put("null username", () -> realm.createAccount(null, PASSWORD));
        calls.put("control in username", () -> realm.login("ali\nce", PASSWORD, LAPTOP));
        calls.put("long username", () -> realm.findAccount("u".repeat(257)));
        calls.put("oversize password", () -> realm.login(account.username(), secret, LAPTOP));
        calls.put("empty password", () -> realm.login(account.username(), "", LAPTOP));
        calls.put("short new password", () -> realm.createAccount(uniqueName("x"), "short"));
        calls.put("bad role", () -> realm.grantRole(account.id(), "no spaces allowed", null, "x"));
        calls.put("bad public id", () -> realm.revokeSession(account.id(), "not/a public id", "x"));
        calls.put("reason with newline", () -> realm.revokeAllSessions(account.id(), "a\nb"));
        calls.put("actor too long", () -> realm.setEnabled(account.id(), true, "a".repeat(200)));
        calls.put("no audit type", () -> realm.audit(null, null, null, null, null));
        calls.put("audit limit", () -> realm.auditTrail(null, 0));
        calls.forEach((name, call) -> {
            InvalidInputException e = assertThrows(InvalidInputException.class, call, name);
            assertFalse(e.getMessage().contains(secret) || e.getMessage().contains("no spaces allowed"), name);
        });
        assertEquals(countersBefore, counters(),
                "refused input is not counted as an attempt");
        for (String garbage : new String[] {null, "", "hp1_", "Bearer x", "hp1_" + "A".repeat(49)}) {
            assertEquals(Optional.empty(), realm.resolve(garbage));
            assertFalse(realm.revoke(garbage, "x"));
            assertEquals(Optional.empty(), realm.rotate(garbage));
        }
    }

    // ============================================================================================ schema

    @Test
    void theShippedDdlMatchesTheMappingTableColumnAndIndexAlike() throws Exception {
        Schema schema = Schema.forProduct(switch (kind()) {
            case H2 -> "H2";
            case POSTGRESQL -> "PostgreSQL";
            case MARIADB -> "MariaDB";
        });
        try (ScratchDatabase shipped = ScratchDatabase.create(kind());
             ScratchDatabase generated = ScratchDatabase.create(kind());
             HikariDataSource shippedPool = shipped.pool(2);
             HikariDataSource generatedPool = generated.pool(2)) {
            schema.createIfMissing(shippedPool);
            schema.createIfMissing(shippedPool); // idempotent
            Mapping.sessionFactory(shippedPool, "validate", Map.of()).close();
            Mapping.sessionFactory(generatedPool, "create", Map.of()).close();

            Set<String> fromDdl = describe(shippedPool);
            Set<String> fromMapping = describe(generatedPool);
            Set<String> missing = new TreeSet<>(fromMapping);
            missing.removeAll(fromDdl);
            Set<String> extra = new TreeSet<>(fromDdl);
            extra.removeAll(fromMapping);
            assertTrue(missing.isEmpty() && extra.isEmpty(), "the shipped DDL lacks " + missing
                    + " and has what the mapping does not: " + extra);
            assertTrue(fromDdl.size() > 60, "described " + fromDdl.size() + " facts");

            // a partial schema is completed
            try (Connection c = shippedPool.getConnection(); Statement s = c.createStatement()) {
                s.execute("drop table hp_audit_event");
                if (!c.getAutoCommit()) {
                    c.commit();
                }
            }
            schema.createIfMissing(shippedPool);
            assertEquals(fromDdl, describe(shippedPool));

            // and a schema that does not match is refused at start, naming what is wrong
            try (Connection c = shippedPool.getConnection(); Statement s = c.createStatement()) {
                s.execute("alter table hp_session drop column revoked_reason");
                if (!c.getAutoCommit()) {
                    c.commit();
                }
            }
            RealmException e = assertThrows(RealmException.class, () -> Realm.builder().dataSource(shippedPool)
                    .schemaAction(SchemaAction.VALIDATE).passwordCost(CHEAP).build());
            assertTrue(e.getMessage().toLowerCase(Locale.ROOT).contains("revoked_reason"), e.getMessage());
            assertFalse(e instanceof RealmUnavailableException);
            assertFalse(shippedPool.isClosed(), "a data source handed in is never closed by the realm");
        }
    }

    @Test
    void twoNodesCreatingTheSchemaAtTheSameMomentBothStart() throws Exception {
        for (int round = 0; round < 3; round++) {
            try (ScratchDatabase empty = ScratchDatabase.create(kind());
                 HikariDataSource first = empty.pool(2);
                 HikariDataSource second = empty.pool(2)) {
                Schema schema = Schema.forProduct(Schema.productName(first, java.time.Duration.ZERO));
                CountDownLatch go = new CountDownLatch(1);
                ExecutorService pool = Executors.newFixedThreadPool(2);
                try {
                    List<Future<?>> nodes = new ArrayList<>();
                    for (DataSource node : List.of(first, second)) {
                        nodes.add(pool.submit(() -> {
                            go.await();
                            schema.createIfMissing(node);
                            return null;
                        }));
                    }
                    go.countDown();
                    for (Future<?> node : nodes) {
                        node.get(60, TimeUnit.SECONDS);
                    }
                } finally {
                    pool.shutdownNow();
                }
                try (Connection c = first.getConnection()) {
                    assertEquals(10, hpTables(c).size());
                }
            }
        }
    }

    /** Tables, columns (type, size, nullability, identity), keys and indexes of the hp_ tables, as JDBC sees them. */
    private static Set<String> describe(DataSource dataSource) throws SQLException {
        Set<String> facts = new TreeSet<>();
        try (Connection c = dataSource.getConnection()) {
            DatabaseMetaData md = c.getMetaData();
            for (String table : hpTables(c)) {
                String t = table.toLowerCase(Locale.ROOT);
                facts.add("table " + t);
                try (ResultSet rs = md.getColumns(c.getCatalog(), c.getSchema(), table, "%")) {
                    while (rs.next()) {
                        facts.add("column " + t + "." + rs.getString("COLUMN_NAME").toLowerCase(Locale.ROOT)
                                + " " + rs.getString("TYPE_NAME").toLowerCase(Locale.ROOT)
                                + "(" + rs.getInt("COLUMN_SIZE") + "," + rs.getInt("DECIMAL_DIGITS") + ")"
                                + " nullable=" + rs.getString("IS_NULLABLE")
                                + " identity=" + rs.getString("IS_AUTOINCREMENT"));
                    }
                }
                Map<Integer, String> pk = new TreeMap<>();
                try (ResultSet rs = md.getPrimaryKeys(c.getCatalog(), c.getSchema(), table)) {
                    while (rs.next()) {
                        pk.put(rs.getInt("KEY_SEQ"), rs.getString("COLUMN_NAME").toLowerCase(Locale.ROOT));
                    }
                }
                facts.add("primary key " + t + " " + pk.values());
                Map<String, Map<Integer, String>> indexColumns = new TreeMap<>();
                Map<String, Boolean> indexUnique = new TreeMap<>();
                try (ResultSet rs = md.getIndexInfo(c.getCatalog(), c.getSchema(), table, false, false)) {
                    while (rs.next()) {
                        String index = rs.getString("INDEX_NAME");
                        if (index == null || rs.getShort("TYPE") == DatabaseMetaData.tableIndexStatistic) {
                            continue;
                        }
                        indexColumns.computeIfAbsent(index, k -> new TreeMap<>())
                                .put((int) rs.getShort("ORDINAL_POSITION"),
                                        rs.getString("COLUMN_NAME").toLowerCase(Locale.ROOT));
                        indexUnique.put(index, !rs.getBoolean("NON_UNIQUE"));
                    }
                }
                // index names differ where the database makes them up (H2 names constraint indexes itself)
                indexColumns.forEach((index, columns) -> facts.add("index " + t + " "
                        + (indexUnique.get(index) ? "unique " : "") + columns.values()));
                try (ResultSet rs = md.getImportedKeys(c.getCatalog(), c.getSchema(), table)) {
                    while (rs.next()) {
                        facts.add("foreign key " + t + " " + rs.getString("FK_NAME").toLowerCase(Locale.ROOT) + " "
                                + rs.getString("FKCOLUMN_NAME").toLowerCase(Locale.ROOT) + " -> "
                                + rs.getString("PKTABLE_NAME").toLowerCase(Locale.ROOT) + "."
                                + rs.getString("PKCOLUMN_NAME").toLowerCase(Locale.ROOT));
                    }
                }
            }
        }
        return facts;
    }

    private static List<String> hpTables(Connection c) throws SQLException {
        List<String> tables = new ArrayList<>();
        try (ResultSet rs = c.getMetaData().getTables(c.getCatalog(), c.getSchema(), "%", new String[] {"TABLE"})) {
            while (rs.next()) {
                String name = rs.getString("TABLE_NAME");
                if (name.toLowerCase(Locale.ROOT).startsWith("hp_")) {
                    tables.add(name);
                }
            }
        }
        assertEquals(10, tables.size(), "the ten hp_ tables: " + tables);
        return tables;
    }

    // =========================================================================================== helpers

    private Instant lastSeen(String publicId) throws SQLException {
        return LocalDateTime.parse(column("select last_seen_at from hp_session where public_id = ?", publicId)
                .replace(' ', 'T')).toInstant(ZoneOffset.UTC);
    }

    /** How many rows the sign-in throttle holds, in both of its tables. */
    private String counters() throws SQLException {
        return Long.toString(Long.parseLong(column("select count(*) from hp_sign_in_throttle"))
                + Long.parseLong(column("select count(*) from hp_account_throttle")));
    }

    /** One value of one row, as text (timestamps as their UTC wall-clock reading). */
    String column(String sql, Object... parameters) throws SQLException {
        try (Connection c = db.connect(); PreparedStatement s = c.prepareStatement(sql)) {
            for (int i = 0; i < parameters.length; i++) {
                s.setObject(i + 1, parameters[i]);
            }
            try (ResultSet rs = s.executeQuery()) {
                assertTrue(rs.next(), sql);
                Object value = rs.getObject(1);
                if (value instanceof java.sql.Timestamp || value instanceof LocalDateTime) {
                    return rs.getObject(1, LocalDateTime.class).toString();
                }
                return value == null ? null : value.toString();
            }
        }
    }

    private List<AuditEvent.Type> types(AccountView account) {
        return realm.auditTrail(account.id(), 1000).stream().map(AuditEvent::type).toList();
    }

    private long count(AccountView account, AuditEvent.Type type) {
        return types(account).stream().filter(t -> t == type).count();
    }
}
