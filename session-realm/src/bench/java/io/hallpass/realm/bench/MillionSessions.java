package io.hallpass.realm.bench;

import io.hallpass.realm.Realm;
import io.hallpass.realm.SessionView;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.Random;
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
 * Does an uncached resolve slow down as the sessions table grows? The same resolve as
 * {@link ResolveBenchmark#resolveValidToken} (one plain JDBC statement by token hash, no session cache), with
 * 1,000 and with 1,000,000 live sessions bulk-loaded ({@link SessionLoad}: 250,000 accounts with two grants each
 * at a million) into an H2 file database and into PostgreSQL's {@code hp_scale} ({@link ScaleDatabase}), reported
 * as a latency distribution (JMH's sample mode: p50, p99, p99.9 of single calls).
 *
 * <p>The tokens resolved are 1,000 (at 1,000 sessions: all of them) or 10,000 (at a million: every hundredth
 * session, spread over the whole table), in a shuffled order, so that consecutive calls do not read neighbouring
 * rows. Load time (a minute or two at a million) is outside the measurement.
 *
 * <p>{@code src/bench/run-scale.sh} runs it; alone: {@code mvn -B -pl session-realm -Pbench verify -DskipTests
 * -Djmh.include=MillionSessions} (with {@code hp_scale} created).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 5, time = 2)
@Measurement(iterations = 5, time = 3)
@Fork(value = 1, jvmArgsAppend = {"-Xms1g", "-Xmx1g"})
public class MillionSessions {

    private static final int MAX_RESOLVED = 10_000;

    @Param({"h2", "postgresql"})
    public String database;

    @Param({"1000", "1000000"})
    public int sessions;

    private ScaleDatabase db;
    private Realm realm;
    private String[] tokens;
    private int next;

    @Setup(Level.Trial)
    public void setUp() throws SQLException {
        db = ScaleDatabase.of(database, "million-" + sessions);
        db.clear();
        db.realm().build().close(); // the schema
        int every = Math.max(1, sessions / MAX_RESOLVED);
        List<String> kept;
        long start = System.nanoTime();
        try (Connection c = db.connect()) {
            kept = new ArrayList<>(SessionLoad.load(c, sessions, 1, i -> i % every == 0));
        }
        System.out.printf("%nloaded %,d sessions into %s in %.1f s (%,d MiB on disk)%n", sessions, db,
                (System.nanoTime() - start) / 1e9, db.bytesOnDisk() >> 20);
        Collections.shuffle(kept, new Random(8));
        tokens = kept.toArray(String[]::new);
        realm = db.realm().poolSize(4).build();
        for (String token : tokens) {
            if (realm.resolve(token).isEmpty()) {
                throw new IllegalStateException("a loaded live session does not resolve");
            }
        }
    }

    @TearDown(Level.Trial)
    public void tearDown() throws SQLException {
        realm.close();
        db.clear();
    }

    @Benchmark
    public Optional<SessionView> resolveUncached() {
        String token = tokens[next];
        next = next + 1 == tokens.length ? 0 : next + 1;
        return realm.resolve(token);
    }
}
