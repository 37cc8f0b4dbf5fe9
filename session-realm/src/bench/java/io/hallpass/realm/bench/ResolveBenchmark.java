package io.hallpass.realm.bench;

import io.hallpass.realm.AccountView;
import io.hallpass.realm.ClientFacts;
import io.hallpass.realm.OpenedSession;
import io.hallpass.realm.PasswordCost;
import io.hallpass.realm.Realm;
import io.hallpass.realm.SchemaAction;
import io.hallpass.realm.SessionView;
import io.hallpass.realm.testing.ScratchDatabase;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * What a request costs the realm without any cache: resolving a valid session token (one plain JDBC statement
 * joining the session, its account and the account's grants, outside any transaction; last-seen is written in the
 * background), on H2 in process and on PostgreSQL, and opening a session. The cache's hit is
 * {@link CachedResolveBenchmark}.
 *
 * <p>The realm uses the real clock, a 30-minute idle timeout (so last-seen is written at most once a minute per
 * session) and 1,000 live sessions resolved in turn: the touch write is almost never part of the measured call.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
// Hibernate's call paths are deep: on two cores the JIT needs about 20 s before the numbers settle
@Warmup(iterations = 10, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 2, jvmArgsAppend = {"-Xms1g", "-Xmx1g"})
public class ResolveBenchmark {

    private static final int SESSIONS = 1_000;

    @Param({"h2", "postgresql"})
    public String database;

    private ScratchDatabase db;
    private Realm realm;
    private AccountView account;
    private String[] tokens;
    private int next;
    private final ClientFacts facts = new ClientFacts("192.0.2.1", "bench", "bench-device");
    private Connection plain;
    private PreparedStatement selectOne;
    private long lastSetUpSession;
    private long lastSetUpAuditEvent;

    @Setup(Level.Trial)
    public void setUp() throws SQLException {
        // a database of its own, created and dropped like the integration tests' (hallpass.it.postgresql.*)
        db = ScratchDatabase.create(ScratchDatabase.Kind.valueOf(database.toUpperCase(Locale.ROOT)));
        realm = Realm.builder().jdbcUrl(db.url).credentials(db.user, db.password)
                .schemaAction(SchemaAction.CREATE_IF_MISSING).idleTimeout(Duration.ofMinutes(30))
                .passwordCost(new PasswordCost(64, 1, 1)).poolSize(4).build();
        account = realm.createAccount("bench-" + System.nanoTime(), "correct horse battery staple");
        realm.grantRole(account.id(), "customer", null, "bench");
        realm.grantRole(account.id(), "support", null, "bench");
        tokens = new String[SESSIONS];
        for (int i = 0; i < SESSIONS; i++) {
            OpenedSession session = realm.open(account.id(), facts);
            tokens[i] = session.token();
        }
        if (realm.resolve(tokens[0]).isEmpty()) {
            throw new IllegalStateException("a freshly opened session does not resolve");
        }
        plain = db.connect();
        selectOne = plain.prepareStatement("SELECT 1");
        lastSetUpSession = maxId("hp_session");
        lastSetUpAuditEvent = maxId("hp_audit_event");
    }

    /**
     * Deletes what {@link #openSession()} added during the iteration, outside the measured time, so that the
     * in-memory database does not grow by hundreds of thousands of rows and turn the measurement into one of the
     * garbage collector (a real deployment purges ended sessions).
     */
    @TearDown(Level.Iteration)
    public void forgetOpenedSessions() throws SQLException {
        try (Statement s = plain.createStatement()) {
            s.executeUpdate("DELETE FROM hp_session WHERE id > " + lastSetUpSession);
            s.executeUpdate("DELETE FROM hp_audit_event WHERE id > " + lastSetUpAuditEvent);
        }
    }

    private long maxId(String table) throws SQLException {
        try (Statement s = plain.createStatement(); ResultSet rs = s.executeQuery("SELECT MAX(id) FROM " + table)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    @TearDown(Level.Trial)
    public void tearDown() throws SQLException {
        plain.close();
        realm.close();
        db.close();
    }

    @Benchmark
    public Optional<SessionView> resolveValidToken() {
        String token = tokens[next];
        next = next + 1 == SESSIONS ? 0 : next + 1;
        return realm.resolve(token);
    }

    /**
     * The floor: one round trip of a prepared {@code SELECT 1} on a plain JDBC connection to the same database.
     * A resolve is one query (joining session, account and active grants) with no transaction, so one of these plus
     * the query's own work and the realm's.
     */
    @Benchmark
    public int baselineSelectOne() throws SQLException {
        try (ResultSet rs = selectOne.executeQuery()) {
            rs.next();
            return rs.getInt(1);
        }
    }

    @Benchmark
    public OpenedSession openSession() {
        // a browser with a known device cookie: one session row, one audit row, the device stamped as seen
        return realm.open(account.id(), facts);
    }
}
