package io.hallpass.realm.jpa;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.hallpass.realm.AccountView;
import io.hallpass.realm.ClientFacts;
import io.hallpass.realm.OpenedSession;
import io.hallpass.realm.PasswordCost;
import io.hallpass.realm.Realm;
import io.hallpass.realm.SchemaAction;
import io.hallpass.realm.SessionCacheStats;
import io.hallpass.realm.SessionView;
import io.hallpass.realm.testing.FakeTicker;
import io.hallpass.realm.testing.MutableClock;
import io.hallpass.realm.testing.ScratchDatabase;
import io.hallpass.realm.token.TokenCodec;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The session cache's logic on a real database (H2), with a fake monotonic clock for its trust and a fake wall
 * clock for the sessions, and the change log polled by hand: every database read of a session is counted, so a test
 * sees whether a request was answered from the cache. Races are reached with latches, never with sleeps.
 */
class SessionCacheIT {

    static final Instant START = Instant.parse("2026-03-01T09:00:00Z");
    static final String PASSWORD = "correct horse battery staple";
    static final Duration IDLE = Duration.ofMinutes(30);
    static final Duration BOUND = Duration.ofSeconds(1);

    final MutableClock clock = new MutableClock(START);
    final FakeTicker ticker = new FakeTicker();
    final AtomicInteger loads = new AtomicInteger();
    ScratchDatabase db;
    JpaRealm realm;
    AccountView account;

    @BeforeEach
    void start() {
        db = ScratchDatabase.create(ScratchDatabase.Kind.H2);
        realm = JpaRealm.start(Realm.builder().jdbcUrl(db.url).credentials(db.user, db.password).clock(clock)
                .passwordCost(new PasswordCost(64, 1, 1)).schemaAction(SchemaAction.CREATE_IF_MISSING)
                .idleTimeout(IDLE).sessionCache(1_000, BOUND).settings(), SessionChangeListener.NONE, ticker, false);
        realm.cachedSessions().loader(database -> hash -> {
            loads.incrementAndGet();
            return database.load(hash);
        });
        account = realm.createAccount("cached", PASSWORD);
    }

    @AfterEach
    void stop() {
        realm.close();
        db.close();
    }

    OpenedSession open() {
        return realm.open(account.id(), ClientFacts.UNKNOWN);
    }

    // ============================================================================================ hits

    @Test
    void aSecondRequestIsAnsweredFromTheCacheWithTheSameView() {
        OpenedSession session = open();
        SessionView first = realm.resolve(session.token()).orElseThrow();
        clock.advance(Duration.ofSeconds(5));
        SessionView second = realm.resolve(session.token()).orElseThrow();
        assertEquals(1, loads.get(), "one database read");
        assertEquals(first.publicId(), second.publicId());
        assertEquals(clock.instant().plus(IDLE), second.idleExpiresAt(), "judged at this request's now");
        assertEquals(1, realm.cache().size());
    }

    @Test
    void theStatsCountHitsMissesAndTheTimeSinceTheLastPoll() {
        assertEquals(-1, realm.sessionCacheStats().orElseThrow().hitRatio(), "never asked yet");
        OpenedSession session = open();
        realm.resolve(session.token()).orElseThrow(); // a miss: read and kept
        realm.resolve(session.token()).orElseThrow(); // a hit
        String forged = new TokenCodec(null).newToken();
        realm.resolve(forged); // a miss: remembered as nothing
        realm.resolve(forged); // a hit
        realm.resolve(forged); // a hit
        ticker.advance(Duration.ofMillis(700));
        SessionCacheStats stats = realm.sessionCacheStats().orElseThrow();
        assertEquals(1, stats.size());
        assertEquals(3, stats.hits());
        assertEquals(2, stats.misses());
        assertEquals(0.6, stats.hitRatio(), 1e-9);
        assertEquals(Duration.ofMillis(700), stats.sinceLastPoll(), "the start's poll was 700 ms ago");
        realm.poller().pollOnce();
        assertEquals(Duration.ZERO, realm.sessionCacheStats().orElseThrow().sinceLastPoll());
    }

