package io.hallpass.realm.bench;

import io.hallpass.realm.AccountView;
import io.hallpass.realm.ClientFacts;
import io.hallpass.realm.PasswordCost;
import io.hallpass.realm.Realm;
import io.hallpass.realm.SchemaAction;
import io.hallpass.realm.SessionView;
import io.hallpass.realm.testing.ScratchDatabase;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * What a request costs the realm when its session is in the session cache (a hit): the cache lookup, the checks that
 * the entry may answer (epochs, trust, age), and the session judged again at now with this node's activity. The
 * uncached path is {@link ResolveBenchmark#resolveValidToken} (plain JDBC, on H2 and PostgreSQL).
 *
 * <p>1,000 live sessions with two role grants on H2, resolved in turn after one warm-up pass that caches them all;
 * the change-log poller runs every 250 ms (bound 1 s) on its own thread, as in production.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 5, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 2, jvmArgsAppend = {"-Xms1g", "-Xmx1g"})
public class CachedResolveBenchmark {

    private static final int SESSIONS = 1_000;

    private ScratchDatabase db;
    private Realm realm;
    private String[] tokens;
    private int next;

    @Setup(Level.Trial)
    public void setUp() {
        db = ScratchDatabase.create(ScratchDatabase.Kind.H2);
        realm = Realm.builder().jdbcUrl(db.url).credentials(db.user, db.password)
                .schemaAction(SchemaAction.CREATE_IF_MISSING).idleTimeout(Duration.ofMinutes(30))
                .passwordCost(new PasswordCost(64, 1, 1)).poolSize(4)
                .sessionCache(10_000, Duration.ofSeconds(1)).build();
        AccountView account = realm.createAccount("bench-" + System.nanoTime(), "correct horse battery staple");
        realm.grantRole(account.id(), "customer", null, "bench");
        realm.grantRole(account.id(), "support", null, "bench");
        ClientFacts facts = new ClientFacts("192.0.2.1", "bench", "bench-device");
        tokens = new String[SESSIONS];
        for (int i = 0; i < SESSIONS; i++) {
            tokens[i] = realm.open(account.id(), facts).token();
            if (realm.resolve(tokens[i]).isEmpty()) { // and now it is cached
                throw new IllegalStateException("a freshly opened session does not resolve");
            }
        }
    }

    @TearDown(Level.Trial)
    public void tearDown() {
        realm.close();
        db.close();
    }

    /** resolve = peek + recordActivity, from the cache. */
    @Benchmark
    public Optional<SessionView> resolveCachedHit() {
        String token = tokens[next];
        next = next + 1 == SESSIONS ? 0 : next + 1;
        return realm.resolve(token);
    }

    /** peek alone, from the cache: what the filter pays to decide about a request it will refuse. */
    @Benchmark
    public Optional<SessionView> peekCachedHit() {
        String token = tokens[next];
        next = next + 1 == SESSIONS ? 0 : next + 1;
        return realm.peek(token);
    }
}
