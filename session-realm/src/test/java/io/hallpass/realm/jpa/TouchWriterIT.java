package io.hallpass.realm.jpa;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.hallpass.realm.AccountView;
import io.hallpass.realm.ClientFacts;
import io.hallpass.realm.LoginResult;
import io.hallpass.realm.OpenedSession;
import io.hallpass.realm.PasswordCost;
import io.hallpass.realm.Realm;
import io.hallpass.realm.SchemaAction;
import io.hallpass.realm.testing.MutableClock;
import io.hallpass.realm.testing.ScratchDatabase;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The background writer of last-seen ({@link TouchWriter}), on H2: activity is written in batches, never on the
 * request thread; close writes what is left; a crash loses at most what was not written yet. The contract suite
 * shows the rest (no write inside the touch interval, one write after it, idle extended by this node's activity).
 */
class TouchWriterIT {

    static final Instant START = Instant.parse("2026-03-01T09:00:00Z");
    static final String PASSWORD = "correct horse battery staple";

    final MutableClock clock = new MutableClock(START);
    ScratchDatabase db;

    @BeforeEach
    void createDatabase() {
        db = ScratchDatabase.create(ScratchDatabase.Kind.H2);
    }

    @AfterEach
    void dropDatabase() {
        db.close();
    }

    JpaRealm start() {
        return JpaRealm.start(Realm.builder().jdbcUrl(db.url).credentials(db.user, db.password).clock(clock)
                .passwordCost(new PasswordCost(64, 1, 1)).schemaAction(SchemaAction.CREATE_IF_MISSING)
                .idleTimeout(Duration.ofMinutes(30)).settings(), SessionChangeListener.NONE);
    }

    @Test
    void manySessionsActiveAtOnceAreWrittenInOneFlushAndRequestsNeverWrite() throws SQLException {
        try (JpaRealm realm = start()) {
            AccountView account = realm.createAccount("busy", PASSWORD);
            OpenedSession[] sessions = new OpenedSession[5];
            for (int i = 0; i < sessions.length; i++) {
                sessions[i] = realm.open(account.id(), ClientFacts.UNKNOWN);
            }
            realm.touchWriter().halt(); // nothing in the background: only the flush below may write
            Instant active = clock.advance(Duration.ofMinutes(5));
            for (OpenedSession s : sessions) {
                realm.resolve(s.token()).orElseThrow();
                assertEquals(START, lastSeen(s), "the request did not write");
            }
            realm.touchWriter().flush();
            for (OpenedSession s : sessions) {
                assertEquals(active, lastSeen(s));
            }
        }
    }

    @Test
    void closingWritesTheActivityNotYetWritten() throws SQLException {
        OpenedSession session;
        Instant active;
        try (JpaRealm realm = start()) {
            AccountView account = realm.createAccount("closing", PASSWORD);
            session = assertInstanceOf(LoginResult.Success.class,
                    realm.login("closing", PASSWORD, ClientFacts.UNKNOWN)).session();
            active = clock.advance(Duration.ofMinutes(7));
            realm.resolve(session.token()).orElseThrow();
        }
        assertEquals(active, lastSeen(session));
    }

    @Test
    void aCrashLosesAtMostTheActivityNotYetWritten() throws SQLException {
        OpenedSession session;
        Instant written;
        try (JpaRealm realm = start()) {
            realm.createAccount("crashing", PASSWORD);
            session = assertInstanceOf(LoginResult.Success.class,
                    realm.login("crashing", PASSWORD, ClientFacts.UNKNOWN)).session();
            written = clock.advance(Duration.ofMinutes(3));
            realm.resolve(session.token()).orElseThrow();
            realm.touchWriter().flush();
            clock.advance(Duration.ofMinutes(3));
            realm.resolve(session.token()).orElseThrow();
            realm.touchWriter().halt(); // the process dies here: the second activity is never written
        }
        assertEquals(written, lastSeen(session), "what was flushed before the crash stays");
        try (JpaRealm after = start()) {
            clock.advance(Duration.ofMinutes(26));
            assertTrue(after.resolve(session.token()).isPresent(),
                    "the session lives on from the last activity written, 29 minutes ago");
        }
    }

    Instant lastSeen(OpenedSession session) throws SQLException {
        try (Connection c = db.connect();
             PreparedStatement s = c.prepareStatement("select last_seen_at from hp_session where public_id = ?")) {
            s.setString(1, session.view().publicId());
            try (ResultSet rs = s.executeQuery()) {
                assertTrue(rs.next());
                return rs.getObject(1, LocalDateTime.class).toInstant(ZoneOffset.UTC).truncatedTo(ChronoUnit.MICROS);
            }
        }
    }
}