    @Test
    void aStringOfATokensShapeWithAWrongChecksumReachesNeitherTheDatabaseNorTheCacheOfMisses() {
        OpenedSession session = open();
        realm.resolve(session.token()).orElseThrow();
        String token = session.token();
        char last = token.charAt(token.length() - 1);
        String broken = token.substring(0, token.length() - 1) + (last == 'A' ? 'B' : 'A'); // checksum no longer fits
        for (int i = 0; i < 3; i++) {
            assertEquals(Optional.empty(), realm.resolve(broken));
        }
        assertEquals(Optional.empty(), realm.resolve("hp1_" + "\u00e9".repeat(49)), "not even base64url");
        assertEquals(1, loads.get(), "only the real token was read");
        SessionCacheStats stats = realm.sessionCacheStats().orElseThrow();
        assertEquals(0, stats.hits() + stats.misses() - 1, "garbage is neither a hit nor a miss: it is no lookup");
        assertEquals(1, realm.cache().size());
    }

    @Test
    void aTokenThatResolvesToNothingIsRememberedAndNeverReadAgain() {
        String forged = new TokenCodec(null).newToken();
        assertEquals(Optional.empty(), realm.resolve(forged));
        assertEquals(Optional.empty(), realm.resolve(forged));
        assertEquals(1, loads.get(), "a flood of forged cookies reaches the database once each");

        OpenedSession session = open();
        realm.resolve(session.token()).orElseThrow();
        assertTrue(realm.revoke(session.token(), "logout"));
        assertEquals(Optional.empty(), realm.resolve(session.token()));
        assertEquals(2, loads.get(), "a revoked token is known to resolve to nothing without reading it");
    }

    @Test
    void idleAbsoluteAndGrantExpiryApplyOnAHitWithoutAnyInvalidation() {
        realm.grantRole(account.id(), "contractor", START.plus(Duration.ofMinutes(10)), "hr");
        realm.grantRole(account.id(), "customer", null, "hr");
        OpenedSession session = open();
        assertEquals(Set.of("contractor", "customer"), realm.resolve(session.token()).orElseThrow().roles());
        clock.advance(Duration.ofMinutes(10));
        assertEquals(Set.of("customer"), realm.resolve(session.token()).orElseThrow().roles(),
                "the grant expired on a hit");
        assertEquals(1, loads.get());

        clock.advance(IDLE.plusSeconds(1)); // nothing recorded since: looks idle-expired
        assertEquals(Optional.empty(), realm.peek(session.token()));
        assertEquals(2, loads.get(), "looking expired, it was read again before being refused");
        assertEquals(Optional.empty(), realm.peek(session.token()));
        assertEquals(2, loads.get(), "marked expired: for good");
    }

    @Test
    void anEntryThatLooksExpiredIsReadAgainAndLivesIfAnotherNodeKeptItAlive() throws SQLException {
        OpenedSession session = open();
        realm.peek(session.token()).orElseThrow();
        // another node's writer stored later activity (last-seen is not a change: no change row)
        execute("update hp_session set last_seen_at = ? where public_id = ?",
                LocalDateTime.ofInstant(START.plus(Duration.ofMinutes(20)), ZoneOffset.UTC), session.view().publicId());
        clock.advance(IDLE.plusMinutes(1));
        assertTrue(realm.peek(session.token()).isPresent(), "alive by the other node's activity");
        assertEquals(2, loads.get());
        assertTrue(realm.peek(session.token()).isPresent());
        assertEquals(2, loads.get(), "and cached again");
    }

    // ==================================================================================== invalidation

    @Test
    void aRevocationCommittedOnAnotherNodeActsAfterTheNextPollAndNotBefore() throws SQLException {
        OpenedSession session = open();
        realm.peek(session.token()).orElseThrow();
        long sessionId = sessionId(session);
        otherNode("update hp_session set revoked_at = ?, revoked_reason = 'elsewhere' where id = " + sessionId,
                new SessionChange(account.id(), sessionId, "elsewhere"));
        assertTrue(realm.peek(session.token()).isPresent(), "inside the bound, the cache may still answer");
        realm.poller().pollOnce();
        assertEquals(Optional.empty(), realm.peek(session.token()), "after the poll it may not");
        assertEquals(2, loads.get());
    }

