package io.hallpass.realm.jpa;

import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.hallpass.realm.AccountView;
import io.hallpass.realm.AuditEvent;
import io.hallpass.realm.ClientFacts;
import io.hallpass.realm.LoginResult;
import io.hallpass.realm.OpenedSession;
import io.hallpass.realm.PasswordCost;
import io.hallpass.realm.Realm;
import io.hallpass.realm.RealmBuilder;
import io.hallpass.realm.SchemaAction;
import io.hallpass.realm.testing.MutableClock;
import io.hallpass.realm.testing.ScratchDatabase;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.TestInstance;

/**
 * What the realm's database contracts share ({@link RealmContract}, {@link AuditQueryContract} and the attack
 * contracts): a database of their own per run (dropped afterwards, or every test skipped with the reason where the
 * database is not reachable), a realm on it with a clock the tests move, cheap password hashing, and helpers to sign
 * in and to read the tables directly. Each subclass is run on H2, PostgreSQL and MariaDB by its own subclasses.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class DatabaseContract {

    static final Instant START = Instant.parse("2026-03-01T09:00:00.123456789Z");
    static final PasswordCost CHEAP = new PasswordCost(64, 1, 1);
    static final String PASSWORD = "correct horse battery staple";
    static final String WRONG = "Tr0ub4dor&3 is not it";
    /** The holder's laptop: its device becomes known at the first successful sign-in from it. */
    static final ClientFacts LAPTOP = new ClientFacts("192.0.2.10", "Firefox/140", "device-laptop-1");

    final MutableClock clock = new MutableClock(START);
    private final AtomicInteger names = new AtomicInteger();
    ScratchDatabase db;
    Realm realm;
    private String skipped;

    abstract ScratchDatabase.Kind kind();

    @BeforeAll
    void startRealm() {
        try {
            db = ScratchDatabase.create(kind());
        } catch (org.opentest4j.TestAbortedException e) {
            skipped = e.getMessage();
            return;
        }
        clock.set(start());
        realm = builder().build();
    }

    @AfterAll
    void stopRealm() {
        if (realm != null) {
            realm.close();
        }
        if (db != null) {
            db.close();
        }
    }

    @BeforeEach
    void resetClock() {
        Assumptions.assumeTrue(skipped == null, skipped);
        clock.set(start());
    }

    /** Where the clock stands when the realm starts and at the start of every test. */
    Instant start() {
        return START;
    }

    /** The realm every test of the class uses; a test that needs other settings builds a second one on it. */
    RealmBuilder builder() {
        return Realm.builder().jdbcUrl(db.url).credentials(db.user, db.password).clock(clock).passwordCost(CHEAP)
                .schemaAction(SchemaAction.CREATE_IF_MISSING).poolSize(4)
                .idleTimeout(Duration.ofMinutes(30)).absoluteTimeout(Duration.ofHours(12))
                .rotationGrace(Duration.ofSeconds(10)).hashingLimit(4, Duration.ofSeconds(10));
    }

    /** The same database, as a second node would see it: no schema work, the settings of {@code builder}. */
    Realm node(RealmBuilder builder) {
        return builder.schemaAction(SchemaAction.NONE).build();
    }

    String uniqueName(String base) {
        return base + "-" + names.incrementAndGet();
    }

    AccountView newAccount(String base) {
        return realm.createAccount(uniqueName(base), PASSWORD);
    }

    OpenedSession login(AccountView account, ClientFacts client) {
        return assertInstanceOf(LoginResult.Success.class, realm.login(account.username(), PASSWORD, client))
                .session();
    }

    /** A client on its own network with no device cookie: a stranger's browser, say. */
    static ClientFacts network(int n) {
        return new ClientFacts("203.0." + (n / 250) + "." + (1 + n % 250), "curl/8.5.0", null);
    }

    Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MICROS);
    }

    List<AuditEvent> trail(Long accountId) {
        return realm.auditTrail(accountId, 10_000);
    }

    long count(List<AuditEvent> events, AuditEvent.Type type) {
        return events.stream().filter(e -> e.type() == type).count();
    }

    /** One value of one row, as text. */
    String column(String sql, Object... parameters) throws SQLException {
        try (Connection c = db.connect(); PreparedStatement s = c.prepareStatement(sql)) {
            for (int i = 0; i < parameters.length; i++) {
                s.setObject(i + 1, parameters[i]);
            }
            try (ResultSet rs = s.executeQuery()) {
                assertTrue(rs.next(), sql);
                Object value = rs.getObject(1);
                return value == null ? null : value.toString();
            }
        }
    }

    /** Every value of every column of the hp_ tables, as text (binary values as hex and as raw characters). */
    List<String> everyStoredValue() throws SQLException {
        List<String> values = new ArrayList<>();
        try (Connection c = db.connect()) {
            List<String> tables = new ArrayList<>();
            try (ResultSet rs = c.getMetaData().getTables(c.getCatalog(), c.getSchema(), "%",
                    new String[] {"TABLE"})) {
                while (rs.next()) {
                    if (rs.getString("TABLE_NAME").toLowerCase(Locale.ROOT).startsWith("hp_")) {
                        tables.add(rs.getString("TABLE_NAME"));
                    }
                }
            }
            for (String table : tables) {
                try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("select * from " + table)) {
                    ResultSetMetaData md = rs.getMetaData();
                    while (rs.next()) {
                        for (int i = 1; i <= md.getColumnCount(); i++) {
                            Object value = rs.getObject(i);
                            if (value instanceof byte[] bytes) {
                                values.add(HexFormat.of().formatHex(bytes));
                                values.add(new String(bytes, java.nio.charset.StandardCharsets.ISO_8859_1));
                            } else if (value != null) {
                                values.add(value.toString());
                            }
                        }
                    }
                }
            }
        }
        return values;
    }

    /** Runs {@code threads} calls at once (released together by a latch) and answers their results in order. */
    <T> List<T> inParallel(int threads, java.util.function.IntFunction<T> call) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            CountDownLatch go = new CountDownLatch(1);
            List<Future<T>> futures = new ArrayList<>();
            for (int i = 0; i < threads; i++) {
                int index = i;
                futures.add(pool.submit(() -> {
                    go.await();
                    return call.apply(index);
                }));
            }
            go.countDown();
            List<T> results = new ArrayList<>();
            for (Future<T> f : futures) {
                results.add(f.get(120, TimeUnit.SECONDS));
            }
            return results;
        } finally {
            pool.shutdownNow();
        }
    }
}
