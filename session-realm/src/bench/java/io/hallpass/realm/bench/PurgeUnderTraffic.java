package io.hallpass.realm.bench;

import io.hallpass.realm.PurgeResult;
import io.hallpass.realm.Realm;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Does purging a million aged sessions disturb live traffic? Loads a million aged sessions (a third revoked, a third
 * past the absolute timeout, a third idle) with a live session every 101st row among them (or every
 * {@code liveEvery}-th: 2 gives as many live as aged), so that the deletes
 * touch the very pages and index blocks the live reads need; then a few threads resolve live sessions without a
 * cache, as fast as they can, while {@code purge(batchSize)} (the filter's scheduler uses 500) deletes the million.
 * Reports the live resolves' latencies before, during and after the purge, the purge's duration and rows per
 * second, and checks the outcome: every aged row gone, every live session still resolving.
 *
 * <p>Arguments: {@code h2|postgresql [aged=1000000] [threads=3] [batchSize=500] [phaseSeconds=20]
 * [liveEvery=101]}. Run by
 * {@code src/bench/run-scale.sh}, or {@code mvn -B -pl session-realm -Pbench test-compile exec:exec@scale
 * -Dscale.main=PurgeUnderTraffic -Dscale.args="h2 1000000 3 500 20"}.
 */
public final class PurgeUnderTraffic {

    private enum Phase { WARM_UP, BEFORE, DURING, AFTER, STOPPED }

    private PurgeUnderTraffic() {
    }

    public static void main(String[] args) throws Exception {
        String database = args.length > 0 ? args[0] : "h2";
        int aged = args.length > 1 ? Integer.parseInt(args[1]) : 1_000_000;
        int threads = args.length > 2 ? Integer.parseInt(args[2]) : 3;
        int batchSize = args.length > 3 ? Integer.parseInt(args[3]) : 500;
        long phaseMillis = (args.length > 4 ? Integer.parseInt(args[4]) : 20) * 1_000L;
        int liveEvery = args.length > 5 ? Integer.parseInt(args[5]) : 101;
        int rows = aged + aged / (liveEvery - 1);

        ScaleDatabase db = ScaleDatabase.of(database, "purge");
        db.clear();
        db.realm().build().close();
        long loadStart = System.nanoTime();
        String[] live;
        try (Connection c = db.connect()) {
            live = SessionLoad.load(c, rows, liveEvery, i -> true).toArray(String[]::new);
        }
        System.out.printf("%s: loaded %,d sessions (%,d aged, %,d live) in %.1f s, %,d MiB on disk%n", db, rows,
                rows - live.length, live.length, (System.nanoTime() - loadStart) / 1e9, db.bytesOnDisk() >> 20);

        AtomicReference<Phase> phase = new AtomicReference<>(Phase.WARM_UP);
        Map<Phase, List<Latencies>> measured = new EnumMap<>(Phase.class);
        Map<Phase, AtomicLong> refused = new EnumMap<>(Phase.class);
        for (Phase p : Phase.values()) {
            measured.put(p, new ArrayList<>());
            refused.put(p, new AtomicLong());
        }
        try (Realm realm = db.realm().poolSize(threads + 2).build()) {
            List<Thread> workers = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                Map<Phase, Latencies> mine = new EnumMap<>(Phase.class);
                for (Phase p : Phase.values()) {
                    Latencies l = new Latencies();
                    mine.put(p, l);
                    synchronized (measured) {
                        measured.get(p).add(l);
                    }
                }
                Thread worker = new Thread(() -> {
                    ThreadLocalRandom random = ThreadLocalRandom.current();
                    while (true) {
                        String token = live[random.nextInt(live.length)];
                        long start = System.nanoTime();
                        boolean found = realm.resolve(token).isPresent();
                        long took = System.nanoTime() - start;
                        Phase now = phase.get();
                        if (now == Phase.STOPPED) {
                            return;
                        }
                        mine.get(now).add(took);
                        if (!found) {
                            refused.get(now).incrementAndGet();
                        }
                    }
                }, "live-resolve-" + t);
                workers.add(worker);
                worker.start();
            }
            Thread.sleep(phaseMillis);
            phase.set(Phase.BEFORE);
            Thread.sleep(phaseMillis);
            phase.set(Phase.DURING);
            ThreadMXBean cpu = ManagementFactory.getThreadMXBean();
            long purgeStart = System.nanoTime();
            long purgeCpuStart = cpu.getCurrentThreadCpuTime();
            PurgeResult result = realm.purge(batchSize);
            double purgeSeconds = (System.nanoTime() - purgeStart) / 1e9;
            double purgeCpuSeconds = (cpu.getCurrentThreadCpuTime() - purgeCpuStart) / 1e9;
            phase.set(Phase.AFTER);
            Thread.sleep(phaseMillis);
            phase.set(Phase.STOPPED);
            for (Thread worker : workers) {
                worker.join();
            }

            System.out.printf("purge(%d): %,d session rows deleted in %.1f s = %,.0f rows/s (the purging thread's own"
                    + " CPU: %.1f s; H2 works in it, PostgreSQL in its server)%n", batchSize, result.sessions(),
                    purgeSeconds, result.sessions() / purgeSeconds, purgeCpuSeconds);
            System.out.printf("live resolves, %d threads, no cache, %,d live sessions:%n", threads, live.length);
            for (Phase p : List.of(Phase.BEFORE, Phase.DURING, Phase.AFTER)) {
                System.out.printf("  %-7s %s  refused %d%n", p.name().toLowerCase(),
                        Latencies.summarize(measured.get(p)), refused.get(p).get());
            }
            long left = count(db, "select count(*) from hp_session");
            long stillLive = 0;
            for (String token : live) {
                stillLive += realm.resolve(token).isPresent() ? 1 : 0;
            }
            System.out.printf("after: %,d session rows left (expected %,d); %,d of %,d live sessions resolve%n", left,
                    live.length, stillLive, live.length);
            if (left != live.length || stillLive != live.length || result.sessions() != rows - live.length) {
                throw new IllegalStateException("the purge deleted the wrong rows");
            }
        } finally {
            db.clear();
        }
    }

    private static long count(ScaleDatabase db, String sql) throws SQLException {
        try (Connection c = db.connect(); Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }
}