    @Test
    void anEntryFoundValidManyTimesStillSeesTheNextInvalidationAndOnlyItsOwn() throws SQLException {
        OpenedSession mine = open();
        AccountView other = realm.createAccount("other", PASSWORD);
        OpenedSession theirs = realm.open(other.id(), ClientFacts.UNKNOWN);
        for (int i = 0; i < 3; i++) { // loaded once, then checked on every hit
            realm.peek(mine.token()).orElseThrow();
            realm.peek(theirs.token()).orElseThrow();
        }
        assertEquals(2, loads.get());

        long theirId = sessionId(theirs);
        otherNode("update hp_session set revoked_at = ?, revoked_reason = 'elsewhere' where id = " + theirId,
                new SessionChange(other.id(), theirId, "elsewhere"));
        realm.poller().pollOnce();
        assertEquals(Optional.empty(), realm.peek(theirs.token()), "the session the change names is refused");
        realm.peek(mine.token()).orElseThrow();
        realm.peek(mine.token()).orElseThrow();
        assertEquals(3, loads.get(), "an invalidation of another session leaves this entry answering");

        long myId = sessionId(mine);
        otherNode("update hp_session set revoked_at = ?, revoked_reason = 'elsewhere' where id = " + myId,
                new SessionChange(account.id(), myId, "elsewhere"));
        realm.poller().pollOnce();
        assertEquals(Optional.empty(), realm.peek(mine.token()), "checked many times before, refused after its own");
        assertEquals(4, loads.get());
    }

    @Test
    void aChangeToTheAccountOnAnotherNodeRefusesEveryEntryOfTheAccount() throws SQLException {
        OpenedSession one = open();
        OpenedSession two = open();
        realm.peek(one.token()).orElseThrow();
        realm.peek(two.token()).orElseThrow();
        otherNode("update hp_account set enabled = false where id = " + account.id(),
                new SessionChange(account.id(), null, "account-disabled"));
        realm.poller().pollOnce();
        assertEquals(Optional.empty(), realm.peek(one.token()));
        assertEquals(Optional.empty(), realm.peek(two.token()));
        assertEquals(4, loads.get());
    }

    @Test
    void aLoadRacingARevocationNeverLeavesTheStaleEntryToAnswer() throws Exception {
        OpenedSession session = open();
        CountDownLatch read = new CountDownLatch(1);
        CountDownLatch revoked = new CountDownLatch(1);
        realm.cachedSessions().loader(database -> hash -> {
            loads.incrementAndGet();
            SessionStore.Lookup found = database.load(hash); // the session as it was: live
            if (read.getCount() > 0) {
                read.countDown();
                await(revoked); // held while the revocation commits, and is told to this node's cache
            }
            return found;
        });
        CompletableFuture<Optional<SessionView>> racing = CompletableFuture.supplyAsync(
                () -> realm.peek(session.token()));
        assertTrue(read.await(30, TimeUnit.SECONDS));
        assertTrue(realm.revokeSession(account.id(), session.view().publicId(), "elsewhere"));
        revoked.countDown();
        assertTrue(racing.get(30, TimeUnit.SECONDS).isPresent(), "read before the revocation: live then");
        assertEquals(Optional.empty(), realm.peek(session.token()), "the entry it left is never served");
        assertEquals(2, loads.get());
    }

    @Test
    void aLoadRacingAnAccountChangeNeverLeavesTheStaleEntryToAnswer() throws Exception {
        realm.grantRole(account.id(), "admin", null, "hr");
        OpenedSession session = open();
        CountDownLatch read = new CountDownLatch(1);
        CountDownLatch changed = new CountDownLatch(1);
        realm.cachedSessions().loader(database -> hash -> {
            SessionStore.Lookup found = database.load(hash);
            if (read.getCount() > 0) {
                read.countDown();
                await(changed);
            }
            return found;
        });
        CompletableFuture<Optional<SessionView>> racing = CompletableFuture.supplyAsync(
                () -> realm.peek(session.token()));
        assertTrue(read.await(30, TimeUnit.SECONDS));
        assertTrue(realm.revokeRole(account.id(), "admin", "hr"));
        changed.countDown();
        assertEquals(Set.of("admin"), racing.get(30, TimeUnit.SECONDS).orElseThrow().roles());
        assertEquals(Set.of(), realm.peek(session.token()).orElseThrow().roles(), "never the stale roles again");
    }

