package io.hallpass.realm.bench;

import io.hallpass.realm.PasswordCost;
import io.hallpass.realm.password.PasswordHasher;
import io.hallpass.realm.password.PasswordRules;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/** Verifying a password at the default cost (OWASP: Argon2id, 19 MiB, 2 passes, 1 lane), on one core. */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 2, jvmArgsAppend = {"-Xms512m", "-Xmx512m"})
public class PasswordBenchmark {

    private PasswordHasher hasher;
    private byte[] password;
    private String stored;

    @Setup
    public void setUp() {
        hasher = new PasswordHasher(PasswordCost.OWASP, 1);
        password = PasswordRules.presented("correct horse battery staple", "password");
        stored = hasher.hash(password);
    }

    @Benchmark
    public PasswordHasher.Verdict verifyAtOwaspCost() {
        PasswordHasher.Verdict verdict = hasher.verify(password, stored);
        if (verdict != PasswordHasher.Verdict.MATCH) {
            throw new IllegalStateException("the right password did not verify");
        }
        return verdict;
    }
}
