package io.hallpass.realm.bench;

import io.hallpass.realm.AccountView;
import io.hallpass.realm.ClientFacts;
import io.hallpass.realm.LoginResult;
import io.hallpass.realm.PasswordCost;
import io.hallpass.realm.Realm;
import io.hallpass.realm.SchemaAction;
import io.hallpass.realm.testing.ScratchDatabase;
import java.time.Duration;
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
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;

/**
 * A whole sign-in through the realm at the default Argon2id cost (OWASP: 19 MiB, 2 passes, 1 lane), on one thread
 * with one hashing permit: what one core can sign in per second. H2 in process, so the database adds little; the
 * hash is the cost. Two cases: the right password (the throttle's count, the hash, the session opened) and a name
 * no account has (the count, the dummy hash, the failure audited), which is what a flood of anonymous sign-ins
 * costs.
 *
 * <p>{@code mvn -B -pl session-realm -Pbench verify -DskipTests -Djmh.include=SignInBenchmark}
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 5, time = 2)
@Measurement(iterations = 5, time = 4)
@Fork(value = 2, jvmArgsAppend = {"-Xms1g", "-Xmx1g"})
@Threads(1)
public class SignInBenchmark {

    private static final String PASSWORD = "correct horse battery staple";

    private ScratchDatabase db;
    private Realm realm;
    private AccountView account;
    private ClientFacts device;
    private long calls;

    @Setup(Level.Trial)
    public void setUp() {
        db = ScratchDatabase.create(ScratchDatabase.Kind.H2);
        realm = Realm.builder().jdbcUrl(db.url).credentials(db.user, db.password)
                .schemaAction(SchemaAction.CREATE_IF_MISSING).passwordCost(PasswordCost.OWASP)
                .hashingLimit(1, Duration.ofSeconds(30)).poolSize(4).build();
        account = realm.createAccount("bench-" + System.nanoTime(), PASSWORD);
        device = new ClientFacts("192.0.2.1", "bench", "bench-device");
    }

    @TearDown(Level.Trial)
    public void tearDown() {
        realm.close();
        db.close();
    }

    @Benchmark
    public LoginResult signIn() {
        LoginResult result = realm.login(account.username(), PASSWORD, device);
        if (!(result instanceof LoginResult.Success)) {
            throw new IllegalStateException("the right password did not sign in: " + result);
        }
        return result;
    }

    /** A fresh unknown name from a fresh network each time, so that no throttle wait ever answers instead. */
    @Benchmark
    public LoginResult signInUnknownName() {
        long n = calls++;
        LoginResult result = realm.login("nobody-" + n, PASSWORD, new ClientFacts("10." + (n >> 16 & 255) + "."
                + (n >> 8 & 255) + "." + (n & 255), "bench", null));
        if (!(result instanceof LoginResult.Failed)) {
            throw new IllegalStateException("an unknown name was not simply refused: " + result);
        }
        return result;
    }
}