    // ============================================================================================ trust

    @Test
    void whenThePollerIsSilentForLongerThanTheBoundNoHitIsServedUntilAPollSucceeds() {
        OpenedSession session = open();
        realm.peek(session.token()).orElseThrow();
        realm.peek(session.token()).orElseThrow();
        assertEquals(1, loads.get());
        ticker.advance(BOUND);
        assertTrue(realm.peek(session.token()).isPresent(), "answered by the database");
        assertTrue(realm.peek(session.token()).isPresent());
        assertEquals(3, loads.get(), "no hit while the change log is not heard");
        realm.poller().pollOnce();
        realm.peek(session.token()).orElseThrow();
        assertEquals(3, loads.get(), "trusted again");
    }

    @Test
    void aGapInTheChangeIdsClearsTheWholeCache() throws SQLException {
        OpenedSession session = open();
        realm.peek(session.token()).orElseThrow();
        long before = realm.poller().last();
        otherNode("update hp_account set username = username where id = " + account.id(),
                new SessionChange(999, null, "elsewhere"), new SessionChange(998, null, "elsewhere"));
        execute("delete from hp_session_change where id = ?", before + 1); // purged before this node read it
        realm.poller().pollOnce();
        assertEquals(before + 2, realm.poller().last());
        realm.peek(session.token()).orElseThrow();
        assertEquals(2, loads.get(), "nothing cached survived the gap");
    }

    @Test
    void invalidationRecordsArePrunedOnlyOnceEveryEntryTheyConcernHasAgedOut() {
        OpenedSession session = open();
        realm.peek(session.token()).orElseThrow();
        realm.setEnabled(account.id(), true, "admin"); // an account change, recorded
        realm.cache().invalidate(account.id(), null);
        assertTrue(realm.cache().marks() > 0);
        ticker.advance(SessionCache.MAX_ENTRY_AGE.minusSeconds(1));
        realm.cache().prune();
        assertTrue(realm.cache().marks() > 0, "an entry loaded before it may still be alive");
        ticker.advance(Duration.ofSeconds(1));
        realm.cache().prune();
        assertEquals(0, realm.cache().marks());
    }

    // ========================================================================================== helpers

    /** What another node does: a change in the database and its change row, in one transaction. */
    void otherNode(String sql, SessionChange... changes) throws SQLException {
        try (Connection c = db.connect()) {
            c.setAutoCommit(false);
            try (PreparedStatement s = c.prepareStatement(sql)) {
                if (sql.contains("?")) {
                    s.setObject(1, LocalDateTime.ofInstant(clock.instant(), ZoneOffset.UTC));
                }
                s.executeUpdate();
            }
            ChangeLog.append(c, clock.instant(), List.of(changes));
            c.commit();
        }
    }

    void execute(String sql, Object... parameters) throws SQLException {
        try (Connection c = db.connect(); PreparedStatement s = c.prepareStatement(sql)) {
            for (int i = 0; i < parameters.length; i++) {
                s.setObject(i + 1, parameters[i]);
            }
            s.executeUpdate();
        }
    }

    long sessionId(OpenedSession session) throws SQLException {
        try (Connection c = db.connect();
             PreparedStatement s = c.prepareStatement("select id from hp_session where public_id = ?")) {
            s.setString(1, session.view().publicId());
            try (var rs = s.executeQuery()) {
                assertTrue(rs.next());
                return rs.getLong(1);
            }
        }
    }

    static void await(CountDownLatch latch) {
        try {
            assertTrue(latch.await(30, TimeUnit.SECONDS));
        } catch (InterruptedException e) {
            throw new AssertionError(e);
        }
    }

    @Test
    void theCacheIsOffUnlessAsked() {
        try (JpaRealm plain = JpaRealm.start(Realm.builder().jdbcUrl(db.url).credentials(db.user, db.password)
                .clock(clock).passwordCost(new PasswordCost(64, 1, 1)).schemaAction(SchemaAction.NONE).settings(),
                SessionChangeListener.NONE)) {
            assertEquals(null, plain.cache());
            assertFalse(plain.toString().contains("sessionCache=1000"));
        }
    }
}
