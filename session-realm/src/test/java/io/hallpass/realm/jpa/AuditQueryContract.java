package io.hallpass.realm.jpa;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.zaxxer.hikari.HikariDataSource;
import io.hallpass.realm.AccountView;
import io.hallpass.realm.AuditEvent;
import io.hallpass.realm.AuditEvent.Type;
import io.hallpass.realm.AuditQuery;
import io.hallpass.realm.InvalidInputException;
import io.hallpass.realm.PasswordCost;
import io.hallpass.realm.Realm;
import io.hallpass.realm.RealmUnavailableException;
import io.hallpass.realm.SchemaAction;
import io.hallpass.realm.testing.SwitchableDataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * {@link Realm#auditTrail(AuditQuery)}: filtering the audit trail by account, types and age, run on every supported
 * database (see the subclasses), each run in a scratch database of its own. Every test works on accounts of its
 * own and writes its events at instants the test sets on a fake clock.
 */
abstract class AuditQueryContract extends DatabaseContract {

    /** Nanoseconds on purpose: the bound must meet the events the database stored to the microsecond. */
    static final Instant START = Instant.parse("2026-05-04T08:00:00.000001500Z");

    @Override
    Instant start() {
        return START;
    }

    /** An account created at {@code at}, with nothing audited on it but its creation. */
    private AccountView account(Instant at) {
        clock.set(at);
        return realm.createAccount(uniqueName("audit"), PASSWORD);
    }

    private void event(Instant at, Type type, AccountView account, String detail) {
        clock.set(at);
        realm.audit(type, account == null ? null : account.id(), null, "192.0.2.7", detail);
    }

    private static List<String> details(List<AuditEvent> events) {
        return events.stream().map(AuditEvent::detail).toList();
    }

    @Test
    void anAccountsEventsOfChosenTypesSinceAnInstantComeNewestFirst() {
        Instant t0 = START.plus(Duration.ofDays(1));
        AccountView carol = account(t0);
        AccountView dave = account(t0);
        event(t0.plusSeconds(1), Type.RISK_SIGNAL, carol, "c1");
        event(t0.plusSeconds(2), Type.STEP_UP_REQUIRED, carol, "c2");
        event(t0.plusSeconds(3), Type.RISK_SIGNAL, dave, "d3");
        event(t0.plusSeconds(4), Type.NEW_DEVICE, carol, "c4");
        event(t0.plusSeconds(5), Type.RISK_SIGNAL, carol, "c5");

        assertEquals(List.of("c5", "c1"), details(realm.auditTrail(
                new AuditQuery(carol.id(), Set.of(Type.RISK_SIGNAL), null, 100))));
        assertEquals(List.of("c5", "c4", "c2", "c1"), details(realm.auditTrail(new AuditQuery(carol.id(),
                EnumSet.of(Type.RISK_SIGNAL, Type.STEP_UP_REQUIRED, Type.NEW_DEVICE), null, 100))));
        assertEquals(List.of("c5", "c4"), details(realm.auditTrail(
                new AuditQuery(carol.id(), Set.of(), t0.plusSeconds(4), 100))), "since is inclusive");
        assertEquals(List.of("c5", "d3"), details(realm.auditTrail(
                new AuditQuery(null, Set.of(Type.RISK_SIGNAL), t0.plusSeconds(3), 100))), "every account's");
        assertEquals(Arrays.asList("c5", "c4", "c2", "c1", null), details(realm.auditTrail(
                new AuditQuery(carol.id(), Set.of(), null, 100))), "every type, the creation included");
    }

    @Test
    void theLimitKeepsTheNewestMatchingEvents() {
        Instant t0 = START.plus(Duration.ofDays(2));
        AccountView erin = account(t0);
        for (int i = 1; i <= 6; i++) {
            event(t0.plusSeconds(i), i % 2 == 0 ? Type.RISK_SIGNAL : Type.NEW_DEVICE, erin, "e" + i);
        }
        assertEquals(List.of("e6", "e4"), details(realm.auditTrail(
                new AuditQuery(erin.id(), Set.of(Type.RISK_SIGNAL), null, 2))));
        assertEquals(List.of("e6"), details(realm.auditTrail(new AuditQuery(erin.id(), null, null, 1))));
    }

    @Test
    void aBoundWithNanosecondsMeetsTheEventStoredAtItsMicrosecond() {
        Instant at = START.plus(Duration.ofDays(3)); // .000001500: stored as .000001
        AccountView frank = account(at.minusSeconds(1));
        event(at, Type.RISK_SIGNAL, frank, "same microsecond");
        assertEquals(List.of("same microsecond"), details(realm.auditTrail(
                new AuditQuery(frank.id(), Set.of(Type.RISK_SIGNAL), at, 10))));
        assertEquals(List.of(), realm.auditTrail(new AuditQuery(frank.id(), Set.of(), at.plusNanos(1000), 10)),
                "the next microsecond is after it");
    }

    @Test
    void eventsWithoutAnAccountAreFoundByTypeAndNotByAnyAccount() {
        Instant t0 = START.plus(Duration.ofDays(4));
        AccountView gina = account(t0);
        event(t0.plusSeconds(1), Type.STEP_UP_REQUIRED, null, "anonymous");
        List<AuditEvent> found = realm.auditTrail(new AuditQuery(null, Set.of(Type.STEP_UP_REQUIRED),
                t0.plusSeconds(1), 10));
        assertEquals(List.of("anonymous"), details(found));
        assertEquals(null, found.get(0).accountId());
        assertEquals(List.of(), realm.auditTrail(new AuditQuery(gina.id(), Set.of(Type.STEP_UP_REQUIRED), null, 10)));
    }

    @Test
    void theOldQueryIsTheNewestOfEveryTypeAndAge() {
        Instant t0 = START.plus(Duration.ofDays(5));
        AccountView hank = account(t0);
        event(t0.plusSeconds(1), Type.RISK_SIGNAL, hank, "h1");
        event(t0.plusSeconds(2), Type.NEW_DEVICE, hank, "h2");
        assertEquals(realm.auditTrail(hank.id(), 2), realm.auditTrail(AuditQuery.newest(hank.id(), 2)));
        assertEquals(List.of("h2", "h1"), details(realm.auditTrail(hank.id(), 2)));
    }

    @Test
    void rowsOfATypeThisVersionDoesNotKnowAreLeftOut() throws SQLException {
        Instant t0 = START.plus(Duration.ofDays(6));
        AccountView ivan = account(t0);
        try (Connection c = db.connect(); PreparedStatement s = c.prepareStatement("insert into hp_audit_event"
                + " (at, type, account_id, username, detail) values (?, 'FROM_THE_FUTURE', ?, ?, 'newer')")) {
            s.setTimestamp(1, Timestamp.valueOf(t0.plusSeconds(1).atOffset(ZoneOffset.UTC).toLocalDateTime()));
            s.setLong(2, ivan.id());
            s.setString(3, ivan.username());
            s.executeUpdate();
        }
        event(t0.plusSeconds(2), Type.RISK_SIGNAL, ivan, "known");
        assertEquals(Arrays.asList("known", null), details(realm.auditTrail(new AuditQuery(ivan.id(), Set.of(), null, 10))));
    }

    @Test
    void badQueriesAreRefusedWithoutTouchingTheDatabase() {
        assertThrows(InvalidInputException.class, () -> new AuditQuery(null, Set.of(), null, 0));
        assertThrows(InvalidInputException.class, () -> new AuditQuery(null, Set.of(), null, 10_001));
        assertThrows(InvalidInputException.class,
                () -> new AuditQuery(null, new HashSet<>(Arrays.asList(Type.RISK_SIGNAL, null)), null, 5));
        assertThrows(InvalidInputException.class, () -> realm.auditTrail(null));
        assertThrows(InvalidInputException.class, () -> realm.auditTrail(null, 0));
        AuditQuery query = new AuditQuery(null, EnumSet.of(Type.NEW_DEVICE), null, AuditQuery.MAX_LIMIT);
        assertThrows(UnsupportedOperationException.class, () -> query.types().add(Type.RISK_SIGNAL));
    }

    @Test
    void anUnreachableDatabaseFailsTheQueryAsUnavailable() {
        try (HikariDataSource pool = db.pool(1)) {
            SwitchableDataSource switchable = new SwitchableDataSource(pool);
            try (Realm fragile = Realm.builder().dataSource(switchable).clock(clock)
                    .passwordCost(new PasswordCost(64, 1, 1)).schemaAction(SchemaAction.NONE).build()) {
                assertTrue(fragile.auditTrail(new AuditQuery(null, Set.of(), null, 1)).size() <= 1);
                switchable.down(true);
                assertThrows(RealmUnavailableException.class,
                        () -> fragile.auditTrail(new AuditQuery(null, Set.of(Type.RISK_SIGNAL), START, 10)));
            }
        }
    }
}
